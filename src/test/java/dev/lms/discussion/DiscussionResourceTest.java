package dev.lms.discussion;

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
class DiscussionResourceTest {

    static final String DISCUSSIONS = "/api/v1/discussions";

    @Inject
    Fixtures fixtures;

    UUID course;
    UUID author;

    @BeforeEach
    void arrange() {
        course = fixtures.course(fixtures.instructor());
        author = fixtures.student();
    }

    static String body(UUID courseId, UUID authorId, String title) {
        return """
                {"courseId": "%s", "authorId": "%s", "title": "%s", "content": "Let us talk."}
                """.formatted(courseId, authorId, title);
    }

    /** Creates a discussion through the API, for tests about lists. */
    String discussion(UUID authorId, String title) {
        return Api.given()
                .body(body(course, authorId, title))
                .post(DISCUSSIONS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void creatingADiscussionShowsAndStoresWhatWasPosted() {
        Response created = Api.given().body(body(course, author, "Week 1")).post(DISCUSSIONS);

        created.then()
                .statusCode(201)
                .body("courseId", equalTo(course.toString()))
                .body("authorId", equalTo(author.toString()))
                .body("title", equalTo("Week 1"))
                .body("content", equalTo("Let us talk."));
        String id = created.path("id");
        assertThat(fixtures.row("discussions", UUID.fromString(id)))
                .containsEntry("course_id", course)
                .containsEntry("author_id", author)
                .containsEntry("title", "Week 1");
    }

    @Test
    void aDiscussionNeedNotNameAnAuthor() {
        Api.given()
                .body("{\"courseId\": \"" + course + "\", \"title\": \"Anonymous\"}")
                .post(DISCUSSIONS)
                .then()
                .statusCode(201)
                .body("authorId", nullValue())
                .body("content", nullValue());
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            title    | {"courseId": "%s", "title": " "}
            title    | {"courseId": "%s"}
            title    | {"courseId": "%s", "title": 42}
            courseId | {"title": "T"}
            courseId | {"courseId": "CS101", "title": "T", "x": "%s"}
            authorId | {"courseId": "%s", "title": "T", "authorId": "me"}
            content  | {"courseId": "%s", "title": "T", "content": ["a"]}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String template) {
        Api.given().body(template.formatted(course)).post(DISCUSSIONS).then().spec(invalid(field));

        assertThat(fixtures.count("discussions", "course_id", course)).isZero();
    }

    // --- read and list -------------------------------------------------------------------------------------------

    @Test
    void listsArePagedWithLinkAndTotalCountHeaders() {
        for (int i = 0; i < 5; i++) {
            fixtures.discussion(course, author);
        }

        Response first =
                Api.given().queryParam("courseId", course).queryParam("size", 2).get(DISCUSSIONS);
        Response last = Api.given()
                .queryParam("courseId", course)
                .queryParam("size", 2)
                .queryParam("page", 3)
                .get(DISCUSSIONS);

        first.then().statusCode(200).header("X-Total-Count", "5").body("$", hasSize(2));
        assertThat(Links.of(first)).isEqualTo(Map.of("first", "page=1", "next", "page=2", "last", "page=3"));
        last.then().header("X-Total-Count", "5").body("$", hasSize(1));
        assertThat(Links.of(last)).isEqualTo(Map.of("first", "page=1", "prev", "page=2", "last", "page=3"));
        assertThat(first.header("Link")).contains("courseId=" + course).contains("size=2");
    }

    @Test
    void eachFilterNarrowsTheList() {
        UUID otherAuthor = fixtures.student();
        String mine = discussion(author, "Mine");
        String theirs = discussion(otherAuthor, "Theirs");
        fixtures.discussion(fixtures.course(fixtures.instructor()), author);

        Api.given()
                .queryParam("courseId", course)
                .get(DISCUSSIONS)
                .then()
                .header("X-Total-Count", "2")
                .body("id", equalTo(List.of(mine, theirs)));
        Api.given().queryParam("authorId", author).get(DISCUSSIONS).then().header("X-Total-Count", "2");
        Api.given()
                .queryParam("courseId", course)
                .queryParam("authorId", otherAuthor)
                .get(DISCUSSIONS)
                .then()
                .body("id", equalTo(List.of(theirs)));
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        discussion(author, "Beta");
        discussion(author, "Alpha");
        discussion(author, "Gamma");

        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "title")
                .get(DISCUSSIONS)
                .then()
                .body("title", equalTo(List.of("Alpha", "Beta", "Gamma")));
        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "-createdAt")
                .get(DISCUSSIONS)
                .then()
                .body("title", equalTo(List.of("Gamma", "Alpha", "Beta")));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putReplacesTheDiscussionIncludingItsCourse() {
        UUID id = fixtures.discussion(course, author);
        UUID otherCourse = fixtures.course(fixtures.instructor());

        Api.given()
                .body(body(otherCourse, author, "Moved"))
                .put(DISCUSSIONS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("courseId", equalTo(otherCourse.toString()))
                .body("title", equalTo("Moved"));

        assertThat(fixtures.row("discussions", id))
                .containsEntry("course_id", otherCourse)
                .containsEntry("title", "Moved");
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndNullClearsAnOptionalOne() {
        String id = discussion(author, "Kept");

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"content\": \"Edited\", \"authorId\": null}")
                .patch(DISCUSSIONS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("content", equalTo("Edited"))
                .body("authorId", nullValue())
                .body("title", equalTo("Kept"))
                .body("courseId", equalTo(course.toString()));
    }

    @Test
    void aDiscussionWhoseAuthorWasDeletedCanStillBePatched() {
        UUID id = fixtures.discussion(course, author);
        Api.given().delete("/api/v1/users/" + author).then().statusCode(204);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"title\": \"Still here\"}")
                .patch(DISCUSSIONS + "/" + id)
                .then()
                .statusCode(200)
                .body("authorId", nullValue())
                .body("title", equalTo("Still here"));
    }

    // --- references: 422, and nothing changed --------------------------------------------------------------------

    @Test
    void anUnknownCourseIs422AndChangesNothing() {
        UUID id = fixtures.discussion(course, author);
        Map<String, Object> before = fixtures.row("discussions", id);
        UUID nowhere = UUID.randomUUID();

        Api.given().body(body(nowhere, author, "T")).post(DISCUSSIONS).then().spec(fieldError(422, "courseId"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"courseId\": \"" + nowhere + "\"}")
                .patch(DISCUSSIONS + "/" + id)
                .then()
                .spec(fieldError(422, "courseId"));

        assertThat(fixtures.count("discussions", "course_id", nowhere)).isZero();
        assertThat(fixtures.row("discussions", id)).isEqualTo(before);
    }

    @Test
    void anUnknownAuthorIs422AndChangesNothing() {
        UUID id = fixtures.discussion(course, author);
        Map<String, Object> before = fixtures.row("discussions", id);
        UUID nobody = UUID.randomUUID();

        Api.given().body(body(course, nobody, "T")).post(DISCUSSIONS).then().spec(fieldError(422, "authorId"));
        Api.given()
                .body(body(course, nobody, "T"))
                .put(DISCUSSIONS + "/" + id)
                .then()
                .spec(fieldError(422, "authorId"));

        assertThat(fixtures.count("discussions", "course_id", course)).isOne();
        assertThat(fixtures.row("discussions", id)).isEqualTo(before);
    }
}
