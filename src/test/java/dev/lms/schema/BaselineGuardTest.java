package dev.lms.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A database holding V1 alone still passes the baseline check once later migrations add objects of their own. */
class BaselineGuardTest {

    @Test
    void aV1DatabaseMatchesV1ButNotTheLatestSchema() throws Exception {
        String database = TestDatabase.createScratchDatabase("guard");
        try (Connection connection = TestDatabase.connect(database)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(Path.of("migrations", "V1__init.sql")));
            }
            CatalogSnapshot v1 = CatalogInspector.inspect(connection);

            assertThat(SchemaDrift.asOf(v1, 1).describe()).isEmpty();
            assertThat(SchemaDrift.between(v1).describe())
                    .contains("missing table idempotency_keys", "missing table refresh_sessions")
                    .allMatch(difference ->
                            ExpectedSchema.ADDED_AFTER_V1.keySet().stream().anyMatch(difference::contains));
        } finally {
            TestDatabase.dropDatabase(database);
        }
    }
}
