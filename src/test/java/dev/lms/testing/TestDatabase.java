package dev.lms.testing;

import dev.lms.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the tests run against: the one in DATABASE_URL when it is set, otherwise an embedded
 * PostgreSQL 17 started once per JVM.
 * <p>
 * The embedded server keeps a fixed port and data directory, so a test can stop it and start it again (an outage),
 * and the application reconnects to the same address.
 */
public final class TestDatabase {

    public static final String APPLICATION_DATABASE = "postgres";

    private static EmbeddedPostgres embedded;
    private static Path dataDirectory;
    private static int port;

    private TestDatabase() {}

    /** DATABASE_URL from the environment, when the tests run against an external server. */
    public static Optional<DatabaseUrl> external() {
        return Optional.ofNullable(System.getenv("DATABASE_URL"))
                .filter(url -> !url.isBlank())
                .map(url -> DatabaseUrl.parse("DATABASE_URL", url));
    }

    public static boolean isEmbedded() {
        return external().isEmpty();
    }

    /** JDBC URL of the application's database. */
    public static String jdbcUrl() {
        return external().map(DatabaseUrl::jdbcUrl).orElseGet(() -> jdbcUrl(APPLICATION_DATABASE));
    }

    /** JDBC URL of another database on the same server. */
    public static String jdbcUrl(String database) {
        return external()
                .map(url -> url.jdbcUrl().replaceFirst("(//[^/]+/)[^?]+", "$1" + database))
                .orElseGet(() -> "jdbc:postgresql://localhost:" + embeddedPort() + "/" + database);
    }

    /** {@code postgresql://user:password@host:port/database}: the form Neon's console hands out. */
    public static String neonStyleUrl(String database) {
        return jdbcUrl(database)
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + username() + ":" + password() + "@");
    }

    public static String username() {
        return external().flatMap(DatabaseUrl::username).orElse("postgres");
    }

    public static String password() {
        return external().flatMap(DatabaseUrl::password).orElse("postgres");
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /** Creates an empty database with a unique name on the test server, and returns its name. */
    public static String createScratchDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    public static void dropDatabase(String name) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Port of the embedded server, starting it on first use (not again after {@link #stop()}: see {@link #restart()}). */
    public static synchronized int embeddedPort() {
        if (dataDirectory == null) {
            try {
                port = FreePorts.next();
                dataDirectory = Files.createTempDirectory("lms-test-postgres");
                embedded = start();
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    stop();
                                    deleteDataDirectory();
                                },
                                "test-postgres-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
            }
        }
        return port;
    }

    /** Stops the embedded server, keeping its data: the application sees the database disappear. */
    public static synchronized void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                embedded = null;
            }
        }
    }

    /** Starts the embedded server again on the same port and data directory. */
    public static synchronized void restart() {
        if (embedded == null && dataDirectory != null) {
            try {
                embedded = start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not restart the embedded PostgreSQL", e);
            }
        }
    }

    /**
     * Never a "clean" data directory: zonky runs initdb in an empty one anyway, and a clean one is also deleted by
     * {@code close()}, which would leave {@link #restart()} an empty cluster.
     */
    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                // Counts every statement the application runs, Hibernate's or not (dev.lms.testing.Statements).
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "off")
                .start();
    }

    private static void deleteDataDirectory() {
        // zonky's own shutdown hook may be the one stopping the server: wait until PostgreSQL has let go of it.
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        for (int attempt = 0; attempt < 100 && Files.exists(pidFile); attempt++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is not worth failing the build for.
        }
    }
}
