package dev.lms.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns Neon-style {@code DATABASE_URL} (pooled) and {@code DIRECT_URL} (direct) into the datasource and Flyway settings.
 * <p>
 * The application's pool uses DATABASE_URL. Flyway uses DIRECT_URL: its migration lock is a session-level advisory
 * lock, which a transaction-mode pooler (PgBouncer, Neon's "-pooler" endpoint) does not keep on one server session.
 * Without DIRECT_URL, Flyway uses DATABASE_URL.
 */
public class DatabaseConfigSourceFactory implements ConfigSourceFactory {

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DIRECT_URL = "DIRECT_URL";
    public static final String DATABASE_USERNAME = "DATABASE_USERNAME";
    public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";

    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Optional<String> pooled = value(context, DATABASE_URL);
        if (pooled.isEmpty()) {
            if (context.getProfiles().contains("dev")
                    && value(context, "quarkus.datasource.jdbc.url").isEmpty()) {
                return source(devDatabase().datasourceProperties());
            }
            if (context.getProfiles().contains("prod")) {
                return List.of(new MissingDatabaseUrlConfigSource());
            }
            return List.of();
        }
        Optional<String> username = value(context, DATABASE_USERNAME);
        Optional<String> password = value(context, DATABASE_PASSWORD);
        DatabaseUrl application = DatabaseUrl.parse(DATABASE_URL, pooled.get());
        DatabaseUrl migrations = value(context, DIRECT_URL)
                .map(direct -> DatabaseUrl.parse(DIRECT_URL, direct))
                .orElse(application);

        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.jdbc.url", application.jdbcUrl());
        application.username().or(() -> username).ifPresent(u -> properties.put("quarkus.datasource.username", u));
        application.password().or(() -> password).ifPresent(p -> properties.put("quarkus.datasource.password", p));
        // Not quarkus.flyway.*: Quarkus refuses a Flyway JDBC URL without both a user name and a password, which a
        // trust or client-certificate login does not have. MigrationDataSource hands these to Flyway instead.
        properties.put(MigrationConnection.PREFIX + ".jdbc-url", migrations.jdbcUrl());
        migrations
                .username()
                .or(application::username)
                .or(() -> username)
                .ifPresent(u -> properties.put(MigrationConnection.PREFIX + ".username", u));
        migrations
                .password()
                .or(application::password)
                .or(() -> password)
                .ifPresent(p -> properties.put(MigrationConnection.PREFIX + ".password", p));
        return source(properties);
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static DevDatabase devDatabase() {
        return ServiceLoader.load(DevDatabase.class)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "DATABASE_URL is not set and no embedded PostgreSQL is on the classpath. See .env.example."));
    }

    /**
     * The variable as written: the raw value, before SmallRye's expansion, which would turn {@code ${x}} in a password
     * into the value of x (or nothing) and {@code $$} into {@code $}.
     */
    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return Optional.ofNullable(value == null ? null : value.getRawValue()).filter(v -> !v.isBlank());
    }

    /**
     * Every value this source publishes is expanded again when read, so each {@code $} is escaped as {@code \$}: the
     * one escape that SmallRye's expansion turns back into exactly the original, whatever surrounds it (checked in
     * DatabaseConfigSourceFactoryTest against the real interceptors).
     */
    private static List<ConfigSource> source(Map<String, String> properties) {
        Map<String, String> escaped = new HashMap<>();
        properties.forEach((name, value) -> escaped.put(name, value.replace("$", "\\$")));
        return List.of(new PropertiesConfigSource(escaped, "lms-database-urls", ORDINAL));
    }
}
