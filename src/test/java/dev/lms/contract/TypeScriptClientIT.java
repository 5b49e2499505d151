package dev.lms.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.ServiceProcess;
import dev.lms.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TypeScript client example (clients/typescript), generated from the committed API description, against the
 * packaged service on an empty database: from the first administrator to a 412's problem document. The client is
 * built outside Maven ({@code npm ci && npm run generate && npm run build}, as {@code .ci/run} does); without it the
 * test is skipped, except in CI, where it is required.
 */
@EnabledIf("clientIsBuiltOrRequired")
class TypeScriptClientIT {

    private static final Path CLIENT = Path.of("clients", "typescript");
    private static final Path E2E = CLIENT.resolve("dist/e2e.js");
    private static final Duration START_UP = Duration.ofSeconds(300);
    private static final Duration CLIENT_RUN = Duration.ofSeconds(120);
    private static final String EMAIL = "first.admin@example.org";
    private static final String PASSWORD = "the first admin's password";

    @TempDir
    Path secrets;

    private String database;

    static boolean clientIsBuiltOrRequired() {
        return Files.exists(E2E) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        database = TestDatabase.createScratchDatabase("tsclient");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        TestDatabase.dropDatabase(database);
    }

    @Test
    void theGeneratedClientWorksAgainstThePackagedServiceFromTheFirstAdministratorOn() throws Exception {
        assertThat(E2E)
                .as("%s is missing: run `npm ci && npm run generate && npm run build` in %s first", E2E, CLIENT)
                .exists();
        Map<String, String> environment = Map.of(
                "DATABASE_URL", TestDatabase.neonStyleUrl(database),
                "LMS_BOOTSTRAP_ADMIN_EMAIL", EMAIL,
                "LMS_BOOTSTRAP_ADMIN_PASSWORD_FILE",
                        Files.writeString(secrets.resolve("password"), PASSWORD).toString());

        try (ServiceProcess service = ServiceProcess.start(environment)) {
            assertThat(service.awaitStarted(START_UP)).as(service.output()).isTrue();

            ProcessBuilder node = new ProcessBuilder("node", E2E.toString()).redirectErrorStream(true);
            node.environment()
                    .putAll(Map.of(
                            "BASE_URL", "http://localhost:" + service.port(),
                            "LMS_ADMIN_EMAIL", EMAIL,
                            "LMS_ADMIN_PASSWORD", PASSWORD));
            Process client = node.start();
            // The client writes a few lines: reading them after it exits cannot fill the pipe and block it.
            boolean exited = client.waitFor(CLIENT_RUN.toSeconds(), TimeUnit.SECONDS);
            if (!exited) {
                client.destroyForcibly();
            }
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(exited)
                    .as("the client did not finish within %s:%n%s", CLIENT_RUN, output)
                    .isTrue();
            assertThat(client.exitValue())
                    .as("node %s:%n%s%nservice:%n%s", E2E, output, service.output())
                    .isZero();
            assertThat(output).contains("end-to-end check passed");
        }
    }
}
