package dev.lms.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.lms.schema.ExpectedSchema;
import dev.lms.testing.Migrations;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.core.ThrowingRunnable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each case breaks the schema the way a hand-run script would, then expects /health/db to answer 503 naming what is
 * wrong, and readiness to go DOWN. The schema is rebuilt from the migrations after each case.
 */
@QuarkusTest
@TestProfile(ScratchDatabaseProfile.class)
class SchemaDriftHealthTest {

    /** Metrics are served on the management interface, not on the API's port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    @AfterEach
    void rebuildTheSchemaFromTheMigrations() {
        flyway.clean();
        flyway.migrate();
        // Pooled connections remember type OIDs and plans of the dropped objects: start from fresh ones.
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
        eventually(() -> health().statusCode(200));
    }

    @Test
    void aDroppedIndexMakesTheDatabaseDownAndIsNamed() throws SQLException {
        execute("DROP INDEX enrollments_course_id_idx");

        eventually(() -> health().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("schema.indexes.found", equalTo(ExpectedSchema.INDEXES.size() - 1))
                .body("schema.indexes.missing", contains("enrollments_course_id_idx"))
                .body("problems", hasItem("missing index enrollments_course_id_idx on enrollments (course_id)")));
        readinessIsDown();
        assertThat(given().get(metrics).asString()).contains("lms_schema_drift_objects 1.0");
    }

    @Test
    void aForeignKeyWithAnotherDeleteRuleMakesTheDatabaseDownAndIsNamed() throws SQLException {
        execute("""
                ALTER TABLE grades DROP CONSTRAINT grades_graded_by_id_fkey,
                  ADD CONSTRAINT grades_graded_by_id_fkey FOREIGN KEY (graded_by_id) REFERENCES users (id) ON DELETE CASCADE
                """);

        eventually(() -> health().statusCode(503)
                .body("schema.foreignKeys.found", equalTo(ExpectedSchema.FOREIGN_KEYS.size()))
                .body(
                        "schema.foreignKeys.wrongDeleteRule",
                        contains("grades.graded_by_id -> users is ON DELETE CASCADE, expected ON DELETE SET NULL")));
        readinessIsDown();
    }

    @Test
    void aDroppedTableMakesTheDatabaseDownAndIsNamed() throws SQLException {
        execute("DROP TABLE announcements");

        eventually(() -> health().statusCode(503)
                .body("schema.tables.found", equalTo(ExpectedSchema.TABLES.size() - 1))
                .body("schema.tables.missing", contains("announcements"))
                .body("schema.foreignKeys.missing", hasItem("announcements.course_id -> courses ON DELETE CASCADE"))
                .body("schema.indexes.missing", hasItem("announcements_pkey")));
        readinessIsDown();
    }

    @Test
    void aPendingMigrationMakesTheDatabaseDown() throws SQLException {
        execute("DELETE FROM flyway_schema_history WHERE version = '" + Migrations.latestVersion() + "'");

        eventually(() -> health().statusCode(503)
                .body("migrations.pending", equalTo(1))
                .body("problems", hasItem("1 migration(s) pending")));
        readinessIsDown();
    }

    /** Results are cached for a second: wait for a check taken after the change. */
    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(assertion);
    }

    private static ValidatableResponse health() {
        return given().get("/health/db").then();
    }

    private static void readinessIsDown() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
