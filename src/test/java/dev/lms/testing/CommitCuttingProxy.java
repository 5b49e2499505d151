package dev.lms.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay to PostgreSQL that can break one connection exactly at a COMMIT: the moment at which the application
 * can no longer know whether its write was applied. Armed with a marker (a value the write sends, such as a title),
 * it watches each connection for the marker and cuts that connection at its next {@code COMMIT}, either before the
 * COMMIT reaches the server (the write is rolled back) or just after (the server commits, the reply never arrives).
 * <p>
 * Deterministic: the cut happens on the protocol message, not after a delay.
 */
public final class CommitCuttingProxy {

    public enum Cut {
        /** The server never sees the COMMIT: it rolls the transaction back when the connection closes. */
        BEFORE_THE_COMMIT_ARRIVES,
        /** The server receives the COMMIT and commits; the application never gets the reply. */
        AFTER_THE_COMMIT_ARRIVES
    }

    private record Armed(String marker, Cut cut, CountDownLatch done) {}

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicReference<Armed> armed = new AtomicReference<>();

    private CommitCuttingProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    public static CommitCuttingProxy to(int targetPort) {
        try {
            CommitCuttingProxy proxy =
                    new CommitCuttingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
            daemon("cutting-proxy-accept", proxy::acceptConnections);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("Could not open the proxy port", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Cuts the next connection that sends {@code marker} at its next COMMIT. */
    public void cutAtCommitAfter(String marker, Cut cut) {
        armed.set(new Armed(marker, cut, new CountDownLatch(1)));
    }

    /** Whether the armed cut happened (waiting a little for the relay threads); disarms the proxy. */
    public boolean cut() throws InterruptedException {
        Armed current = armed.getAndSet(null);
        return current != null && current.done().await(5, TimeUnit.SECONDS);
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                daemon("cutting-proxy-up", () -> pumpUp(client, upstream));
                daemon("cutting-proxy-down", () -> pump(upstream, client));
            } catch (IOException e) {
                // The server is down: so is this connection, as a direct one would be.
                close(client);
            }
        }
    }

    /** Application to server: where the COMMIT travels. */
    private void pumpUp(Socket client, Socket upstream) {
        byte[] buffer = new byte[16 * 1024];
        boolean sawMarker = false;
        try (InputStream in = client.getInputStream();
                OutputStream out = upstream.getOutputStream()) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                Armed current = armed.get();
                if (current != null && current.done().getCount() > 0) {
                    String chunk = new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                    sawMarker |= chunk.contains(current.marker());
                    if (sawMarker && chunk.contains("COMMIT")) {
                        if (current.cut() == Cut.AFTER_THE_COMMIT_ARRIVES) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                        current.done().countDown();
                        return;
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed: close the other below.
        } finally {
            close(client);
            close(upstream);
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) != -1; ) {
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

    private static void close(Socket socket) {
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
