package dev.lms.db.rollback;

import dev.lms.schema.ExpectedSchema;
import dev.lms.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own on the test server, so a rehearsal can drop everything without touching other tests.
 * Migrated with the same scripts, from the same classpath location, as the service at start-up. As a test class's
 * {@code @RegisterExtension} field it is created before each test and dropped after it; {@link #create()} makes one
 * to close by hand.
 */
final class ScratchDatabase implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    /** What a command run printed, and how it ended. */
    record Run(int exitCode, String out, String err) {}

    String name;
    final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    static ScratchDatabase create() throws SQLException {
        ScratchDatabase database = new ScratchDatabase();
        database.open();
        return database;
    }

    private void open() throws SQLException {
        name = TestDatabase.createScratchDatabase("rollback");
        dataSource.setURL(TestDatabase.jdbcUrl(name));
        dataSource.setUser(TestDatabase.username());
        dataSource.setPassword(TestDatabase.password());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        close();
    }

    /**
     * Applies the shipped migrations up to {@code version} ("latest" for all), and records them as the service does:
     * Quarkus's Flyway names each script with its location ({@code db/migration/V1__init.sql}), Flyway alone does not.
     */
    void migrateTo(String version) throws SQLException {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MigrationHistory.LOCATION)
                .target(version)
                .load()
                .migrate();
        execute("UPDATE flyway_schema_history SET script = 'db/migration/' || script WHERE script LIKE 'V%'");
    }

    /**
     * A database whose V1 schema was built outside Flyway (before the service took over), then adopted the way the
     * service adopts one: baselined at version 1, and migrated from there.
     */
    void adoptByBaselineThenMigrate() throws Exception {
        try (InputStream v1 = getClass().getClassLoader().getResourceAsStream("db/migration/V1__init.sql")) {
            execute(new String(v1.readAllBytes(), StandardCharsets.UTF_8));
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MigrationHistory.LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .load()
                .migrate();
        execute("UPDATE flyway_schema_history SET script = 'db/migration/' || script WHERE script LIKE 'V%'");
    }

    /** The environment an operator sets for the command: the direct URL, credentials apart. */
    Map<String, String> environment() {
        return Map.of(
                "DIRECT_URL",
                TestDatabase.jdbcUrl(name),
                "DATABASE_USERNAME",
                TestDatabase.username(),
                "DATABASE_PASSWORD",
                TestDatabase.password());
    }

    Run command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = new RollbackCommand(
                        environment(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        Run run = new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("db-rollback " + String.join(" ", args) + " -> " + exitCode + "\n" + run.out() + run.err());
        return run;
    }

    /** Row count and an md5 of the full content of each table the schema holds at its version, in row order. */
    Map<String, String> contentOfEveryTable() throws SQLException {
        Map<String, String> content = new LinkedHashMap<>();
        for (String table : ExpectedSchema.TABLES) {
            if (string("SELECT to_regclass('" + table + "') IS NOT NULL").equals("f")) {
                continue;
            }
            content.put(
                    table,
                    string("SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text),"
                            + " '')) FROM " + table + " t"));
        }
        return content;
    }

    /** Same as {@link #contentOfEveryTable()}, with users reduced to the columns V1 created. */
    Map<String, String> contentAsOfV1() throws SQLException {
        Map<String, String> content = contentOfEveryTable();
        content.put("users", string("""
                SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(
                       (id, email, name, role, password_hash, created_at, updated_at, version)::text, ',' ORDER BY id), ''))
                  FROM users"""));
        return content;
    }

    List<String> strings(String sql) throws SQLException {
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

    String string(String sql) throws SQLException {
        return strings(sql).get(0);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        TestDatabase.dropDatabase(name);
    }
}
