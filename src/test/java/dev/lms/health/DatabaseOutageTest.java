package dev.lms.health;

import static dev.lms.testing.NoSecrets.assertNoSecretsIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database server goes away while the service runs, then comes back. Requests must fail fast and say so, the
 * service must come back by itself, and no write it acknowledged may be lost.
 */
@QuarkusTest
@TestProfile(ScratchDatabaseProfile.class)
class DatabaseOutageTest {

    /** An API resource that reads and writes through the pool. */
    static final String API = "/api/v1/users";

    /** The functional bound from the issue: a request answers within 2 s even while the database is away. */
    static final long ANSWER_WITHIN_MS = 2_000;

    @Inject
    DataSource dataSource;

    @AfterEach
    void theServerIsRunningForTheNextTest() {
        TestDatabase.restart();
    }

    @Test
    void whileTheDatabaseIsDownRequestsFailFastAndTheServiceRecoversWithoutARestart() {
        assumeTrue(TestDatabase.isEmbedded(), "stopping the server needs the embedded PostgreSQL");
        List<UUID> acknowledged = new ArrayList<>();
        UUID before = create().then().statusCode(201).extract().jsonPath().getUUID("id");
        acknowledged.add(before);

        TestDatabase.stop();

        Response write = create();
        write.then()
                .time(lessThan(ANSWER_WITHIN_MS))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503));
        Response read = Api.given().get(API + "/" + before);
        read.then().time(lessThan(ANSWER_WITHIN_MS)).statusCode(503).contentType("application/problem+json");
        eventually(() -> given().get("/health/db")
                .then()
                .time(lessThan(ANSWER_WITHIN_MS))
                .statusCode(503)
                .body("status", equalTo("DOWN")));
        Response health = given().get("/health/db");
        Response readiness = given().get("/q/health/ready");
        readiness.then().statusCode(503).body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        for (Response response : List.of(write, read, health, readiness)) {
            assertNoSecretsIn(response.asString());
        }

        TestDatabase.restart();

        eventually(() -> given().get("/health/db").then().statusCode(200));
        eventually(() -> Api.given().get(API + "/" + before).then().statusCode(200));
        given().get("/q/health/ready").then().statusCode(200);
        acknowledged.add(create().then().statusCode(201).extract().jsonPath().getUUID("id"));
        Fixtures rows = new Fixtures(dataSource);
        assertThat(acknowledged)
                .allSatisfy(id -> assertThat(rows.count("users", "id", id)).isEqualTo(1));
    }

    private static Response create() {
        return Api.given()
                .body(Map.of(
                        "email", Fixtures.unique("outage") + "@example.org", "name", "Outage Test", "role", "STUDENT"))
                .post(API);
    }

    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(assertion);
    }
}
