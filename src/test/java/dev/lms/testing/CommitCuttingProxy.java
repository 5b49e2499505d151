package dev.lms.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

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

    /**
     * Application to server: where the COMMIT travels. Relayed message by message (the frontend protocol: a type byte
     * and a length), so that a COMMIT is recognised whether pgJDBC sends it as text or, once it has prepared it on the
     * server after prepareThreshold uses, as a Bind of that statement's name.
     */
    private void pumpUp(Socket client, Socket upstream) {
        Armed markerSeenFor = null; // the arming whose marker this connection has sent: a re-arm starts over
        Set<String> commitStatements = new HashSet<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
                OutputStream out = new BufferedOutputStream(upstream.getOutputStream())) {
            relayStartup(in, out);
            Armed cutAtSync = null;
            while (true) {
                byte type = in.readByte();
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                boolean commit = commits(type, body, commitStatements);
                Armed current = armed.get();
                if (cutAtSync == null && current != null && current.done().getCount() > 0) {
                    if (new String(body, StandardCharsets.ISO_8859_1).contains(current.marker())) {
                        markerSeenFor = current;
                    }
                    boolean sawMarker = markerSeenFor == current;
                    if (sawMarker && commit && current.cut() == Cut.BEFORE_THE_COMMIT_ARRIVES) {
                        current.done().countDown();
                        return;
                    }
                    if (sawMarker && commit) {
                        cutAtSync = current;
                    }
                }
                write(out, type, length, body);
                if (cutAtSync != null && (type == 'S' || type == 'Q')) {
                    // The application's side closes first, so the server's reply can never reach it; the server
                    // then gets the whole COMMIT and runs it.
                    close(client);
                    out.flush();
                    cutAtSync.done().countDown();
                    return;
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // One side closed: close the other below.
        } finally {
            close(client);
            close(upstream);
        }
    }

    /** The untyped messages a connection opens with: SSL or GSS requests the server declines, then the startup. */
    private static void relayStartup(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int length = in.readInt();
            byte[] body = in.readNBytes(length - 4);
            ByteBuffer message = ByteBuffer.allocate(length).putInt(length).put(body);
            out.write(message.array());
            out.flush();
            int code = ByteBuffer.wrap(body).getInt();
            if (code != SSL_REQUEST && code != GSSENC_REQUEST) {
                return;
            }
        }
    }

    /**
     * Whether the message starts a COMMIT: a simple Query "COMMIT", or a Bind of a statement parsed from "COMMIT" (the
     * unnamed statement included, until another Parse replaces it). The extended protocol runs it at the next Sync.
     */
    private static boolean commits(byte type, byte[] body, Set<String> commitStatements) {
        List<String> strings = cStrings(body);
        return switch (type) {
            case 'Q' -> isCommit(strings.get(0));
            case 'P' -> {
                if (isCommit(strings.get(1))) {
                    commitStatements.add(strings.get(0));
                } else {
                    commitStatements.remove(strings.get(0));
                }
                yield false;
            }
            case 'B' -> commitStatements.contains(strings.get(1));
            default -> false;
        };
    }

    private static boolean isCommit(String query) {
        return query.strip().equalsIgnoreCase("COMMIT");
    }

    /** The first two NUL-terminated strings of a message body (enough for Query, Parse and Bind). */
    private static List<String> cStrings(byte[] body) {
        List<String> strings = new ArrayList<>(2);
        int from = 0;
        for (int i = 0; i < body.length && strings.size() < 2; i++) {
            if (body[i] == 0) {
                strings.add(new String(body, from, i - from, StandardCharsets.UTF_8));
                from = i + 1;
            }
        }
        while (strings.size() < 2) {
            strings.add("");
        }
        return strings;
    }

    private static void write(OutputStream out, byte type, int length, byte[] body) throws IOException {
        out.write(ByteBuffer.allocate(5).put(type).putInt(length).array());
        out.write(body);
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
