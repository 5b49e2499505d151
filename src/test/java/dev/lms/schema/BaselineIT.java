package dev.lms.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Migrations;
import dev.lms.testing.ServiceProcess;
import dev.lms.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the packaged service treats the database it finds at start-up: migrate an empty one, baseline one that already
 * holds exactly V1, and refuse anything else, naming each difference.
 */
class BaselineIT {

    private static final Duration START_UP = Duration.ofSeconds(90);

    private String database;

    @BeforeEach
    void createScratchDatabase() throws SQLException {
        database = TestDatabase.createScratchDatabase("baseline");
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        TestDatabase.dropDatabase(database);
    }

    @Test
    void anEmptyDatabaseIsMigratedFromV1() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(databaseUrl())) {
            assertThat(service.awaitStarted(START_UP)).as(service.output()).isTrue();
        }
        assertThat(history()).containsExactlyElementsOf(Migrations.historyAfter(0));
        assertThat(tables()).containsAll(ExpectedSchema.TABLES);
    }

    @Test
    void aDatabaseBuiltFromV1OutsideFlywayIsBaselinedAndTheServiceStarts() throws Exception {
        runV1OutsideFlyway();

        try (ServiceProcess service = ServiceProcess.start(databaseUrl())) {
            assertThat(service.awaitStarted(START_UP)).as(service.output()).isTrue();
            assertThat(service.output()).contains("Existing schema matches V1");
        }
        List<String> expected = new ArrayList<>(List.of("1 BASELINE Existing schema verified against V1"));
        expected.addAll(Migrations.historyAfter(1));
        assertThat(history()).containsExactlyElementsOf(expected);
    }

    @Test
    void theSameDatabaseWithOneIndexDroppedIsRefusedNamingThatIndex() throws Exception {
        runV1OutsideFlyway();
        execute("DROP INDEX assignments_course_id_due_date_idx");

        try (ServiceProcess service = ServiceProcess.start(databaseUrl())) {
            assertThat(service.awaitExit(START_UP)).isNotZero();
            assertThat(service.output())
                    .contains("Refusing to baseline")
                    .contains("missing index assignments_course_id_due_date_idx on assignments (course_id, due_date)")
                    .doesNotContain(" started in ");
        }
        assertThat(history()).isEmpty();
    }

    @Test
    void aForeignKeyWithAnotherDeleteRuleIsRefusedNamingThatForeignKey() throws Exception {
        runV1OutsideFlyway();
        execute("ALTER TABLE grades DROP CONSTRAINT grades_graded_by_id_fkey");
        execute(
                "ALTER TABLE grades ADD CONSTRAINT grades_graded_by_id_fkey FOREIGN KEY (graded_by_id) REFERENCES users (id) ON DELETE CASCADE");

        try (ServiceProcess service = ServiceProcess.start(databaseUrl())) {
            assertThat(service.awaitExit(START_UP)).isNotZero();
            assertThat(service.output())
                    .contains(
                            "foreign key grades.graded_by_id -> users is ON DELETE CASCADE, expected ON DELETE SET NULL");
        }
    }

    /** The form Neon's console hands out, credentials in the URL. */
    private Map<String, String> databaseUrl() {
        return Map.of("DATABASE_URL", TestDatabase.neonStyleUrl(database));
    }

    private void runV1OutsideFlyway() throws Exception {
        execute(Files.readString(Path.of("migrations", "V1__init.sql")));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> history() throws SQLException {
        if (!tables().contains("flyway_schema_history")) {
            return List.of();
        }
        return strings("SELECT version || ' ' || type || ' ' || description FROM flyway_schema_history"
                + " WHERE success ORDER BY installed_rank");
    }

    private List<String> tables() throws SQLException {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
