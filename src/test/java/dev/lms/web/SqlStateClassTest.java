package dev.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PostgreSQL's error classes (Appendix A), each on its side of the line between the client, the moment, and a bug. */
class SqlStateClassTest {

    @ParameterizedTest(name = "{0} ({2}) is {1}")
    @CsvSource({
        "22001, DATA, string data right truncation",
        "22003, DATA, numeric value out of range",
        "22008, DATA, datetime field overflow",
        "22012, DATA, division by zero",
        "22021, DATA, character not in repertoire (a NUL byte)",
        "22P02, DATA, invalid text representation",
        "23P01, INTEGRITY, exclusion violation",
        "23001, INTEGRITY, restrict violation",
        "54000, PROGRAM_LIMIT, program limit exceeded (index row too large)",
        "54001, PROGRAM_LIMIT, statement too complex",
        "40001, CONCURRENT, serialization failure",
        "40P01, CONCURRENT, deadlock detected",
        "55P03, BUSY, lock not available",
        "55006, BUSY, object in use",
        "57014, BUSY, query canceled (statement timeout)",
        "08000, UNAVAILABLE, connection exception",
        "08006, UNAVAILABLE, connection failure",
        "57P01, UNAVAILABLE, admin shutdown",
        "57P02, UNAVAILABLE, crash shutdown",
        "57P03, UNAVAILABLE, cannot connect now",
        "53300, UNAVAILABLE, too many connections",
        "53100, UNAVAILABLE, disk full",
        "25006, UNAVAILABLE, read-only transaction (failover)",
        "58030, UNAVAILABLE, I/O error",
        "42601, BUG, syntax error",
        "42P01, BUG, undefined table",
        "42703, BUG, undefined column",
        "XX000, BUG, internal error",
        "0A000, BUG, feature not supported",
        "26000, BUG, invalid statement name",
    })
    void eachClassMapsToItsOutcome(String sqlState, SqlStateClass expected, String meaning) {
        assertThat(SqlStateClass.of(sqlState)).as(meaning).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "DATA, 400",
        "INTEGRITY, 409",
        "PROGRAM_LIMIT, 400",
        "CONCURRENT, 409",
        "BUSY, 503",
        "UNAVAILABLE, 503",
        "BUG, 500"
    })
    void eachOutcomeHasItsStatus(SqlStateClass kind, int status) {
        assertThat(kind.status().getStatusCode()).isEqualTo(status);
        assertThat(kind.retryAfter()).isEqualTo(status == 503);
    }

    @org.junit.jupiter.api.Test
    void aMissingOrMalformedSqlStateIsABug() {
        assertThat(SqlStateClass.of(null)).isEqualTo(SqlStateClass.BUG);
        assertThat(SqlStateClass.of("22")).isEqualTo(SqlStateClass.BUG);
    }
}
