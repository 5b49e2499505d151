package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lms.testing.FreezableProxy;
import dev.lms.testing.ServiceProcess;
import dev.lms.testing.SystemPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's table of connection strings, row by row: the packaged service is started with each row's
 * DATABASE_URL against a real PostgreSQL 15 that authenticates {@code scram_user} with scram-sha-256 and trusts
 * {@code app}, and must become ready (GET /q/health/ready answers 200) or stop with the row's message. Parsing tests
 * alone would not do: Flyway's refusal of a login without password and the expansion of {@code $} happened after
 * parsing.
 * <p>
 * Runs wherever PostgreSQL 15's binaries are installed, and always in CI, where their absence fails the test rather
 * than skipping it.
 */
@EnabledIf("postgres15IsInstalledOrRequired")
class ConnectionStringsIT {

    static final Path README = Path.of("README.md");
    /** {@code $%@:/#{}}, a space and non-ASCII; {@code ${HOME}} would be replaced if anything expanded it. */
    static final String PASSWORD = "p$a%ss{x}@:/# é${HOME}";

    private static final Duration START_UP = Duration.ofSeconds(120);
    private static final Pattern SEEN_AS = Pattern.compile("seen as `([^`]+)` in `pg_stat_activity`");
    private static final String HBA = """
            local all all                 trust
            host  all postgres 127.0.0.1/32 trust
            host  all postgres ::1/128      trust
            host  all app      127.0.0.1/32 trust
            host  all app      ::1/128      trust
            host  all all      127.0.0.1/32 scram-sha-256
            host  all all      ::1/128      scram-sha-256
            """;

    static SystemPostgres postgres;
    static int closedPort;

    static boolean postgres15IsInstalledOrRequired() {
        return SystemPostgres.isInstalled() || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = SystemPostgres.start(HBA);
        try (Connection connection = postgres.connectAsSuperuser("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("CREATE ROLE scram_user LOGIN PASSWORD '" + PASSWORD + "'");
            statement.execute("CREATE DATABASE lms OWNER scram_user");
            statement.execute("CREATE ROLE app LOGIN");
            statement.execute("CREATE DATABASE lms_app OWNER app");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    static Stream<Arguments> rows() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("<!-- connection strings: read by dev.lms.db.ConnectionStringsIT -->");
        int end = lines.indexOf("<!-- /connection strings -->");
        assertThat(start)
                .as("the connection strings table's markers in " + README)
                .isNotNegative()
                .isLessThan(end);
        return lines.subList(start + 3, end).stream()
                .map(ConnectionStringsIT::cellsOf)
                .map(row -> {
                    assertThat(row).as("a row of four cells").hasSize(4);
                    return Arguments.of(row.get(0), unquote(row.get(1)), unquote(row.get(2)), row.get(3));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @Execution(ExecutionMode.CONCURRENT) // two rows at a time (failsafe's parallelism); the class runs alone
    void theServiceBecomesReadyOrIsRefusedAsTheReadmeSays(String form, String url, String alsoSet, String result)
            throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", substitute(url));
        if (!alsoSet.isEmpty()) {
            String[] variable = substitute(alsoSet).split("=", 2);
            environment.put(variable[0], variable[1]);
        }
        if (url.contains("@[::1]")) {
            assumeTrue(postgres.listensOnIpv6(), "this machine has no IPv6 loopback");
        }
        if (url.contains("@my_db:")) {
            // No DNS here knows my_db, and /etc/hosts is the machine's: the JVM gets a hosts file of its own.
            assumeFalse(ServiceProcess.isNative(), "a native executable does not read jdk.net.hosts.file");
            environment.put("JAVA_TOOL_OPTIONS", "-Djdk.net.hosts.file=" + hostsFile());
        }
        FreezableProxy defaultPort = url.matches("postgresql://[^/]*@localhost/.*") ? relayFromDefaultPort() : null;
        try (ServiceProcess service = ServiceProcess.start(environment)) {
            if (result.startsWith("ready")) {
                assertThat(service.awaitReady(START_UP)).as(service.output()).isTrue();
                Matcher seenAs = SEEN_AS.matcher(result);
                if (seenAs.find()) {
                    assertThat(applicationNames()).contains(seenAs.group(1));
                }
            } else if (result.startsWith("refused: ")) {
                assertThat(service.awaitExit(START_UP)).as(service.output()).isNotZero();
                assertThat(service.output())
                        .contains("DATABASE_URL is not a usable PostgreSQL URL")
                        .contains(unquote(result.substring("refused: ".length())));
            } else {
                fail("A result is 'ready...' or 'refused: `message`', not: " + result);
            }
            assertThat(service.output())
                    .doesNotContain(PASSWORD)
                    .doesNotContain(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        } finally {
            if (defaultPort != null) {
                defaultPort.close();
            }
        }
    }

    private static String substitute(String text) {
        return text.replace("<port>", Integer.toString(postgres.port()))
                .replace("<down>", Integer.toString(closedPort))
                .replace(
                        "<socket>", URLEncoder.encode(postgres.socketDirectory().toString(), StandardCharsets.UTF_8))
                .replace("<password>", PASSWORD);
    }

    /** A URL without port means 5432: a relay from there to the test server, unless something else holds 5432. */
    private static FreezableProxy relayFromDefaultPort() {
        try {
            return FreezableProxy.on(5432, postgres.port());
        } catch (IOException taken) {
            assumeTrue(false, "port 5432 is taken on this machine");
            return null;
        }
    }

    private static Path hostsFile() throws IOException {
        Path file = Files.createTempFile("lms-hosts", "");
        file.toFile().deleteOnExit();
        Files.writeString(file, """
                127.0.0.1 localhost %s
                ::1 localhost
                127.0.0.1 my_db
                """.formatted(InetAddress.getLocalHost().getHostName()));
        return file;
    }

    private static List<String> applicationNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = postgres.connectAsSuperuser("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT application_name FROM pg_stat_activity")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<String> cellsOf(String line) {
        String trimmed = line.strip();
        return Stream.of(trimmed.substring(1, trimmed.length() - 1).split("\\|", -1))
                .map(String::strip)
                .toList();
    }

    private static String unquote(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }
}
