package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How DATABASE_URL and DIRECT_URL become datasource and Flyway settings, read through a real SmallRye Config with its
 * default interceptors (expression expansion among them), as Quarkus reads them.
 */
class DatabaseConfigSourceFactoryTest {

    @Test
    void pooledUrlFeedsTheApplicationPoolAndDirectUrlFeedsFlyway() {
        SmallRyeConfig config = prodConfig(Map.of(
                "DATABASE_URL", "postgresql://app:pw@ep-x-pooler.neon.tech/lms?sslmode=require&prepareThreshold=0",
                "DIRECT_URL", "postgresql://app:pw@ep-x.neon.tech/lms?sslmode=require"));

        assertThat(config.getRawValue("quarkus.datasource.jdbc.url"))
                .isEqualTo("jdbc:postgresql://ep-x-pooler.neon.tech/lms?sslmode=require&prepareThreshold=0");
        assertThat(config.getRawValue("lms.database.migrations.jdbc-url"))
                .isEqualTo("jdbc:postgresql://ep-x.neon.tech/lms?sslmode=require");
        assertThat(config.getRawValue("quarkus.datasource.username")).isEqualTo("app");
        assertThat(config.getRawValue("lms.database.migrations.password")).isEqualTo("pw");
    }

    @Test
    void withoutDirectUrlFlywayUsesThePooledUrl() {
        SmallRyeConfig config = prodConfig(Map.of("DATABASE_URL", "postgresql://app:pw@db.internal/lms"));

        assertThat(config.getRawValue("lms.database.migrations.jdbc-url"))
                .isEqualTo("jdbc:postgresql://db.internal/lms");
        assertThat(config.getRawValue("lms.database.migrations.username")).isEqualTo("app");
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
        assertThat(config.getRawValue("lms.database.migrations.username")).isEqualTo("svc");
        assertThat(config.getRawValue("lms.database.migrations.password")).isEqualTo("from-a-secret-store");
    }

    @Test
    void anEmptyPasswordInTheUrlFallsBackToDatabasePassword() {
        SmallRyeConfig config = prodConfig(Map.of(
                "DATABASE_URL", "postgresql://app:@db.internal/lms", "DATABASE_PASSWORD", "from-a-secret-store"));

        assertThat(config.getRawValue("quarkus.datasource.username")).isEqualTo("app");
        assertThat(config.getRawValue("quarkus.datasource.password")).isEqualTo("from-a-secret-store");
    }

    @Test
    void aUserWithoutPasswordPublishesNoPasswordAtAll() {
        SmallRyeConfig config = prodConfig(Map.of("DATABASE_URL", "postgresql://app@db.internal/lms"));

        assertThat(config.getOptionalValue("quarkus.datasource.password", String.class))
                .isEmpty();
        assertThat(config.getOptionalValue("lms.database.migrations.password", String.class))
                .isEmpty();
        assertThat(config.getRawValue("lms.database.migrations.username")).isEqualTo("app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p$a%ss{x}", "p${x}q", "p$${x}q", "a\\$b", "${x}", "$", "x$", "\\", "\\${x}\\$$"})
    void noValueIsRewrittenByConfigurationExpansion(String password) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        SmallRyeConfig config = prodConfig(Map.of(
                "x",
                "EXPANDED",
                "DATABASE_URL",
                "postgresql://u$${x}:" + encoded + "@db.internal/lms?application_name=a${x}",
                "DIRECT_URL",
                "postgresql://db.internal:5433/lms",
                "DATABASE_PASSWORD",
                password));

        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo(password);
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("u$${x}");
        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:postgresql://db.internal/lms?ApplicationName=a%24%7Bx%7D");
        assertThat(config.getValue("lms.database.migrations.password", String.class))
                .as("DIRECT_URL has no password: the pooled URL's")
                .isEqualTo(password);
    }

    @Test
    void separateCredentialVariablesAreNotExpandedEither() {
        SmallRyeConfig config = prodConfig(Map.of(
                "x", "EXPANDED",
                "DATABASE_URL", "jdbc:postgresql://db.internal/lms",
                "DATABASE_USERNAME", "svc${x}",
                "DATABASE_PASSWORD", "pw$${x}"));

        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("svc${x}");
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("pw$${x}");
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
                .addDefaultInterceptors()
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
                .addDefaultInterceptors()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(environment, "env-like", 300))
                .withSources(new DatabaseConfigSourceFactory())
                .build();
    }
}
