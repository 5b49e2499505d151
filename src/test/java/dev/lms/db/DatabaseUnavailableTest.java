package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void theLogNamesTheDriversSqlStateAndMessageWhereverItSitsInTheCauses() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused.", "08001");
        RuntimeException wrapped =
                new IllegalStateException("commit failed", new JDBCConnectionException("could not commit", refused));

        assertThat(DatabaseUnavailable.isCause(wrapped)).isTrue();
        assertThat(DatabaseUnavailable.describe(wrapped))
                .isEqualTo("SQLState 08001: Connection to localhost:5432 refused.");
    }

    @Test
    void aFailureWithoutADriverExceptionIsNamedByItsClass() {
        assertThat(DatabaseUnavailable.describe(new IllegalStateException("pool closed")))
                .isEqualTo("IllegalStateException");
    }
}
