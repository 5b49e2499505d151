package dev.lms.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay to a local port that can stop passing bytes while keeping every connection open: a database host that
 * stops answering (a network partition, a hung Neon endpoint), which a stopped server does not imitate, since a
 * stopped server refuses connections at once. It also plays a Neon compute that scales to zero ({@link #suspend}):
 * every connection dropped, and the next ones accepted at once but connected upstream only once it has woken up.
 */
public final class FreezableProxy {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean frozen;
    private volatile Duration wakeTime = Duration.ZERO;
    private volatile long awakeAtNanos;

    private FreezableProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    public static FreezableProxy to(int targetPort) {
        try {
            FreezableProxy proxy =
                    new FreezableProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
            daemon("proxy-accept", proxy::acceptConnections);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("Could not open the proxy port", e);
        }
    }

    /** A relay listening on the loopback address at {@code listenPort}; fails if that port is taken. */
    public static FreezableProxy on(int listenPort, int targetPort) throws IOException {
        FreezableProxy proxy =
                new FreezableProxy(new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress()), targetPort);
        daemon("proxy-accept", proxy::acceptConnections);
        return proxy;
    }

    /** Stops accepting connections; the ones already relayed end when either side closes. */
    public void close() throws IOException {
        server.close();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on nothing passes in either direction, and new connections are accepted but never answered. */
    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        frozen = false;
    }

    /**
     * Suspends like an idle Neon compute: drops every open connection now; the first connection after this waits
     * {@code wakeTime} before it reaches the database, and so do the others that arrive while it wakes.
     */
    public void suspend(Duration wakeTime) {
        this.wakeTime = wakeTime;
        this.awakeAtNanos = 0;
        open.forEach(FreezableProxy::close);
        open.clear();
    }

    /** Closes the listening port and every connection: a connection attempt is refused, as by a stopped server. */
    public void closePort() {
        close(server);
        open.forEach(FreezableProxy::close);
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon("proxy-connect", () -> relay(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        awaitThaw();
        awaitWakeUp();
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(client);
            open.add(upstream);
            daemon("proxy-up", () -> pump(client, upstream));
            daemon("proxy-down", () -> pump(upstream, client));
        } catch (IOException e) {
            close(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                awaitThaw();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed: close the other below.
        } finally {
            close(from);
            close(to);
        }
    }

    /** The time a compute takes to wake: part of what this proxy imitates, not a wait for something to happen. */
    private void awaitWakeUp() {
        if (wakeTime.isZero()) {
            return;
        }
        long awakeAt;
        synchronized (this) {
            if (awakeAtNanos == 0) {
                awakeAtNanos = System.nanoTime() + wakeTime.toNanos();
            }
            awakeAt = awakeAtNanos;
        }
        long remaining;
        while ((remaining = awakeAt - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, remaining / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        wakeTime = Duration.ZERO;
    }

    private void awaitThaw() {
        while (frozen) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void close(Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
