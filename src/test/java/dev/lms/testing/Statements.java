package dev.lms.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Counts the SQL statements an action makes the application run. Requests in a {@code @QuarkusTest} are served in the
 * same JVM, so an HTTP call can be measured end to end.
 * <ul>
 * <li>{@link #during}: the JDBC statements Hibernate prepares (statistics are on in the test profile);</li>
 * <li>{@link #counted}: those, and every statement PostgreSQL ran for the application's database besides, from
 *     {@code pg_stat_statements}: what runs outside Hibernate, such as the token's user lookup, is counted too.</li>
 * </ul>
 */
public final class Statements {

    /** pg_stat_statements lives here, so that the application's database holds nothing the schema checks do not expect. */
    private static final String STATISTICS_DATABASE = "lms_test_statistics";

    private Statements() {}

    public static long during(SessionFactory sessionFactory, Runnable action) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        action.run();
        return statistics.getPrepareStatementCount();
    }

    /**
     * What one action cost: statements Hibernate prepared, statements the database ran outside Hibernate, and the text
     * of every statement the database ran (for the message of a failed assertion).
     */
    public record Counts(long hibernate, long outsideHibernate, List<String> ran) {}

    /** Requires the embedded test database, which preloads pg_stat_statements (see {@link TestDatabase}). */
    public static Counts counted(SessionFactory sessionFactory, Runnable action) {
        Statistics statistics = sessionFactory.getStatistics();
        Map<String, Long> before = executedInApplicationDatabase();
        statistics.clear();
        action.run();
        long hibernate = statistics.getPrepareStatementCount();
        List<String> ran = new ArrayList<>();
        executedInApplicationDatabase().forEach((query, calls) -> {
            for (long call = before.getOrDefault(query, 0L); call < calls; call++) {
                ran.add(query);
            }
        });
        return new Counts(hibernate, ran.size() - hibernate, ran);
    }

    /**
     * Each statement run so far in the application's database, and how often (BEGIN, COMMIT, SET and other utility
     * statements are not tracked, nor the driver's type lookups).
     */
    private static Map<String, Long> executedInApplicationDatabase() {
        Map<String, Long> calls = new HashMap<>();
        try (Connection connection = statisticsDatabase();
                Statement statement = connection.createStatement();
                // pgJDBC looks a type up in pg_catalog once per connection, the first time a result holds it (an
                // enum such as content_type): the driver's bookkeeping on a new connection, not the request's work.
                ResultSet rows = statement.executeQuery("SELECT query, calls FROM pg_stat_statements"
                        + " WHERE toplevel AND query NOT LIKE '%FROM pg_catalog.pg_type%'"
                        + " AND dbid = (SELECT oid FROM pg_database WHERE datname = '"
                        + TestDatabase.APPLICATION_DATABASE + "')")) {
            while (rows.next()) {
                calls.merge(rows.getString(1), rows.getLong(2), Long::sum);
            }
            return calls;
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements is not available: " + e.getMessage(), e);
        }
    }

    private static synchronized Connection statisticsDatabase() throws SQLException {
        try {
            return TestDatabase.connect(STATISTICS_DATABASE);
        } catch (SQLException missing) {
            try (Connection connection = TestDatabase.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + STATISTICS_DATABASE);
            }
            Connection connection = TestDatabase.connect(STATISTICS_DATABASE);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            return connection;
        }
    }
}
