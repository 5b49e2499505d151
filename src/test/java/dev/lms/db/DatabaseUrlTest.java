package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    private static final String NEON_POOLED =
            "postgresql://neondb_owner:npg_s3cr3t@ep-cool-darkness-a1b2c3d4-pooler.eu-central-1.aws.neon.tech/neondb"
                    + "?sslmode=require&channel_binding=require";

    @Test
    void neonConsoleUrlBecomesAJdbcUrlWithCredentialsKeptApart() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", NEON_POOLED);

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://ep-cool-darkness-a1b2c3d4-pooler.eu-central-1.aws.neon.tech/neondb"
                        + "?sslmode=require&channelBinding=require");
        assertThat(url.username()).contains("neondb_owner");
        assertThat(url.password()).contains("npg_s3cr3t");
        assertThat(url.host()).isEqualTo("ep-cool-darkness-a1b2c3d4-pooler.eu-central-1.aws.neon.tech");
    }

    @Test
    void jdbcUrlIsAcceptedWithItsPortAndParameters() {
        DatabaseUrl url = DatabaseUrl.parse(
                "DATABASE_URL", "jdbc:postgresql://db.internal:6432/lms?prepareThreshold=0&user=app&password=pw");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/lms?prepareThreshold=0");
        assertThat(url.username()).contains("app");
        assertThat(url.password()).contains("pw");
    }

    @Test
    void urlWithoutCredentialsLeavesThemToSeparateVariables() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgres://localhost/lms");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/lms");
        assertThat(url.username()).isEmpty();
        assertThat(url.password()).isEmpty();
    }

    @Test
    void percentEncodedPasswordIsDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://app:p%40ss%2Fw%3Ard+1@localhost/lms");

        assertThat(url.password()).contains("p@ss/w:rd+1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mysql://app:hunter2secret@localhost/lms",
                "postgresql://app:hunter2secret@/lms",
                "postgresql://app:hunter2secret@localhost",
                "postgresql://app:hunter2secret@localhost/lms/extra",
                "postgresql://app:hunter2secret@local host/lms",
                "postgresql://app:hunter2secret%zz@localhost/lms",
                "postgresql://app:hunter2secret@localhost/lms?sslmode"
            })
    void malformedUrlIsRefusedWithAMessageThatNamesTheVariableButNotThePassword(String malformed) {
        assertThatThrownBy(() -> DatabaseUrl.parse("DIRECT_URL", malformed))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("DIRECT_URL is not a usable PostgreSQL URL")
                .hasMessageContaining(".env.example")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(DatabaseUrl.parse("DATABASE_URL", NEON_POOLED).toString()).doesNotContain("npg_s3cr3t");
    }
}
