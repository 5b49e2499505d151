package dev.lms.course;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Links;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class CourseResourceTest {

    static final String COURSES = "/api/v1/courses";

    @Inject
    Fixtures fixtures;

    UUID instructor;

    @BeforeEach
    void arrange() {
        instructor = fixtures.instructor();
    }

    static String body(String code, String title, UUID instructorId) {
        return """
                {"code": "%s", "title": "%s", "description": "Intro", "semester": "2026-FALL", "active": true,
                 "thumbnailUrl": "https://img.example.org/c.png", "instructorId": "%s"}
                """.formatted(code, title, instructorId);
    }

    /** Creates a course through the API, for tests about lists. */
    String course(String title, String semester, boolean active) {
        return Api.given()
                .body("""
                        {"code": "%s", "title": "%s", "semester": "%s", "active": %s, "instructorId": "%s"}
                        """.formatted(Fixtures.unique("CS"), title, semester, active, instructor))
                .post(COURSES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void creatingACourseShowsAndStoresWhatWasPosted() {
        String code = Fixtures.unique("CS");

        Response created =
                Api.given().body(body(code, "Algorithms", instructor)).post(COURSES);

        created.then()
                .statusCode(201)
                .body("code", equalTo(code))
                .body("title", equalTo("Algorithms"))
                .body("description", equalTo("Intro"))
                .body("semester", equalTo("2026-FALL"))
                .body("active", equalTo(true))
                .body("thumbnailUrl", equalTo("https://img.example.org/c.png"))
                .body("instructorId", equalTo(instructor.toString()));
        String id = created.path("id");
        assertThat(fixtures.row("courses", UUID.fromString(id))).containsEntry("code", code);
    }

    @Test
    void aCourseIsActiveUnlessToldOtherwise() {
        Api.given()
                .body("{\"code\": \"" + Fixtures.unique("CS") + "\", \"title\": \"T\", \"instructorId\": \""
                        + instructor + "\"}")
                .post(COURSES)
                .then()
                .statusCode(201)
                .body("active", equalTo(true))
                .body("description", nullValue());
    }

    @Test
    void anAdminMayTeachACourse() {
        UUID admin = fixtures.user("ADMIN");

        Api.given()
                .body(body(Fixtures.unique("CS"), "T", admin))
                .post(COURSES)
                .then()
                .statusCode(201);
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            code         | {"code": " ",    "title": "T", "instructorId": "%s"}
            code         | {                "title": "T", "instructorId": "%s"}
            title        | {"code": "%%s",  "title": "",  "instructorId": "%s"}
            title        | {"code": "%%s",                "instructorId": "%s"}
            instructorId | {"code": "%%s",  "title": "T", "instructorId": "42", "x": "%s"}
            instructorId | {"code": "%%s",  "title": "T"}
            thumbnailUrl | {"code": "%%s",  "title": "T", "instructorId": "%s", "thumbnailUrl": "ftp://x.org/a.png"}
            thumbnailUrl | {"code": "%%s",  "title": "T", "instructorId": "%s", "thumbnailUrl": "javascript:alert(1)"}
            active       | {"code": "%%s",  "title": "T", "instructorId": "%s", "active": "yes"}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String template) {
        String code = Fixtures.unique("BAD");
        String json = template.formatted(instructor).replace("%s", code);

        Api.given().body(json).post(COURSES).then().spec(invalid(field));

        assertThat(fixtures.count("courses", "code", code)).isZero();
        assertThat(fixtures.count("courses", "instructor_id", instructor)).isZero();
    }

    // --- read and list -------------------------------------------------------------------------------------------

    @Test
    void listsArePagedWithLinkAndTotalCountHeaders() {
        for (int i = 0; i < 5; i++) {
            fixtures.course(instructor);
        }

        Response first = Api.given()
                .queryParam("instructorId", instructor)
                .queryParam("size", 2)
                .get(COURSES);
        Response middle = Api.given()
                .queryParam("instructorId", instructor)
                .queryParam("size", 2)
                .queryParam("page", 2)
                .get(COURSES);
        Response last = Api.given()
                .queryParam("instructorId", instructor)
                .queryParam("size", 2)
                .queryParam("page", 3)
                .get(COURSES);

        first.then().statusCode(200).header("X-Total-Count", "5").body("$", hasSize(2));
        assertThat(Links.of(first)).isEqualTo(Map.of("first", "page=1", "next", "page=2", "last", "page=3"));
        assertThat(Links.of(middle))
                .isEqualTo(Map.of("first", "page=1", "prev", "page=1", "next", "page=3", "last", "page=3"));
        // The last page is not full, so it shows the total without a count query; the header is the same.
        last.then().header("X-Total-Count", "5").body("$", hasSize(1));
        assertThat(Links.of(last)).isEqualTo(Map.of("first", "page=1", "prev", "page=2", "last", "page=3"));
        assertThat(first.header("Link")).contains("instructorId=" + instructor).contains("size=2");
    }

    @Test
    void aPageBeyondTheLastIsEmptyAndLinksBack() {
        fixtures.course(instructor);

        Response beyond = Api.given()
                .queryParam("instructorId", instructor)
                .queryParam("page", 9)
                .get(COURSES);

        beyond.then().statusCode(200).header("X-Total-Count", "1").body("$", hasSize(0));
        assertThat(Links.of(beyond)).isEqualTo(Map.of("first", "page=1", "prev", "page=1", "last", "page=1"));
    }

    @Test
    void theFiltersCombine() {
        String fallActive = course("A", "2026-FALL", true);
        course("B", "2026-FALL", false);
        String springActive = course("C", "2027-SPRING", true);
        fixtures.course(fixtures.instructor());

        Api.given().queryParam("instructorId", instructor).get(COURSES).then().header("X-Total-Count", "3");
        Api.given()
                .queryParam("instructorId", instructor)
                .queryParam("active", true)
                .get(COURSES)
                .then()
                .body("id", equalTo(List.of(fallActive, springActive)));
        Api.given()
                .queryParam("instructorId", instructor)
                .queryParam("semester", "2026-FALL")
                .queryParam("active", "true")
                .get(COURSES)
                .then()
                .body("id", equalTo(List.of(fallActive)));
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        course("Beta", "2026-FALL", true);
        course("Alpha", "2027-SPRING", true);
        course("Gamma", "2026-FALL", true);

        Api.given()
                .queryParam("instructorId", instructor)
                .queryParam("sort", "title")
                .get(COURSES)
                .then()
                .body("title", equalTo(List.of("Alpha", "Beta", "Gamma")));
        Api.given()
                .queryParam("instructorId", instructor)
                .queryParam("sort", "-semester, -title")
                .get(COURSES)
                .then()
                .body("title", equalTo(List.of("Alpha", "Gamma", "Beta")));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putReplacesTheCourseIncludingItsInstructor() {
        UUID id = fixtures.course(instructor);
        UUID successor = fixtures.instructor();
        String code = Fixtures.unique("CS");

        Api.given()
                .body(body(code, "Renamed", successor))
                .put(COURSES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("code", equalTo(code))
                .body("title", equalTo("Renamed"))
                .body("instructorId", equalTo(successor.toString()));

        assertThat(fixtures.row("courses", id))
                .containsEntry("instructor_id", successor)
                .containsEntry("title", "Renamed");
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndNullClearsAnOptionalOne() {
        String id = course("Kept", "2026-FALL", true);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"active\": false, \"semester\": null}")
                .patch(COURSES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("active", equalTo(false))
                .body("semester", nullValue())
                .body("title", equalTo("Kept"))
                .body("instructorId", equalTo(instructor.toString()));
    }

    // --- conflicts and references: 409 and 422, and nothing changed ----------------------------------------------

    @Test
    void aDuplicateCodeIs409() {
        UUID existing = fixtures.course(instructor);
        String code = (String) fixtures.row("courses", existing).get("code");

        Api.given().body(body(code, "Copy", instructor)).post(COURSES).then().spec(fieldError(409, "code"));

        assertThat(fixtures.count("courses", "code", code)).isOne();
    }

    @Test
    void changingACodeToOneInUseIs409AndChangesNothing() {
        String taken =
                (String) fixtures.row("courses", fixtures.course(instructor)).get("code");
        UUID id = fixtures.course(instructor);
        Map<String, Object> before = fixtures.row("courses", id);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"code\": \"" + taken + "\"}")
                .patch(COURSES + "/" + id)
                .then()
                .spec(fieldError(409, "code"));

        assertThat(fixtures.row("courses", id)).isEqualTo(before);
    }

    @Test
    void anInstructorIdThatDoesNotExistIs422() {
        String code = Fixtures.unique("CS");

        Api.given()
                .body(body(code, "T", UUID.randomUUID()))
                .post(COURSES)
                .then()
                .spec(fieldError(422, "instructorId"));

        assertThat(fixtures.count("courses", "code", code)).isZero();
    }

    @Test
    void aStudentCannotTeachACourse() {
        UUID student = fixtures.student();
        String code = Fixtures.unique("CS");
        UUID id = fixtures.course(instructor);
        Map<String, Object> before = fixtures.row("courses", id);

        Api.given().body(body(code, "T", student)).post(COURSES).then().spec(fieldError(422, "instructorId"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"instructorId\": \"" + student + "\"}")
                .patch(COURSES + "/" + id)
                .then()
                .spec(fieldError(422, "instructorId"));

        assertThat(fixtures.count("courses", "code", code)).isZero();
        assertThat(fixtures.row("courses", id)).isEqualTo(before);
    }
}
