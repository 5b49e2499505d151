package dev.lms.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lms.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A host that accepts connections and then says nothing: /health/db must still answer, and answer DOWN. */
@QuarkusTest
@TestProfile(UnresponsiveDatabaseProfile.class)
class UnresponsiveDatabaseTest {

    @AfterEach
    void theHostAnswersAgain() {
        if (UnresponsiveDatabaseProfile.proxy != null) {
            UnresponsiveDatabaseProfile.proxy.thaw();
        }
    }

    @Test
    void healthAnswersDownWithinTwoSecondsWhenTheHostStopsAnsweringAndUpWhenItAnswersAgain() {
        assumeTrue(TestDatabase.isEmbedded(), "the proxy relays to the embedded PostgreSQL");
        given().get("/health/db").then().statusCode(200);

        UnresponsiveDatabaseProfile.proxy.freeze();

        eventually(() -> given().get("/health/db")
                .then()
                .time(lessThan(DatabaseOutageTest.ANSWER_WITHIN_MS))
                .statusCode(503)
                .body("status", equalTo("DOWN")));
        given().get("/q/health/ready")
                .then()
                .time(lessThan(DatabaseOutageTest.ANSWER_WITHIN_MS))
                .statusCode(503);
        given().get("/q/health/live").then().statusCode(200);

        UnresponsiveDatabaseProfile.proxy.thaw();

        eventually(() -> given().get("/health/db").then().statusCode(200));
    }

    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(assertion);
    }
}
