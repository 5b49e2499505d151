package dev.lms.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a client sending {@code Idempotency-Key} can count on, against the real PostgreSQL table. */
@QuarkusTest
class IdempotencyKeyTest {

    static final String ANNOUNCEMENTS = "/api/v1/announcements";
    static final String COURSES = "/api/v1/courses";

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyPurge purge;

    @Inject
    Fixtures fixtures;

    UUID instructor;
    UUID course;

    @BeforeEach
    void arrange() {
        instructor = fixtures.instructor();
        course = fixtures.course(instructor);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = announcement("Exam moved");

        Response first = post(key, body);
        Response retry = post(key, body);

        first.then().statusCode(201).header(Idempotent.REPLAYED, nullValue());
        retry.then()
                .statusCode(201)
                .contentType("application/json")
                .header(Idempotent.REPLAYED, "true")
                .header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(fixtures.count("announcements", "course_id", course)).isOne();
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIsA422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        post(key, announcement("First")).then().statusCode(201);

        post(key, announcement("Second"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
        Api.given()
                .header(Idempotent.HEADER, key)
                .body(Map.of("code", Fixtures.unique("CS"), "title", "Course", "instructorId", instructor))
                .post(COURSES)
                .then()
                .statusCode(422);

        assertThat(fixtures.count("announcements", "course_id", course)).isOne();
        assertThat(fixtures.count("courses", "instructor_id", instructor)).isOne();
    }

    @Test
    void keysArePerCallerSoAnotherUsersKeyNeverReturnsTheirResponse() {
        UUID otherInstructor = fixtures.instructor();
        UUID otherCourse = fixtures.course(otherInstructor);
        String key = UUID.randomUUID().toString();

        Response mine = post(key, announcement("Mine"));
        Response theirs = Api.as(otherInstructor, "INSTRUCTOR")
                .header(Idempotent.HEADER, key)
                .body(Map.of("courseId", otherCourse, "title", "Theirs"))
                .post(ANNOUNCEMENTS);

        mine.then().statusCode(201);
        theirs.then().statusCode(201).header(Idempotent.REPLAYED, nullValue()).body("title", equalTo("Theirs"));
        assertThat(theirs.jsonPath().getString("id"))
                .isNotEqualTo(mine.jsonPath().getString("id"));
    }

    @Test
    void aRefusalByTheServicesRulesIsStoredAndReplayed() {
        UUID student = fixtures.student();
        fixtures.enrollment(student, course);
        String key = UUID.randomUUID().toString();

        Response first = Api.as(student, "STUDENT")
                .header(Idempotent.HEADER, key)
                .body(announcement("Not mine to write"))
                .post(ANNOUNCEMENTS);
        Response retry = Api.as(student, "STUDENT")
                .header(Idempotent.HEADER, key)
                .body(announcement("Not mine to write"))
                .post(ANNOUNCEMENTS);

        first.then().statusCode(403).header(Idempotent.REPLAYED, nullValue());
        retry.then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header(Idempotent.REPLAYED, "true")
                .body("detail", equalTo(first.jsonPath().getString("detail")));
        assertThat(storedStatus(student, key)).isEqualTo(403);
    }

    @Test
    void aRequestRefusedAsInvalidIsNotStoredSoTheCorrectedRetryWithTheSameKeyWrites() {
        String key = UUID.randomUUID().toString();

        post(key, Map.of("courseId", course, "title", " ")).then().statusCode(400);
        post(key, Map.of("courseId", course, "title", "Exam", "unknown", 1))
                .then()
                .statusCode(400);
        assertThat(storedStatus(Api.ADMIN, key)).isNull();

        post(key, announcement("Exam")).then().statusCode(201).header(Idempotent.REPLAYED, nullValue());
    }

    @Test
    void aMalformedKeyIsA400() {
        post("x".repeat(256), announcement("Too long a key")).then().statusCode(400);
        post("caf\u00e9", announcement("Not ASCII")).then().statusCode(400);
        assertThat(fixtures.count("announcements", "course_id", course)).isZero();
    }

    @Test
    void theKeyMayBeSentAsAStructuredFieldString() {
        String key = UUID.randomUUID().toString();
        post("\"" + key + "\"", announcement("Quoted")).then().statusCode(201);
        post(key, announcement("Quoted")).then().statusCode(201).header(Idempotent.REPLAYED, "true");
    }

    /**
     * The second request arrives while the first is inside its transaction: it waits on the key's row, then gets the
     * first response. Made deterministic by holding a lock the first request's write needs (the course row, which
     * its foreign key check locks) until the second is seen waiting too.
     */
    @Test
    void aConcurrentRetryWaitsForTheFirstRequestAndGetsItsResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = announcement("Concurrent");
        CompletableFuture<Response> first;
        CompletableFuture<Response> second;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT 1 FROM courses WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, course);
                lock.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> post(key, body));
            awaitBackendsWaitingOnLocks(1);
            second = CompletableFuture.supplyAsync(() -> post(key, body));
            awaitBackendsWaitingOnLocks(2);
            blocker.rollback();
        }

        Response firstResponse = first.get();
        Response secondResponse = second.get();
        firstResponse.then().statusCode(201).header(Idempotent.REPLAYED, nullValue());
        secondResponse.then().statusCode(201).header(Idempotent.REPLAYED, "true");
        assertThat(secondResponse.jsonPath().getString("id"))
                .isEqualTo(firstResponse.jsonPath().getString("id"));
        assertThat(fixtures.count("announcements", "course_id", course)).isOne();
    }

    @Test
    void aKeyOlderThanTheRetentionIsNewAgainAndThePurgeDeletesIt() throws SQLException {
        String expired = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        post(expired, announcement("Last year")).then().statusCode(201);
        post(fresh, announcement("Today")).then().statusCode(201);
        fixtures.execute(
                "UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 minute'"
                        + " WHERE user_id = ? AND idempotency_key = ?",
                Api.ADMIN,
                expired);

        post(expired, announcement("Last year")).then().statusCode(201).header(Idempotent.REPLAYED, nullValue());
        assertThat(fixtures.count("announcements", "course_id", course)).isEqualTo(3);

        fixtures.execute(
                "UPDATE idempotency_keys SET created_at = now() - interval '25 hours'"
                        + " WHERE user_id = ? AND idempotency_key = ?",
                Api.ADMIN,
                expired);
        assertThat(purge.purgeExpired()).isPositive();
        assertThat(storedStatus(Api.ADMIN, expired)).isNull();
        assertThat(storedStatus(Api.ADMIN, fresh)).isEqualTo(201);
    }

    @Test
    void withoutAKeyNothingIsStored() {
        Response created = Api.given().body(announcement("No key")).post(ANNOUNCEMENTS);
        created.then().statusCode(201);
        assertThat(fixtures.count(
                        "idempotency_keys",
                        "response_body::jsonb->>'id'",
                        created.jsonPath().getString("id")))
                .isZero();
    }

    private Map<String, Object> announcement(String title) {
        return Map.of("courseId", course, "title", title, "content", "Details follow.");
    }

    private static Response post(String key, Map<String, Object> body) {
        return Api.given().header(Idempotent.HEADER, key).body(body).post(ANNOUNCEMENTS);
    }

    private Integer storedStatus(UUID user, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT response_status FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ?")) {
            select.setObject(1, user);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitBackendsWaitingOnLocks(int count) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    try (Connection connection = dataSource.getConnection();
                            PreparedStatement select = connection.prepareStatement(
                                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                            + " AND wait_event_type = 'Lock'");
                            ResultSet rows = select.executeQuery()) {
                        rows.next();
                        return rows.getInt(1) >= count;
                    }
                });
    }
}
