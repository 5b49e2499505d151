package dev.lms.discussion;

import static dev.lms.testing.Problems.fieldError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No thread breaks {@code GET /discussions/{id}/posts}: replies nest at most {@link
 * DiscussionConstraints#MAX_REPLY_DEPTH} levels (a deeper reply is a 422), the answer holds at most {@link
 * DiscussionConstraints#MAX_THREAD_POSTS} posts, and a deeper chain written around the service (here in SQL) still
 * comes back as one complete JSON document, never a 200 cut off half-way.
 */
@QuarkusTest
class ThreadBoundsTest {

    static final int MAX = DiscussionConstraints.MAX_REPLY_DEPTH;

    @Inject
    DataSource dataSource;

    @Inject
    Fixtures fixtures;

    UUID discussion;
    UUID author;

    @BeforeEach
    void arrange() {
        author = fixtures.student();
        discussion = fixtures.discussion(fixtures.course(fixtures.instructor()), author);
    }

    /** A reply chain {@code depth} posts deep, in one statement (foreign keys are checked at its end); the deepest id. */
    UUID chain(int depth) throws Exception {
        fixtures.execute("""
                INSERT INTO discussion_posts (id, content, discussion_id, author_id, parent_id)
                SELECT id, 'level ' || n, ?, ?, lag(id) OVER (ORDER BY n)
                  FROM (SELECT n, gen_random_uuid() AS id FROM generate_series(1, ?) n) levels
                """, discussion, author, depth);
        return deepest();
    }

    UUID deepest() {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT id FROM discussion_posts WHERE discussion_id = ? AND content = (SELECT 'level ' || count(*)"
                                + " FROM discussion_posts WHERE discussion_id = ?)")) {
            statement.setObject(1, discussion);
            statement.setObject(2, discussion);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String reply(UUID parent) {
        return """
                {"discussionId": "%s", "parentId": "%s", "content": "Reply"}""".formatted(discussion, parent);
    }

    @Test
    void aSixHundredLevelChainIsAnsweredCompleteWithItsNestingBounded() throws Exception {
        chain(600);

        Response response = Api.given().get("/api/v1/discussions/" + discussion + "/posts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isEqualTo("600");
        // The whole body parses: nothing was cut off after the status line.
        JsonNode tree = new ObjectMapper().readTree(response.asByteArray());
        Set<String> ids = new HashSet<>();
        int deepest = 0;
        Deque<Object[]> pending = new ArrayDeque<>();
        tree.forEach(top -> pending.push(new Object[] {top, 1}));
        while (!pending.isEmpty()) {
            Object[] next = pending.pop();
            JsonNode post = (JsonNode) next[0];
            int level = (int) next[1];
            ids.add(post.get("id").asText());
            deepest = Math.max(deepest, level);
            post.get("replies").forEach(reply -> pending.push(new Object[] {reply, level + 1}));
        }
        assertThat(ids).hasSize(600);
        assertThat(deepest).isEqualTo(MAX);
    }

    @Test
    void aReplyBeyondTheMaximumDepthIs422AndOneAtItIsCreated() throws Exception {
        UUID last = chain(MAX);
        UUID beforeLast = (UUID) fixtures.row("discussion_posts", last).get("parent_id");

        Api.given().body(reply(last)).post("/api/v1/discussion-posts").then().spec(fieldError(422, "parentId"));
        Api.given()
                .body(reply(beforeLast))
                .post("/api/v1/discussion-posts")
                .then()
                .statusCode(201);

        assertThat(fixtures.count("discussion_posts", "discussion_id", discussion))
                .isEqualTo(MAX + 1);
    }

    @Test
    void movingABranchSoThatItWouldNestTooDeepIs422() throws Exception {
        UUID last = chain(MAX - 1);
        UUID top = fixtures.post(discussion, author, null);
        fixtures.post(discussion, author, top);
        String etag = Api.given().get("/api/v1/discussion-posts/" + top).header("ETag");

        // top and its reply would be levels MAX and MAX + 1.
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"parentId\": \"" + last + "\"}")
                .patch("/api/v1/discussion-posts/" + top)
                .then()
                .spec(fieldError(422, "parentId"));

        assertThat(fixtures.row("discussion_posts", top).get("parent_id")).isNull();
    }

    @Test
    void aDiscussionWithMorePostsThanTheMaximumShowsTheOldestAndCountsThemAll() throws Exception {
        int total = DiscussionConstraints.MAX_THREAD_POSTS + 1;
        fixtures.execute(
                "INSERT INTO discussion_posts (content, discussion_id, author_id, created_at) "
                        + "SELECT 'post ' || n, ?, ?, now() + n * interval '1 second' FROM generate_series(1, ?) n",
                discussion,
                author,
                total);

        Api.given()
                .get("/api/v1/discussions/" + discussion + "/posts")
                .then()
                .statusCode(200)
                .header("X-Total-Count", String.valueOf(total))
                .body("size()", org.hamcrest.Matchers.equalTo(DiscussionConstraints.MAX_THREAD_POSTS))
                .body("[0].content", org.hamcrest.Matchers.equalTo("post 1"));
    }
}
