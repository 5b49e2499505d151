package dev.lms.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** What a response body must never show: where the database is, or how to log in to it. */
public final class NoSecrets {

    private NoSecrets() {}

    public static void assertNoSecretsIn(String body) {
        assertThat(body)
                .doesNotContain("jdbc:", "postgresql://", "localhost", "127.0.0.1", "password")
                .doesNotContain(TestDatabase.username(), TestDatabase.password());
        if (TestDatabase.isEmbedded()) {
            assertThat(body).doesNotContain(":" + TestDatabase.embeddedPort());
        }
    }
}
