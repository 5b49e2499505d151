package dev.lms.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers the tests start and that bind later (PostgreSQL, PgBouncer).
 * <p>
 * A port from {@code new ServerSocket(0)} comes from the kernel's ephemeral range, where any outgoing connection (the
 * application's own pool connections among them) can take it before the server binds it, or while a stopped server
 * is restarted on it. These come from below that range, and never twice in one test run.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Set<Integer> CHOSEN = new HashSet<>();

    static {
        // The build reserves the packaged service's management port for the integration tests (pom.xml).
        String management = System.getProperty("it.management.port");
        if (management != null) {
            CHOSEN.add(Integer.parseInt(management));
        }
    }

    private FreePorts() {}

    public static synchronized int next() {
        int end = ephemeralRangeStart();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (!CHOSEN.contains(port) && isFree(port)) {
                CHOSEN.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + (end - 1));
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux's lower bound of the range, or its default elsewhere. */
    private static int ephemeralRangeStart() {
        // Read line by line: Files.readString trusts the size procfs reports and returns a truncated value.
        try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            int start = Integer.parseInt(reader.readLine().strip().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }
}
