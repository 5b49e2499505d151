package dev.lms.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lms.testing.Api;
import dev.lms.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Neon compute waking up is not an outage: the first request after a suspension waits for the handshake (up to
 * {@code lms.database.wake-timeout}, 5 s by default) and succeeds. A database that refuses connections is still a
 * prompt 503. The proxy's 2.5 s is the wake time the issue measured; the assertions check that the request did wait
 * for it, not how fast the machine is.
 */
@QuarkusTest
@TestProfile(WakingDatabaseProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WakingDatabaseTest {

    static final Duration WAKE_TIME = Duration.ofMillis(2_500);

    @Test
    @Order(1)
    void theFirstRequestAfterASuspensionWaitsForTheComputeToWakeAndSucceeds() {
        assumeTrue(TestDatabase.isEmbedded(), "the proxy relays to the embedded PostgreSQL");
        Api.given().get("/api/v1/users?size=1").then().statusCode(200);

        WakingDatabaseProfile.proxy.suspend(WAKE_TIME);

        Api.given()
                .get("/api/v1/users?size=1")
                .then()
                .statusCode(200)
                .time(greaterThanOrEqualTo(WAKE_TIME.toMillis() - 100));
        Api.given().get("/api/v1/users?size=1").then().statusCode(200);
    }

    @Test
    @Order(2)
    void healthAfterASuspensionWaitsForTheComputeToWakeAndReportsUp() {
        assumeTrue(TestDatabase.isEmbedded(), "the proxy relays to the embedded PostgreSQL");
        WakingDatabaseProfile.proxy.suspend(WAKE_TIME);

        given().get("/health/db")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .time(greaterThanOrEqualTo(WAKE_TIME.toMillis() - 100));
    }

    @Test
    @Order(3)
    void aDatabaseThatRefusesConnectionsIsStillAPrompt503() {
        assumeTrue(TestDatabase.isEmbedded(), "the proxy relays to the embedded PostgreSQL");
        WakingDatabaseProfile.proxy.closePort();

        Api.given()
                .get("/api/v1/users?size=1")
                .then()
                .statusCode(503)
                .header("Retry-After", "5")
                // A refusal is not waited for: the answer comes within the suite's bound for an outage, far below
                // the 5 s a waking database may take.
                .time(lessThan(DatabaseOutageTest.ANSWER_WITHIN_MS));
    }
}
