package dev.lms.testing;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Counts the JDBC statements Hibernate prepares while an action runs (statistics are on in the test profile).
 * Requests in a {@code @QuarkusTest} are served in the same JVM, so an HTTP call can be measured end to end.
 */
public final class Statements {

    private Statements() {}

    public static long during(SessionFactory sessionFactory, Runnable action) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        action.run();
        return statistics.getPrepareStatementCount();
    }
}
