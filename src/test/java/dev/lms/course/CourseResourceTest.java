package dev.lms.course;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.invalid;
import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Links;
import dev.lms.testing.Statements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class CourseResourceTest {

    static final String COURSES = "/api/v1/courses";

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    Fixtures fixtures;
    UUID instructor;

    @BeforeEach
    void arrange() {
        fixtures = new Fixtures(dataSource);
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
    void creatingACourseAnswers201WithItsLocationVersionAndBody() {
        String code = Fixtures.unique("CS");

        Response created =
                Api.given().body(body(code, "Algorithms", instructor)).post(COURSES);

        created.then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("code", equalTo(code))
                .body("title", equalTo("Algorithms"))
                .body("description", equalTo("Intro"))
                .body("semester", equalTo("2026-FALL"))
                .body("active", equalTo(true))
                .body("thumbnailUrl", equalTo("https://img.example.org/c.png"))
                .body("instructorId", equalTo(instructor.toString()))
                .body("version", equalTo(0));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(COURSES + "/" + id);
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

    @ParameterizedTest
    @ValueSource(strings = {"id", "createdAt", "updatedAt", "version", "instructor", "enrollments"})
    void readOnlyAndUnknownFieldsAreRefusedNotIgnored(String field) {
        String json = body(Fixtures.unique("CS"), "T", instructor).replaceFirst("\\{", "{\"" + field + "\": \"1\", ");

        Api.given().body(json).post(COURSES).then().spec(invalid(field));

        assertThat(fixtures.count("courses", "instructor_id", instructor)).isZero();
    }

    // --- read and list -------------------------------------------------------------------------------------------

    @Test
    void readingACourseGivesItsVersionAsETag() {
        UUID id = fixtures.course(instructor);

        Api.given()
                .get(COURSES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id.toString()))
                .body("instructorId", equalTo(instructor.toString()));
    }

    @Test
    void anUnknownIdIs404AndAMalformedOneIs400() {
        Api.given().get(COURSES + "/" + UUID.randomUUID()).then().spec(problem(404));
        Api.given().get(COURSES + "/CS101").then().spec(invalid("id"));
    }

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

    @Test
    void badListParametersAre400() {
        Api.given()
                .queryParam("sort", "instructor.passwordHash")
                .get(COURSES)
                .then()
                .spec(invalid("sort"));
        Api.given().queryParam("active", "yes").get(COURSES).then().spec(invalid("active"));
        Api.given().queryParam("instructorId", "me").get(COURSES).then().spec(invalid("instructorId"));
        Api.given().queryParam("size", 101).get(COURSES).then().spec(invalid("size"));
        Api.given().queryParam("size", "ten").get(COURSES).then().spec(problem(400));
    }

    @Test
    void aListTakesAtMostTwoStatementsWhateverItsSize() {
        for (int i = 0; i < 3; i++) {
            fixtures.course(fixtures.instructor());
        }
        for (int size : new int[] {1, 100}) {
            long statements = Statements.during(
                    sessionFactory,
                    () -> Api.given()
                            .queryParam("size", size)
                            .get(COURSES)
                            .then()
                            .statusCode(200));
            assertThat(statements).as("statements for size=%d", size).isLessThanOrEqualTo(2);
        }
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

    @Test
    void aPatchIsValidatedAfterMerging() {
        UUID id = fixtures.course(instructor);
        Map<String, Object> before = fixtures.row("courses", id);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"title\": null}")
                .patch(COURSES + "/" + id)
                .then()
                .spec(invalid("title"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"thumbnailUrl\": \"file:///etc/passwd\"}")
                .patch(COURSES + "/" + id)
                .then()
                .spec(invalid("thumbnailUrl"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"instructorId\": null}")
                .patch(COURSES + "/" + id)
                .then()
                .spec(invalid("instructorId"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"id\": \"" + UUID.randomUUID() + "\"}")
                .patch(COURSES + "/" + id)
                .then()
                .spec(invalid("id"));

        assertThat(fixtures.row("courses", id)).isEqualTo(before);
    }

    // --- If-Match ------------------------------------------------------------------------------------------------

    @Test
    void writesWithAStaleETagAre412AndChangeNothing() {
        UUID id = fixtures.course(instructor);
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"title\": \"Someone else's\"}")
                .patch(COURSES + "/" + id)
                .then()
                .header("ETag", "\"1\"");
        Map<String, Object> before = fixtures.row("courses", id);

        Api.given()
                .header("If-Match", "\"0\"")
                .body(body(Fixtures.unique("CS"), "Mine", instructor))
                .put(COURSES + "/" + id)
                .then()
                .spec(problem(412));
        Api.given()
                .header("If-Match", "\"0\"")
                .contentType(Api.MERGE_PATCH)
                .body("{\"title\": \"Mine\"}")
                .patch(COURSES + "/" + id)
                .then()
                .spec(problem(412));
        Api.given()
                .header("If-Match", "\"0\"")
                .delete(COURSES + "/" + id)
                .then()
                .spec(problem(412));

        assertThat(fixtures.row("courses", id)).isEqualTo(before);

        Api.given()
                .header("If-Match", "\"1\"")
                .delete(COURSES + "/" + id)
                .then()
                .statusCode(204);
    }

    // --- delete --------------------------------------------------------------------------------------------------

    @Test
    void deletingACourseAnswers204InOneStatementAndCascades() {
        UUID id = fixtures.course(instructor);
        UUID student = fixtures.student();
        UUID enrollment = fixtures.enrollment(student, id);

        long statements = Statements.during(
                sessionFactory,
                () -> Api.given().delete(COURSES + "/" + id).then().statusCode(204));

        assertThat(statements).isOne();
        assertThat(fixtures.count("courses", "id", id)).isZero();
        assertThat(fixtures.count("enrollments", "id", enrollment)).isZero();
        Api.given().delete(COURSES + "/" + id).then().spec(problem(404));
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
