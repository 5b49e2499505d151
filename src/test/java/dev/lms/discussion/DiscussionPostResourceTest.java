package dev.lms.discussion;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
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
class DiscussionPostResourceTest {

    static final String POSTS = "/api/v1/discussion-posts";

    @Inject
    Fixtures fixtures;

    UUID course;
    UUID discussion;
    UUID author;

    @BeforeEach
    void arrange() {
        course = fixtures.course(fixtures.instructor());
        author = fixtures.student();
        discussion = fixtures.discussion(course, author);
    }

    static String body(UUID discussionId, UUID authorId, UUID parentId, String content) {
        return """
                {"discussionId": "%s", "authorId": "%s", "parentId": %s, "content": "%s"}
                """.formatted(discussionId, authorId, parentId == null ? "null" : "\"" + parentId + "\"", content);
    }

    String post(UUID authorId, UUID parentId, String content) {
        return Api.given()
                .body(body(discussion, authorId, parentId, content))
                .post(POSTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Response patch(Object id, String json) {
        return Api.given().contentType(Api.MERGE_PATCH).body(json).patch(POSTS + "/" + id);
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void creatingAPostShowsAndStoresWhatWasPosted() {
        Response created =
                Api.given().body(body(discussion, author, null, "First!")).post(POSTS);

        created.then()
                .statusCode(201)
                .body("discussionId", equalTo(discussion.toString()))
                .body("authorId", equalTo(author.toString()))
                .body("parentId", nullValue())
                .body("content", equalTo("First!"));
        String id = created.path("id");
        assertThat(fixtures.row("discussion_posts", UUID.fromString(id)))
                .containsEntry("discussion_id", discussion)
                .containsEntry("content", "First!");
    }

    @Test
    void aReplyNamesItsParent() {
        UUID parent = fixtures.post(discussion, author, null);

        Api.given()
                .body(body(discussion, fixtures.student(), parent, "Agreed"))
                .post(POSTS)
                .then()
                .statusCode(201)
                .body("parentId", equalTo(parent.toString()));
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            content      | {"discussionId": "%s", "content": "  "}
            content      | {"discussionId": "%s"}
            content      | {"discussionId": "%s", "content": true}
            discussionId | {"content": "Hi"}
            discussionId | {"discussionId": "week-1", "content": "Hi", "x": "%s"}
            parentId     | {"discussionId": "%s", "content": "Hi", "parentId": 7}
            authorId     | {"discussionId": "%s", "content": "Hi", "authorId": "me"}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String template) {
        Api.given().body(template.formatted(discussion)).post(POSTS).then().spec(invalid(field));

        assertThat(fixtures.count("discussion_posts", "discussion_id", discussion))
                .isZero();
    }

    // --- read and list -------------------------------------------------------------------------------------------

    @Test
    void readingAReplyShowsItsParent() {
        UUID parent = fixtures.post(discussion, author, null);
        UUID id = fixtures.post(discussion, author, parent);

        Api.given().get(POSTS + "/" + id).then().statusCode(200).body("parentId", equalTo(parent.toString()));
    }

    @Test
    void eachFilterNarrowsTheList() {
        UUID other = fixtures.student();
        String root = post(author, null, "Root");
        String reply = post(other, UUID.fromString(root), "Reply");
        String otherRoot = post(other, null, "Other root");
        fixtures.post(fixtures.discussion(course, author), author, null);

        Api.given()
                .queryParam("discussionId", discussion)
                .get(POSTS)
                .then()
                .body("id", equalTo(List.of(root, reply, otherRoot)));
        Api.given()
                .queryParam("discussionId", discussion)
                .queryParam("authorId", other)
                .get(POSTS)
                .then()
                .body("id", equalTo(List.of(reply, otherRoot)));
        Api.given()
                .queryParam("parentId", root)
                .get(POSTS)
                .then()
                .header("X-Total-Count", "1")
                .body("id", equalTo(List.of(reply)));
        Api.given().queryParam("authorId", author).get(POSTS).then().header("X-Total-Count", "2");
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        post(author, null, "One");
        post(author, null, "Two");
        post(author, null, "Three");

        Api.given()
                .queryParam("discussionId", discussion)
                .queryParam("sort", "-createdAt")
                .get(POSTS)
                .then()
                .body("content", equalTo(List.of("Three", "Two", "One")));
        Api.given()
                .queryParam("discussionId", discussion)
                .queryParam("sort", "content")
                .get(POSTS)
                .then()
                .spec(invalid("sort"));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putReplacesThePost() {
        UUID id = fixtures.post(discussion, author, null);
        UUID editor = fixtures.instructor();

        Api.given()
                .body(body(discussion, editor, null, "Rewritten"))
                .put(POSTS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("content", equalTo("Rewritten"))
                .body("authorId", equalTo(editor.toString()));

        assertThat(fixtures.row("discussion_posts", id))
                .containsEntry("content", "Rewritten")
                .containsEntry("author_id", editor);
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        UUID parent = fixtures.post(discussion, author, null);
        UUID id = fixtures.post(discussion, author, parent);

        patch(id, "{\"content\": \"Edited\"}")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("content", equalTo("Edited"))
                .body("parentId", equalTo(parent.toString()))
                .body("authorId", equalTo(author.toString()));
    }

    // --- the tree stays a tree -----------------------------------------------------------------------------------

    @Test
    void aPostMovesUnderAnotherPostOfItsDiscussionOrToTheTop() {
        UUID first = fixtures.post(discussion, author, null);
        UUID second = fixtures.post(discussion, author, null);
        UUID reply = fixtures.post(discussion, author, first);

        patch(reply, "{\"parentId\": \"" + second + "\"}")
                .then()
                .statusCode(200)
                .body("parentId", equalTo(second.toString()));
        patch(reply, "{\"parentId\": null}").then().statusCode(200).body("parentId", nullValue());

        assertThat(fixtures.row("discussion_posts", reply)).containsEntry("parent_id", null);
    }

    @Test
    void aReplyToAPostOfAnotherDiscussionIs422AndCreatesNothing() {
        UUID elsewhere = fixtures.post(fixtures.discussion(course, author), author, null);

        Api.given()
                .body(body(discussion, author, elsewhere, "Cross-post"))
                .post(POSTS)
                .then()
                .spec(fieldError(422, "parentId"));

        assertThat(fixtures.count("discussion_posts", "discussion_id", discussion))
                .isZero();
        assertThat(fixtures.count("discussion_posts", "parent_id", elsewhere)).isZero();
    }

    @Test
    void movingAPostUnderAPostOfAnotherDiscussionIs422AndChangesNothing() {
        UUID id = fixtures.post(discussion, author, null);
        UUID elsewhere = fixtures.post(fixtures.discussion(course, author), author, null);
        Map<String, Object> before = fixtures.row("discussion_posts", id);

        patch(id, "{\"parentId\": \"" + elsewhere + "\"}").then().spec(fieldError(422, "parentId"));

        assertThat(fixtures.row("discussion_posts", id)).isEqualTo(before);
    }

    @Test
    void movingAPostToAnotherDiscussionIs422AndChangesNothing() {
        UUID id = fixtures.post(discussion, author, null);
        UUID reply = fixtures.post(discussion, author, id);
        UUID otherDiscussion = fixtures.discussion(course, author);
        Map<String, Object> before = fixtures.row("discussion_posts", id);

        patch(id, "{\"discussionId\": \"" + otherDiscussion + "\"}").then().spec(fieldError(422, "discussionId"));
        Api.given()
                .body(body(otherDiscussion, author, null, "Moved"))
                .put(POSTS + "/" + id)
                .then()
                .spec(fieldError(422, "discussionId"));

        assertThat(fixtures.row("discussion_posts", id)).isEqualTo(before);
        assertThat(fixtures.row("discussion_posts", reply)).containsEntry("discussion_id", discussion);
    }

    @Test
    void movingAPostUnderItselfOrOneOfItsRepliesIs422AndChangesNothing() {
        UUID root = fixtures.post(discussion, author, null);
        UUID child = fixtures.post(discussion, author, root);
        UUID grandchild = fixtures.post(discussion, author, child);
        Map<String, Object> rootBefore = fixtures.row("discussion_posts", root);
        Map<String, Object> childBefore = fixtures.row("discussion_posts", child);

        patch(root, "{\"parentId\": \"" + root + "\"}").then().spec(fieldError(422, "parentId"));
        patch(root, "{\"parentId\": \"" + grandchild + "\"}").then().spec(fieldError(422, "parentId"));
        patch(child, "{\"parentId\": \"" + grandchild + "\"}").then().spec(fieldError(422, "parentId"));

        assertThat(fixtures.row("discussion_posts", root)).isEqualTo(rootBefore);
        assertThat(fixtures.row("discussion_posts", child)).isEqualTo(childBefore);
    }

    @Test
    void unknownReferencesAre422AndCreateNothing() {
        UUID nowhere = UUID.randomUUID();

        Api.given().body(body(nowhere, author, null, "Hi")).post(POSTS).then().spec(fieldError(422, "discussionId"));
        Api.given()
                .body(body(discussion, nowhere, null, "Hi"))
                .post(POSTS)
                .then()
                .spec(fieldError(422, "authorId"));
        Api.given()
                .body(body(discussion, author, nowhere, "Hi"))
                .post(POSTS)
                .then()
                .spec(fieldError(422, "parentId"));

        assertThat(fixtures.count("discussion_posts", "discussion_id", discussion))
                .isZero();
        assertThat(fixtures.count("discussion_posts", "discussion_id", nowhere)).isZero();
    }

    @Test
    void anUnknownAuthorOrParentOnUpdateIs422AndChangesNothing() {
        UUID id = fixtures.post(discussion, author, null);
        Map<String, Object> before = fixtures.row("discussion_posts", id);
        UUID nowhere = UUID.randomUUID();

        patch(id, "{\"authorId\": \"" + nowhere + "\"}").then().spec(fieldError(422, "authorId"));
        patch(id, "{\"parentId\": \"" + nowhere + "\"}").then().spec(fieldError(422, "parentId"));

        assertThat(fixtures.row("discussion_posts", id)).isEqualTo(before);
    }
}
