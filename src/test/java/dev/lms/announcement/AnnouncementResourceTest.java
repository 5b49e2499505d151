package dev.lms.announcement;

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
class AnnouncementResourceTest {

    static final String ANNOUNCEMENTS = "/api/v1/announcements";

    @Inject
    Fixtures fixtures;

    UUID course;
    UUID author;

    @BeforeEach
    void arrange() {
        author = fixtures.instructor();
        course = fixtures.course(author);
    }

    static String body(UUID courseId, UUID authorId, String title) {
        return """
                {"courseId": "%s", "authorId": "%s", "title": "%s", "content": "No class on Monday."}
                """.formatted(courseId, authorId, title);
    }

    String announcement(UUID authorId, String title) {
        return Api.given()
                .body(body(course, authorId, title))
                .post(ANNOUNCEMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String ofCourse(UUID courseId) {
        return "/api/v1/courses/" + courseId + "/announcements";
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void creatingAnAnnouncementShowsAndStoresWhatWasPosted() {
        Response created = Api.given().body(body(course, author, "Holiday")).post(ANNOUNCEMENTS);

        created.then()
                .statusCode(201)
                .body("courseId", equalTo(course.toString()))
                .body("authorId", equalTo(author.toString()))
                .body("title", equalTo("Holiday"))
                .body("content", equalTo("No class on Monday."));
        String id = created.path("id");
        assertThat(fixtures.row("announcements", UUID.fromString(id)))
                .containsEntry("course_id", course)
                .containsEntry("author_id", author)
                .containsEntry("title", "Holiday");
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            title    | {"courseId": "%s", "title": ""}
            title    | {"courseId": "%s"}
            courseId | {"title": "T"}
            courseId | {"courseId": 12, "title": "T", "x": "%s"}
            authorId | {"courseId": "%s", "title": "T", "authorId": "me"}
            content  | {"courseId": "%s", "title": "T", "content": 3}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String template) {
        Api.given().body(template.formatted(course)).post(ANNOUNCEMENTS).then().spec(invalid(field));

        assertThat(fixtures.count("announcements", "course_id", course)).isZero();
    }

    // --- read and list -------------------------------------------------------------------------------------------

    @Test
    void eachFilterNarrowsTheList() {
        UUID assistant = fixtures.instructor();
        String mine = announcement(author, "Mine");
        String theirs = announcement(assistant, "Theirs");
        fixtures.announcement(fixtures.course(author), author);

        Api.given().queryParam("courseId", course).get(ANNOUNCEMENTS).then().body("id", equalTo(List.of(mine, theirs)));
        Api.given().queryParam("authorId", author).get(ANNOUNCEMENTS).then().header("X-Total-Count", "2");
        Api.given()
                .queryParam("courseId", course)
                .queryParam("authorId", assistant)
                .get(ANNOUNCEMENTS)
                .then()
                .body("id", equalTo(List.of(theirs)));
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        announcement(author, "Beta");
        announcement(author, "Alpha");

        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "title")
                .get(ANNOUNCEMENTS)
                .then()
                .body("title", equalTo(List.of("Alpha", "Beta")));
        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "-title")
                .get(ANNOUNCEMENTS)
                .then()
                .body("title", equalTo(List.of("Beta", "Alpha")));
    }

    // --- GET /courses/{id}/announcements -------------------------------------------------------------------------

    @Test
    void aCoursesAnnouncementsComeNewestFirstUnlessSortedOtherwise() {
        String older = announcement(author, "Older");
        String newer = announcement(author, "Newer");
        fixtures.announcement(fixtures.course(author), author);

        Response page = Api.given().get(ofCourse(course));

        page.then().statusCode(200).header("X-Total-Count", "2").body("id", equalTo(List.of(newer, older)));
        assertThat(Links.of(page)).isEqualTo(Map.of("first", "page=1", "last", "page=1"));
        Api.given()
                .queryParam("sort", "createdAt")
                .get(ofCourse(course))
                .then()
                .body("id", equalTo(List.of(older, newer)));
        Api.given().queryParam("sort", "authorId").get(ofCourse(course)).then().spec(invalid("sort"));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putReplacesTheAnnouncement() {
        UUID id = fixtures.announcement(course, author);
        UUID otherCourse = fixtures.course(author);

        Api.given()
                .body(body(otherCourse, author, "Moved"))
                .put(ANNOUNCEMENTS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("courseId", equalTo(otherCourse.toString()))
                .body("title", equalTo("Moved"));

        assertThat(fixtures.row("announcements", id))
                .containsEntry("course_id", otherCourse)
                .containsEntry("title", "Moved");
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndNullClearsAnOptionalOne() {
        String id = announcement(author, "Kept");

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"content\": null}")
                .patch(ANNOUNCEMENTS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("content", nullValue())
                .body("title", equalTo("Kept"))
                .body("authorId", equalTo(author.toString()));
    }

    // --- references: 422, and nothing changed --------------------------------------------------------------------

    @Test
    void anUnknownCourseOrAuthorIs422AndChangesNothing() {
        UUID id = fixtures.announcement(course, author);
        Map<String, Object> before = fixtures.row("announcements", id);
        UUID nowhere = UUID.randomUUID();

        Api.given().body(body(nowhere, author, "T")).post(ANNOUNCEMENTS).then().spec(fieldError(422, "courseId"));
        Api.given().body(body(course, nowhere, "T")).post(ANNOUNCEMENTS).then().spec(fieldError(422, "authorId"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"courseId\": \"" + nowhere + "\"}")
                .patch(ANNOUNCEMENTS + "/" + id)
                .then()
                .spec(fieldError(422, "courseId"));
        Api.given()
                .body(body(course, nowhere, "T"))
                .put(ANNOUNCEMENTS + "/" + id)
                .then()
                .spec(fieldError(422, "authorId"));

        assertThat(fixtures.count("announcements", "course_id", course)).isOne();
        assertThat(fixtures.count("announcements", "course_id", nowhere)).isZero();
        assertThat(fixtures.row("announcements", id)).isEqualTo(before);
    }
}
