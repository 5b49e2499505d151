package dev.lms.health;

import static dev.lms.testing.NoSecrets.assertNoSecretsIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.lms.schema.ExpectedSchema;
import dev.lms.testing.Migrations;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatabaseHealthTest {

    /** Metrics are served on the management interface, not on the API's port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    URL metrics() {
        return metrics;
    }

    @Test
    void aHealthyDatabaseAnswers200WithEveryExpectedObjectFound() {
        String body = given().when()
                .get("/health/db")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("UP"))
                .body("checkedAt", notNullValue())
                .body("database.product", equalTo("PostgreSQL"))
                .body("database.version", notNullValue())
                .body("database.latencyMs", greaterThanOrEqualTo(0f))
                .body("migrations.current", equalTo(Migrations.latestVersion()))
                .body("migrations.pending", equalTo(0))
                .body("schema.tables.expected", equalTo(ExpectedSchema.TABLES.size()))
                .body("schema.tables.found", equalTo(ExpectedSchema.TABLES.size()))
                .body("schema.tables.missing", empty())
                .body("schema.foreignKeys.expected", equalTo(ExpectedSchema.FOREIGN_KEYS.size()))
                .body("schema.foreignKeys.found", equalTo(ExpectedSchema.FOREIGN_KEYS.size()))
                .body("schema.foreignKeys.missing", empty())
                .body("schema.foreignKeys.wrongDeleteRule", empty())
                .body("schema.indexes.expected", equalTo(ExpectedSchema.INDEXES.size()))
                .body("schema.indexes.found", equalTo(ExpectedSchema.INDEXES.size()))
                .body("schema.indexes.missing", empty())
                .body("problems", empty())
                .extract()
                .asString();
        assertNoSecretsIn(body);
    }

    @Test
    void readinessLivenessAndStartupAreUpOnAHealthyDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.migration", equalTo(Migrations.latestVersion()))
                .body("checks.find { it.name == 'database' }.data.schemaDrift", equalTo(0));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'database-checked-at-start-up' }.status", equalTo("UP"));
    }

    @Test
    void metricsAreNotServedOnTheApiPort() {
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void metricsExposeHttpRequestsThePoolAndSchemaDrift() {
        given().get("/health/db").then().statusCode(200);

        String scraped = given().get(metrics()).then().statusCode(200).extract().asString();

        assertThat(scraped)
                .contains(
                        "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/health/db\"}")
                .contains("agroal_active_count{datasource=\"default\"}")
                .contains("agroal_available_count{datasource=\"default\"}")
                .contains("agroal_awaiting_count{datasource=\"default\"}")
                .contains("lms_schema_drift_objects 0.0");
    }
}
