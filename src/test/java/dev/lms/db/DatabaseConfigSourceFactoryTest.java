package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How DATABASE_URL and DIRECT_URL become datasource and Flyway settings, read through a real SmallRye Config. */
class DatabaseConfigSourceFactoryTest {

    @Test
    void pooledUrlFeedsTheApplicationPoolAndDirectUrlFeedsFlyway() {
        SmallRyeConfig config = prodConfig(Map.of(
                "DATABASE_URL", "postgresql://app:pw@ep-x-pooler.neon.tech/lms?sslmode=require&prepareThreshold=0",
                "DIRECT_URL", "postgresql://app:pw@ep-x.neon.tech/lms?sslmode=require"));

        assertThat(config.getRawValue("quarkus.datasource.jdbc.url"))
                .isEqualTo("jdbc:postgresql://ep-x-pooler.neon.tech/lms?sslmode=require&prepareThreshold=0");
        assertThat(config.getRawValue("quarkus.flyway.jdbc-url"))
                .isEqualTo("jdbc:postgresql://ep-x.neon.tech/lms?sslmode=require");
        assertThat(config.getRawValue("quarkus.datasource.username")).isEqualTo("app");
        assertThat(config.getRawValue("quarkus.flyway.password")).isEqualTo("pw");
    }

    @Test
    void withoutDirectUrlFlywayUsesThePooledUrl() {
        SmallRyeConfig config = prodConfig(Map.of("DATABASE_URL", "postgresql://app:pw@db.internal/lms"));

        assertThat(config.getRawValue("quarkus.flyway.jdbc-url")).isEqualTo("jdbc:postgresql://db.internal/lms");
        assertThat(config.getRawValue("quarkus.flyway.username")).isEqualTo("app");
    }

    @Test
    void separateCredentialVariablesFillInWhatTheUrlsLack() {
        SmallRyeConfig config = prodConfig(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.internal:6432/lms",
                "DIRECT_URL", "jdbc:postgresql://db.internal:5432/lms",
                "DATABASE_USERNAME", "svc",
                "DATABASE_PASSWORD", "from-a-secret-store"));

        assertThat(config.getRawValue("quarkus.datasource.username")).isEqualTo("svc");
        assertThat(config.getRawValue("quarkus.datasource.password")).isEqualTo("from-a-secret-store");
        assertThat(config.getRawValue("quarkus.flyway.username")).isEqualTo("svc");
        assertThat(config.getRawValue("quarkus.flyway.password")).isEqualTo("from-a-secret-store");
    }

    @Test
    void productionWithoutDatabaseUrlFailsNamingTheVariable() {
        SmallRyeConfig config = prodConfig(Map.of());

        assertThatThrownBy(() -> config.getRawValue("quarkus.datasource.jdbc.url"))
                .hasMessageContaining("DATABASE_URL is not set")
                .hasMessageContaining(".env.example");
    }

    @Test
    void explicitQuarkusSettingsFromTheEnvironmentWin() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        Map.of("DATABASE_URL", "postgresql://db.internal/lms"), "env-like", 300))
                .withSources(new PropertiesConfigSource(
                        Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://override/lms"), "system-like", 400))
                .withSources(new DatabaseConfigSourceFactory())
                .build();

        assertThat(config.getRawValue("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:postgresql://override/lms");
    }

    private static SmallRyeConfig prodConfig(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(environment, "env-like", 300))
                .withSources(new DatabaseConfigSourceFactory())
                .build();
    }
}
