package dev.lms.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service started as operators start it: prod profile, configured only by environment variables. For
 * tests of start-up behaviour, where the question is whether the service starts at all.
 * <p>
 * Like {@code @QuarkusIntegrationTest}, it runs what the build produced: the native executable after
 * {@code ./mvnw verify -Dnative}, otherwise {@code target/quarkus-app/quarkus-run.jar}, and it passes the jar the same
 * JVM options, {@code quarkus.test.arg-line} (the build's {@code it.jvm.args}): C1 only by default, the image's
 * options in the {@code aot} profile, and
 * {@code -XX:AOTMode=on -XX:AOTCache=...} when CI checks that the JVM uses the cache.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Written by the Quarkus build: the artifact's {@code type} (jar, native, native-sources) and {@code path}. */
    private static final Path ARTIFACT = Path.of("target", "quarkus-artifact.properties");

    private static final List<String> INHERITED_DATABASE_VARIABLES =
            List.of("DATABASE_URL", "DIRECT_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD");
    private static final List<String> INHERITED_KEY_VARIABLES = List.of(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "SMALLRYE_JWT_SIGN_KEY_LOCATION",
            "MP_JWT_VERIFY_PUBLICKEY",
            "SMALLRYE_JWT_SIGN_KEY");

    private static final Pattern LISTENING = Pattern.compile("Listening on: https?://[^\\s]*:(\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ServiceProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::drain, "service-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Starts the service with exactly these database variables (none inherited from the test's environment), and a JWT
     * key pair of its own ({@link TestKeys}), as production requires.
     */
    public static ServiceProcess start(Map<String, String> environment) throws IOException {
        Map<String, String> withKeys = new HashMap<>(TestKeys.environment());
        withKeys.putAll(environment);
        return startWithout(withKeys);
    }

    /** Starts the service with exactly these variables: no database and no JWT keys unless they are among them. */
    public static ServiceProcess startWithout(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command("-Dquarkus.http.port=0", "-Dquarkus.management.port=0"))
                .redirectErrorStream(true);
        INHERITED_DATABASE_VARIABLES.forEach(builder.environment()::remove);
        INHERITED_KEY_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        // The production shutdown delay (readiness DOWN for 5 s before the listener closes) only slows tests down.
        builder.environment().putIfAbsent("QUARKUS_SHUTDOWN_DELAY", "0s");
        // Neither does the tracing SDK in these tests' forty-odd starts: TracingTest and the @QuarkusIntegrationTest
        // classes (whose problem documents must carry a traceId) cover tracing.
        builder.environment().putIfAbsent("OTEL_SDK_DISABLED", "true");
        return new ServiceProcess(builder.start());
    }

    /** {@code executable -Dx=y} for a native build, {@code java -Dx=y -jar quarkus-run.jar} otherwise. */
    private static List<String> command(String... systemProperties) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.exists(ARTIFACT)) {
            Properties artifact = new Properties();
            try (Reader in = Files.newBufferedReader(ARTIFACT)) {
                artifact.load(in);
            }
            if ("native".equals(artifact.getProperty("type"))) {
                Path executable =
                        Path.of("target").resolve(artifact.getProperty("path")).toAbsolutePath();
                command.add(executable.toString());
                command.addAll(List.of(systemProperties));
                return command;
            }
        }
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run this test with `./mvnw verify`, after packaging");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", JAR.toString()));
        return command;
    }

    /**
     * {@code quarkus.test.arg-line}, split as {@code @QuarkusIntegrationTest} splits it. Read as the system property the
     * build sets (not through MicroProfile Config, which would register a configuration for the test class loader
     * before Quarkus's test extension registers its own).
     */
    private static List<String> jvmOptions() {
        String line = System.getProperty("quarkus.test.arg-line", "").trim();
        return line.isEmpty() ? List.of() : List.of(line.split("\\s+"));
    }

    /** Waits until the service reports it has started, or has exited. Returns whether it started. */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output.indexOf(" started in ") >= 0) {
                return true;
            }
            if (!process.isAlive()) {
                reader.join(2000);
                return output.indexOf(" started in ") >= 0;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The service neither started nor exited within " + timeout + ":\n" + output);
    }

    /** Whether the build produced a native executable, which is what {@link #start} runs then. */
    public static boolean isNative() throws IOException {
        if (!Files.exists(ARTIFACT)) {
            return false;
        }
        Properties artifact = new Properties();
        try (Reader in = Files.newBufferedReader(ARTIFACT)) {
            artifact.load(in);
        }
        return "native".equals(artifact.getProperty("type"));
    }

    /**
     * Waits until {@code GET /q/health/ready} answers 200 (true), or the process has exited (false). Readiness, not
     * only start-up: it checks the database, its migrations and its schema.
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(output);
            if (listening.find()) {
                HttpRequest ready = HttpRequest.newBuilder(
                                URI.create("http://localhost:" + listening.group(1) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
                try {
                    if (client.send(ready, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return true;
                    }
                } catch (IOException notYet) {
                    // Not accepting yet, or stopping: the checks below tell which.
                }
            }
            if (!process.isAlive()) {
                reader.join(2000);
                return false;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The service was neither ready nor exited within " + timeout + ":\n" + output);
    }

    /** Waits for the process to exit and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The service did not exit within " + timeout + ":\n" + output);
        }
        reader.join(2000);
        return process.exitValue();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The HTTP port, from the line in which Quarkus says where it listens (it is random). */
    public int port() {
        Matcher listening = LISTENING.matcher(output);
        if (!listening.find()) {
            throw new IllegalStateException("The service has not said where it listens:\n" + output);
        }
        return Integer.parseInt(listening.group(1));
    }

    public String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void drain() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException ignored) {
            // The process ended; what was read is kept.
        }
    }
}
