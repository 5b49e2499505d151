package dev.lms.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.lms.testing.Api;
import dev.lms.testing.CommitCuttingProxy.Cut;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection to PostgreSQL breaks at the COMMIT of a write: the service cannot know whether the write was applied,
 * and says so with a 503. With an Idempotency-Key, the retry then settles it: it replays the stored response when the
 * commit went through, and writes when it did not; either way there is exactly one row.
 */
@QuarkusTest
@TestProfile(CommitFaultsProfile.class)
class InDoubtCommitTest {

    static final String ANNOUNCEMENTS = "/api/v1/announcements";

    @Inject
    Fixtures fixtures;

    UUID course;

    @BeforeEach
    void arrange() {
        course = fixtures.course(fixtures.instructor());
    }

    @Test
    void aConnectionLostAfterTheCommitWasSentIsA503InDoubtAndTheRetryReplaysTheCommittedWrite() throws Exception {
        String title = Fixtures.unique("committed");
        String key = UUID.randomUUID().toString();
        CommitFaultsProfile.proxy.cutAtCommitAfter(title, Cut.AFTER_THE_COMMIT_ARRIVES);

        Response first = post(title, key);

        assertThat(CommitFaultsProfile.proxy.cut()).isTrue();
        assertInDoubt(first);
        Response retry = post(title, key);
        retry.then().statusCode(201).header(Idempotent.REPLAYED, "true");
        assertThat(fixtures.count("announcements", "title", title)).isOne();
        assertThat(retry.jsonPath().getUUID("id"))
                .isEqualTo(fixtures.row("announcements", retry.jsonPath().getUUID("id"))
                        .get("id"));
    }

    @Test
    void aConnectionLostBeforeTheCommitArrivedIsA503InDoubtAndTheRetryWrites() throws Exception {
        String title = Fixtures.unique("rolled-back");
        String key = UUID.randomUUID().toString();
        CommitFaultsProfile.proxy.cutAtCommitAfter(title, Cut.BEFORE_THE_COMMIT_ARRIVES);

        Response first = post(title, key);

        assertThat(CommitFaultsProfile.proxy.cut()).isTrue();
        assertInDoubt(first);
        Response retry = post(title, key);
        retry.then().statusCode(201).header(Idempotent.REPLAYED, nullValue());
        assertThat(fixtures.count("announcements", "title", title)).isOne();
    }

    @Test
    void aWriteWithoutAKeyLosingItsConnectionAtCommitIsA503InDoubtToo() throws Exception {
        UUID announcement = fixtures.announcement(course, null);
        String title = Fixtures.unique("replaced");
        CommitFaultsProfile.proxy.cutAtCommitAfter(title, Cut.AFTER_THE_COMMIT_ARRIVES);

        Response replace =
                Api.given().body(Map.of("courseId", course, "title", title)).put(ANNOUNCEMENTS + "/" + announcement);

        assertThat(CommitFaultsProfile.proxy.cut()).isTrue();
        assertInDoubt(replace);
    }

    private static void assertInDoubt(Response response) {
        response.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503))
                .body("detail", allOf(containsString("may or may not"), containsString("Idempotency-Key")));
    }

    private Response post(String title, String key) {
        return Api.given()
                .header(Idempotent.HEADER, key)
                .body(Map.of("courseId", course, "title", title, "content", "Room change"))
                .post(ANNOUNCEMENTS);
    }
}
