package dev.lms.content;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
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
class CourseContentResourceTest {

    static final String CONTENT = "/api/v1/course-content";

    @Inject
    Fixtures fixtures;

    UUID course;

    @BeforeEach
    void arrange() {
        course = fixtures.course(fixtures.instructor());
    }

    static String body(UUID courseId, String title, String type, int position) {
        return """
                {"courseId": "%s", "title": "%s", "type": "%s", "content": "Watch this first.",
                 "fileUrl": "https://cdn.example.org/intro.mp4", "position": %d}
                """.formatted(courseId, title, type, position);
    }

    String item(String title, String type, int position) {
        return Api.given()
                .body(body(course, title, type, position))
                .post(CONTENT)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String ofCourse(UUID courseId) {
        return "/api/v1/courses/" + courseId + "/content";
    }

    static Response patch(Object id, String json) {
        return Api.given().contentType(Api.MERGE_PATCH).body(json).patch(CONTENT + "/" + id);
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void creatingAnItemShowsAndStoresWhatWasPosted() {
        Response created = Api.given().body(body(course, "Intro", "VIDEO", 3)).post(CONTENT);

        created.then()
                .statusCode(201)
                .body("courseId", equalTo(course.toString()))
                .body("title", equalTo("Intro"))
                .body("type", equalTo("VIDEO"))
                .body("content", equalTo("Watch this first."))
                .body("fileUrl", equalTo("https://cdn.example.org/intro.mp4"))
                .body("position", equalTo(3));
        String id = created.path("id");
        assertThat(fixtures.row("course_content", UUID.fromString(id)))
                .containsEntry("course_id", course)
                .containsEntry("position", 3)
                .containsEntry("title", "Intro");
    }

    @Test
    void anItemIsAtPositionZeroUnlessToldOtherwise() {
        Api.given()
                .body("{\"courseId\": \"" + course + "\", \"title\": \"Notes\", \"type\": \"TEXT\"}")
                .post(CONTENT)
                .then()
                .statusCode(201)
                .body("position", equalTo(0))
                .body("fileUrl", nullValue());
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            title    | {"courseId": "%s", "title": " ", "type": "TEXT"}
            title    | {"courseId": "%s", "type": "TEXT"}
            type     | {"courseId": "%s", "title": "T"}
            type     | {"courseId": "%s", "title": "T", "type": "PODCAST"}
            type     | {"courseId": "%s", "title": "T", "type": "video"}
            type     | {"courseId": "%s", "title": "T", "type": 1}
            position | {"courseId": "%s", "title": "T", "type": "TEXT", "position": -1}
            position | {"courseId": "%s", "title": "T", "type": "TEXT", "position": "first"}
            position | {"courseId": "%s", "title": "T", "type": "TEXT", "position": 1.5}
            fileUrl  | {"courseId": "%s", "title": "T", "type": "LINK", "fileUrl": "ftp://files.example.org/a.pdf"}
            fileUrl  | {"courseId": "%s", "title": "T", "type": "LINK", "fileUrl": "javascript:alert(1)"}
            courseId | {"title": "T", "type": "TEXT"}
            courseId | {"courseId": "CS101", "title": "T", "type": "TEXT", "x": "%s"}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String template) {
        Api.given().body(template.formatted(course)).post(CONTENT).then().spec(invalid(field));

        assertThat(fixtures.count("course_content", "course_id", course)).isZero();
    }

    @Test
    void aBadTypeNamesTheTypesItAccepts() {
        Api.given()
                .body("{\"courseId\": \"" + course + "\", \"title\": \"T\", \"type\": \"PODCAST\"}")
                .post(CONTENT)
                .then()
                .spec(invalid("type"))
                .body("errors[0].message", equalTo("must be one of TEXT, VIDEO, DOCUMENT, LINK, SCORM, YOUTUBE"));
    }

    // --- read and list -------------------------------------------------------------------------------------------

    @Test
    void eachFilterNarrowsTheList() {
        String video = item("Lecture", "VIDEO", 0);
        String text = item("Notes", "TEXT", 1);
        String youtube = item("Extra", "YOUTUBE", 2);
        fixtures.content(fixtures.course(fixtures.instructor()), "VIDEO", 0);

        Api.given()
                .queryParam("courseId", course)
                .get(CONTENT)
                .then()
                .body("id", equalTo(List.of(video, text, youtube)));
        Api.given()
                .queryParam("courseId", course)
                .queryParam("type", "VIDEO")
                .get(CONTENT)
                .then()
                .body("id", equalTo(List.of(video)));
        Api.given()
                .queryParam("courseId", course)
                .queryParam("type", "TEXT")
                .get(CONTENT)
                .then()
                .header("X-Total-Count", "1")
                .body("id", equalTo(List.of(text)));
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        item("B", "TEXT", 5);
        item("A", "VIDEO", 9);
        item("C", "LINK", 1);

        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "-position")
                .get(CONTENT)
                .then()
                .body("title", equalTo(List.of("A", "B", "C")));
        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "type,title")
                .get(CONTENT)
                .then()
                .body("title", equalTo(List.of("B", "A", "C")));
    }

    // --- GET /courses/{id}/content -------------------------------------------------------------------------------

    @Test
    void aCoursesContentIsInPositionOrderThenCreationOrder() {
        String third = item("Third", "TEXT", 2);
        String first = item("First", "VIDEO", 0);
        String secondA = item("Second A", "LINK", 1);
        String secondB = item("Second B", "LINK", 1);
        fixtures.content(fixtures.course(fixtures.instructor()), "TEXT", 0);

        Response outline = Api.given().get(ofCourse(course));

        outline.then()
                .statusCode(200)
                .header("X-Total-Count", "4")
                .body("id", equalTo(List.of(first, secondA, secondB, third)));
        assertThat(Links.of(outline)).isEqualTo(Map.of("first", "page=1", "last", "page=1"));
        Api.given()
                .queryParam("sort", "title")
                .get(ofCourse(course))
                .then()
                .body("title", equalTo(List.of("First", "Second A", "Second B", "Third")));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putReplacesTheItem() {
        UUID id = fixtures.content(course, "TEXT", 0);

        Api.given()
                .body(body(course, "Recorded", "YOUTUBE", 4))
                .put(CONTENT + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("type", equalTo("YOUTUBE"))
                .body("position", equalTo(4));

        assertThat(fixtures.row("course_content", id))
                .containsEntry("title", "Recorded")
                .containsEntry("position", 4);
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndNullClearsAnOptionalOne() {
        String id = item("Kept", "DOCUMENT", 7);

        patch(id, "{\"fileUrl\": null, \"type\": \"LINK\"}")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("fileUrl", nullValue())
                .body("type", equalTo("LINK"))
                .body("title", equalTo("Kept"))
                .body("position", equalTo(7));
    }

    // --- references: 422, and nothing changed --------------------------------------------------------------------

    @Test
    void anUnknownCourseIs422AndChangesNothing() {
        UUID id = fixtures.content(course, "TEXT", 0);
        Map<String, Object> before = fixtures.row("course_content", id);
        UUID nowhere = UUID.randomUUID();

        Api.given().body(body(nowhere, "T", "TEXT", 0)).post(CONTENT).then().spec(fieldError(422, "courseId"));
        patch(id, "{\"courseId\": \"" + nowhere + "\"}").then().spec(fieldError(422, "courseId"));

        assertThat(fixtures.count("course_content", "course_id", nowhere)).isZero();
        assertThat(fixtures.row("course_content", id)).isEqualTo(before);
    }
}
