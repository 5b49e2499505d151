package dev.lms.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.web.DatabaseConstraints;
import dev.lms.web.TextLimit;
import io.quarkus.arc.All;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The field limits are declared once, in Java ({@link TextLimit}s of each feature's constraints), and the migrations
 * repeat them in SQL, which cannot read Java. This test reads the live catalog and keeps the two equal, and makes sure no
 * text column is left without a limit.
 */
@QuarkusTest
class TextLimitsMatchTheCatalogTest {

    private static final Pattern LENGTH_CHECK = Pattern.compile("CHECK \\(\\(char_length\\((\\w+)\\) <= (\\d+)\\)\\)");

    @Inject
    @All
    List<DatabaseConstraints> features;

    @Inject
    DataSource dataSource;

    @Test
    void everyDeclaredLimitIsTheDatabasesCheckAndIsValidated() throws SQLException {
        Map<String, String[]> checks = lengthChecks();
        List<TextLimit> limits = declaredLimits();
        assertThat(limits).isNotEmpty();

        for (TextLimit limit : limits) {
            String[] check = checks.get(limit.constraint());
            assertThat(check)
                    .as("CHECK constraint %s in the catalog", limit.constraint())
                    .isNotNull();
            assertThat(check[0]).as("%s's table", limit.constraint()).isEqualTo(limit.table());
            assertThat(check[1]).as("%s's column", limit.constraint()).isEqualTo(limit.column());
            assertThat(Integer.parseInt(check[2]))
                    .as("%s.%s: the Java limit and the CHECK", limit.table(), limit.column())
                    .isEqualTo(limit.max());
            assertThat(check[3]).as("%s is validated (V4)", limit.constraint()).isEqualTo("t");
        }
    }

    /**
     * idempotency_keys holds what the service writes itself: the key is bounded where the header is read (255 visible
     * ASCII characters, dev.lms.idempotency.IdempotencyInterceptor), the rest are hashes and stored responses.
     */
    @Test
    void everyTextColumnHasADeclaredLimit() throws SQLException {
        List<String> declared = declaredLimits().stream()
                .map(limit -> limit.table() + "." + limit.column())
                .toList();
        List<String> textColumns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')
                           AND table_name NOT LIKE 'flyway%' AND table_name <> 'idempotency_keys'
                        """)) {
            while (rows.next()) {
                textColumns.add(rows.getString(1));
            }
        }
        assertThat(textColumns).isNotEmpty();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(textColumns);
    }

    private List<TextLimit> declaredLimits() {
        return features.stream()
                .flatMap(feature -> feature.textLimits().stream())
                .toList();
    }

    /** Constraint name to {table, column, limit, validated}, for every char_length CHECK in the schema. */
    private Map<String, String[]> lengthChecks() throws SQLException {
        Map<String, String[]> checks = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT con.conname, con.conrelid::regclass::text, pg_get_constraintdef(con.oid), con.convalidated
                          FROM pg_constraint con
                         WHERE con.contype = 'c' AND con.connamespace = current_schema()::regnamespace
                        """)) {
            while (rows.next()) {
                Matcher check = LENGTH_CHECK.matcher(rows.getString(3));
                if (check.find()) {
                    checks.put(rows.getString(1), new String[] {
                        rows.getString(2), check.group(1), check.group(2), rows.getBoolean(4) ? "t" : "f"
                    });
                }
            }
        }
        return checks;
    }
}
