package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V3 adds the length limits NOT VALID, so that a database already holding longer values still migrates and keeps
 * serving; V4 validates them, and when rows are longer it stops and names them, leaving V3's limits in force.
 */
class TextLimitMigrationTest {

    @RegisterExtension
    final ScratchDatabase database = new ScratchDatabase();

    @Test
    void longerRowsWrittenBeforeV3StopV4WithTheirIdsAndV3StillRefusesNewOnes() throws Exception {
        database.migrateTo("2");
        database.execute("INSERT INTO users (id, email, name, role) VALUES"
                + " ('0190a000-0000-7000-8000-0000000000a1', 'long@example.org', 'T', 'INSTRUCTOR')");
        database.execute("INSERT INTO courses (id, code, title, instructor_id) VALUES"
                + " ('0190a000-0000-7000-8000-0000000000c1', repeat('C', 100), 'Old',"
                + " '0190a000-0000-7000-8000-0000000000a1')");

        database.migrateTo("3");
        Throwable validation = catchThrowable(() -> database.migrateTo("4"));

        assertThat(validation)
                .hasMessageContaining("courses_code_length")
                .hasMessageContaining("0190a000-0000-7000-8000-0000000000c1");
        assertThat(database.strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .containsExactly("1", "2", "3");
        assertThat(catchThrowable(
                        () -> database.execute("UPDATE courses SET title = 'Touched', code = repeat('D', 65)")))
                .as("V3's limit binds new writes")
                .hasMessageContaining("courses_code_length");

        // The documented remedy: shorten the rows, then migrate again.
        database.execute("UPDATE courses SET code = left(code, 64) WHERE char_length(code) > 64");
        database.execute("DELETE FROM flyway_schema_history WHERE NOT success");
        database.migrateTo("4");
        assertThat(database.strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .containsExactly("1", "2", "3", "4");
    }
}
