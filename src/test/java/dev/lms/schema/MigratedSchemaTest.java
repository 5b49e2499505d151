package dev.lms.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the migrations build, read back from information_schema and pg_catalog. */
@QuarkusTest
class MigratedSchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void migrationsCreateExactlyTheExpectedTables() throws SQLException {
        List<String> tables = strings("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                   AND table_name <> 'flyway_schema_history'
                """);
        assertThat(tables).containsExactlyInAnyOrderElementsOf(ExpectedSchema.TABLES);
    }

    @Test
    void foreignKeysAreExactlyTheExpectedOnesWithTheirDeleteRules() throws SQLException {
        List<String> foreignKeys = strings("""
                SELECT kcu.table_name || '.' || kcu.column_name || ' -> ' || ccu.table_name || ' ON DELETE ' || rc.delete_rule
                  FROM information_schema.referential_constraints rc
                  JOIN information_schema.key_column_usage kcu
                    ON kcu.constraint_schema = rc.constraint_schema AND kcu.constraint_name = rc.constraint_name
                  JOIN information_schema.constraint_column_usage ccu
                    ON ccu.constraint_schema = rc.constraint_schema AND ccu.constraint_name = rc.constraint_name
                 WHERE rc.constraint_schema = current_schema()
                """);
        List<String> expected = ExpectedSchema.FOREIGN_KEYS.stream()
                .map(ExpectedSchema.ForeignKey::describe)
                .toList();
        assertThat(foreignKeys).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyForeignKeyColumnLeadsAnIndex() throws SQLException {
        List<String> uncovered = strings("""
                SELECT t.relname || '.' || a.attname
                  FROM pg_constraint con
                  JOIN pg_class t ON t.oid = con.conrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
                 WHERE con.contype = 'f' AND n.nspname = current_schema()
                   AND NOT EXISTS (SELECT 1 FROM pg_index i
                                    WHERE i.indrelid = con.conrelid AND i.indkey[0] = con.conkey[1])
                """);
        assertThat(uncovered).isEmpty();
    }

    @Test
    void naturalKeysAreUnique() throws SQLException {
        List<String> uniqueKeys = strings("""
                SELECT regexp_replace(indexdef, '^CREATE UNIQUE INDEX \\S+ ON \\S+ USING btree ', tablename || ' ')
                  FROM pg_indexes
                 WHERE schemaname = current_schema() AND indexdef LIKE 'CREATE UNIQUE INDEX%'
                   AND indexname NOT LIKE '%\\_pkey' AND tablename <> 'flyway_schema_history'
                """);
        assertThat(uniqueKeys)
                .containsExactlyInAnyOrder(
                        "users (lower(email))",
                        "courses (code)",
                        "enrollments (user_id, course_id)",
                        "submissions (assignment_id, student_id)",
                        "grades (submission_id)",
                        "refresh_sessions (token_hash)");
    }

    @Test
    void expectedSchemaListsExactlyTheIndexesTheMigrationsCreate() throws SQLException {
        CatalogSnapshot live;
        try (Connection connection = dataSource.getConnection()) {
            live = CatalogInspector.inspect(connection);
        }
        Set<ExpectedSchema.Index> ours = new HashSet<>(live.indexes());
        ours.removeIf(index -> index.table().equals("flyway_schema_history"));
        assertThat(ours).containsExactlyInAnyOrderElementsOf(ExpectedSchema.INDEXES);
        assertThat(SchemaDrift.between(live).describe()).isEmpty();
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
