package dev.lms.discussion;

import static dev.lms.testing.Problems.invalid;
import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Statements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /discussions/{id}/posts}: the whole thread as a tree, replies under their parent, oldest first. */
@QuarkusTest
class DiscussionThreadTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Fixtures fixtures;

    UUID discussion;
    UUID author;

    @BeforeEach
    void arrange() {
        author = fixtures.student();
        discussion = fixtures.discussion(fixtures.course(fixtures.instructor()), author);
    }

    static String thread(UUID discussionId) {
        return "/api/v1/discussions/" + discussionId + "/posts";
    }

    /** A post written {@code minutes} after a fixed start, so that creation order is not insertion order. */
    UUID post(UUID parentId, String content, int minutes) throws Exception {
        UUID id = fixtures.post(discussion, author, parentId);
        fixtures.execute(
                "UPDATE discussion_posts SET content = ?, created_at = ? WHERE id = ?",
                content,
                OffsetDateTime.parse("2026-09-01T09:00:00Z").plusMinutes(minutes),
                id);
        return id;
    }

    @Test
    void repliesNestUnderTheirParentOldestFirstAtEveryLevel() throws Exception {
        // Inserted out of order on purpose: the tree follows created_at, not insertion or id order.
        UUID second = post(null, "second", 20);
        UUID first = post(null, "first", 10);
        UUID laterReply = post(first, "first/later", 40);
        post(first, "first/earlier", 30);
        post(laterReply, "first/later/only", 50);
        post(second, "second/only", 15);

        JsonPath tree = Api.given()
                .get(thread(discussion))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(tree.getList("content")).containsExactly("first", "second");
        assertThat(tree.getList("[0].replies.content")).containsExactly("first/earlier", "first/later");
        assertThat(tree.getList("[0].replies[0].replies")).isEmpty();
        assertThat(tree.getList("[0].replies[1].replies.content")).containsExactly("first/later/only");
        assertThat(tree.getList("[1].replies.content")).containsExactly("second/only");
        assertThat(tree.getString("[0].id")).isEqualTo(first.toString());
        assertThat(tree.getString("[0].replies[1].parentId")).isEqualTo(first.toString());
        assertThat(tree.getString("[1].authorId")).isEqualTo(author.toString());
        assertThat(tree.getString("[1].parentId")).isNull();
        assertThat(tree.getLong("[1].version")).isZero();
    }

    @Test
    void aFiftyLevelThreadIsReadInAtMostTwoStatements() {
        List<UUID> chain = new ArrayList<>();
        UUID parent = null;
        for (int level = 0; level < 50; level++) {
            parent = fixtures.post(discussion, fixtures.student(), parent);
            chain.add(parent);
        }

        JsonPath[] tree = new JsonPath[1];
        long statements = Statements.during(
                sessionFactory,
                () -> tree[0] = Api.given()
                        .get(thread(discussion))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath());

        assertThat(statements).isLessThanOrEqualTo(2);
        StringBuilder path = new StringBuilder("[0]");
        for (int level = 0; level < 50; level++) {
            assertThat(tree[0].getString(path + ".id"))
                    .as("level %d", level)
                    .isEqualTo(chain.get(level).toString());
            assertThat(tree[0].getList(path + ".replies")).as("level %d", level).hasSize(level == 49 ? 0 : 1);
            path.append(".replies[0]");
        }
    }

    @Test
    void aWideThreadIsReadInAtMostTwoStatements() throws Exception {
        UUID busy = fixtures.post(discussion, author, null);
        fixtures.execute(
                "INSERT INTO discussion_posts (content, discussion_id, author_id) "
                        + "SELECT 'root ' || n, ?, ? FROM generate_series(1, 200) n",
                discussion,
                fixtures.student());
        fixtures.execute(
                "INSERT INTO discussion_posts (content, discussion_id, author_id, parent_id) "
                        + "SELECT 'reply ' || n, ?, ?, ? FROM generate_series(1, 300) n",
                discussion,
                fixtures.student(),
                busy);

        long statements = Statements.during(
                sessionFactory,
                () -> Api.given()
                        .get(thread(discussion))
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(201))
                        .body("[0].replies", hasSize(300)));

        assertThat(statements).isLessThanOrEqualTo(2);
    }

    @Test
    void anEmptyDiscussionHasAnEmptyThread() {
        long statements = Statements.during(
                sessionFactory,
                () -> Api.given().get(thread(discussion)).then().statusCode(200).body("$", hasSize(0)));

        assertThat(statements).isLessThanOrEqualTo(2);
    }

    @Test
    void theThreadIsScopedToTheCoursesMembersWithinTheSameTwoStatements() {
        UUID course = fixtures.course(fixtures.instructor());
        UUID scoped = fixtures.discussion(course, author);
        fixtures.post(scoped, author, null);
        fixtures.enrollment(author, course);
        UUID stranger = fixtures.student();

        long member = Statements.during(
                sessionFactory,
                () -> Api.as(author, "STUDENT")
                        .get(thread(scoped))
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(1)));
        long outsider = Statements.during(
                sessionFactory,
                () -> Api.as(stranger, "STUDENT").get(thread(scoped)).then().spec(problem(404)));

        assertThat(member).isLessThanOrEqualTo(2);
        assertThat(outsider).isLessThanOrEqualTo(2);
    }

    @Test
    void anUnknownDiscussionIs404AndAMalformedIdIs400() {
        Api.given().get(thread(UUID.randomUUID())).then().spec(problem(404));
        Api.given().get("/api/v1/discussions/week-1/posts").then().spec(invalid("id"));
    }

    @Test
    void aMovedPostAndItsRepliesShowUnderTheirNewParent() throws Exception {
        UUID first = post(null, "first", 10);
        UUID second = post(null, "second", 20);
        UUID reply = post(first, "reply", 30);
        post(reply, "reply to reply", 40);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"parentId\": \"" + second + "\"}")
                .patch("/api/v1/discussion-posts/" + reply)
                .then()
                .statusCode(200);

        Api.given()
                .get(thread(discussion))
                .then()
                .body("content", equalTo(List.of("first", "second")))
                .body("[0].replies", hasSize(0))
                .body("[1].replies.content", equalTo(List.of("reply")))
                .body("[1].replies[0].replies.content", equalTo(List.of("reply to reply")));
    }

    @Test
    void onlyTheDiscussionsOwnPostsAreInItsThread() {
        fixtures.post(fixtures.discussion(fixtures.course(fixtures.instructor()), author), author, null);
        UUID mine = fixtures.post(discussion, author, null);

        Api.given().get(thread(discussion)).then().body("id", equalTo(List.of(mine.toString())));
    }
}
