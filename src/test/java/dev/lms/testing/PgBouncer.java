package dev.lms.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real PgBouncer in transaction mode in front of the test PostgreSQL: the topology of Neon's pooled endpoint.
 * <p>
 * PgBouncer refuses to run as root, so when the tests run as root it is started as the {@code postgres} user, with
 * its directory owned by that user (it exits silently when it cannot write its log).
 */
public final class PgBouncer implements AutoCloseable {

    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path directory;
    private final int port;

    private PgBouncer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Whether PgBouncer is installed here. CI installs it; see .ci/run. */
    public static boolean isInstalled() {
        return BINARIES.stream().anyMatch(Files::isExecutable);
    }

    /** Starts PgBouncer in transaction mode, pooling one database of the server at {@code postgresPort}. */
    public static PgBouncer start(int postgresPort, String database, int serverPoolSize)
            throws IOException, InterruptedException {
        Path binary = BINARIES.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("PgBouncer is not installed: apt-get install -y pgbouncer"));
        Path directory = Files.createTempDirectory("lms-pgbouncer");
        int port = FreePorts.next();
        Files.writeString(directory.resolve("userlist.txt"), "\"postgres\" \"postgres\"\n");
        Files.writeString(directory.resolve("pgbouncer.ini"), """
                [databases]
                %s = host=127.0.0.1 port=%d dbname=%s
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = trust
                auth_file = %s
                admin_users = postgres
                pool_mode = transaction
                default_pool_size = %d
                max_client_conn = 200
                ignore_startup_parameters = extra_float_digits,application_name
                logfile = %s
                pidfile = %s
                """.formatted(
                        database,
                        postgresPort,
                        database,
                        port,
                        directory.resolve("userlist.txt"),
                        serverPoolSize,
                        directory.resolve("pgbouncer.log"),
                        directory.resolve("pgbouncer.pid")));
        String command = binary + " -d " + directory.resolve("pgbouncer.ini");
        if (ROOT) {
            run("chown", "-R", "postgres:postgres", directory.toString());
            run("su", "postgres", "-s", "/bin/sh", "-c", command);
        } else {
            run("/bin/sh", "-c", command);
        }
        PgBouncer bouncer = new PgBouncer(directory, port);
        bouncer.awaitListening(Duration.ofSeconds(10));
        return bouncer;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Path pidFile = directory.resolve("pgbouncer.pid");
        if (Files.exists(pidFile)) {
            run("kill", Files.readString(pidFile).strip());
        }
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        Path log = directory.resolve("pgbouncer.log");
        throw new IllegalStateException("PgBouncer did not listen on " + port + ". Log:\n"
                + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
