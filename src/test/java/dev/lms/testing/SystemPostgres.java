package dev.lms.testing;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL 15 from the system's binaries, in a temporary directory, with the {@code pg_hba.conf} a test
 * gives it: for tests of authentication methods and listen addresses, which the embedded server does not let a test
 * choose. It listens on 127.0.0.1, on ::1 when the machine has it, and on a Unix socket in its directory.
 * <p>
 * initdb refuses to run as root, so when the tests run as root it runs as the {@code postgres} user, with the
 * directory owned by that user.
 */
public final class SystemPostgres implements AutoCloseable {

    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path directory;
    private final int port;
    private final boolean ipv6;

    private SystemPostgres(Path directory, int port, boolean ipv6) {
        this.directory = directory;
        this.port = port;
        this.ipv6 = ipv6;
    }

    /** Whether PostgreSQL 15's server binaries are installed here (Debian's postgresql-15 package). */
    public static boolean isInstalled() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    /** Initialises and starts a server whose {@code pg_hba.conf} is {@code hba}; the superuser is {@code postgres}. */
    public static SystemPostgres start(String hba) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("lms-pg15");
        Path data = directory.resolve("data");
        int port = FreePorts.next();
        boolean ipv6 = loopbackIpv6Works();
        if (ROOT) {
            run("chown", "postgres:postgres", directory.toString());
        }
        runAsPostgres(BIN.resolve("initdb") + " -D " + data + " -U postgres --auth=trust -E UTF8 --no-sync");
        Files.writeString(data.resolve("pg_hba.conf"), hba);
        String listen = ipv6 ? "127.0.0.1,::1" : "127.0.0.1";
        runAsPostgres(BIN.resolve("pg_ctl") + " -D " + data + " -l " + directory.resolve("server.log") + " -w"
                + " -o \"-p " + port + " -k " + directory + " -c listen_addresses=" + listen + " -c fsync=off\""
                + " start");
        return new SystemPostgres(directory, port, ipv6);
    }

    public int port() {
        return port;
    }

    /** The directory holding the server's Unix socket ({@code .s.PGSQL.<port>}). */
    public Path socketDirectory() {
        return directory;
    }

    /** Whether the server listens on ::1 too (the machine has IPv6 loopback). */
    public boolean listensOnIpv6() {
        return ipv6;
    }

    /** A connection as the superuser, over TCP (the test's {@code pg_hba.conf} must trust it). */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            runAsPostgres(BIN.resolve("pg_ctl") + " -D " + directory.resolve("data") + " -m immediate -w stop");
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void runAsPostgres(String command) throws IOException, InterruptedException {
        if (ROOT) {
            run("su", "postgres", "-s", "/bin/sh", "-c", command);
        } else {
            run("/bin/sh", "-c", command);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean loopbackIpv6Works() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return socket.getInetAddress() instanceof Inet6Address;
        } catch (IOException e) {
            return false;
        }
    }
}
