import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of scripts/replicas: requests at a fixed rate through the load balancer, whichever replica answers, until a
 * stop file appears. In turn: a read of one course, a page of the course list, a create (an announcement, with an
 * Idempotency-Key) and a replace of an announcement this load created, with the If-Match its last answer gave (each
 * announcement is written by one request at a time, so a 412 here would be a lost or stale write, not a race).
 * <p>
 * Requests start on a fixed schedule (open loop), after a linear ramp from a tenth of the rate, so a stalled replica shows as latency and failures instead of
 * slowing the load down. The client waits up to 15 s for an answer and 10 s for a connection: a failure is a lost
 * request, not a slow machine. Every request is written as "start epoch ms,latency ms,operation,status"; a request
 * without an HTTP answer has the exception's class as its status, and a non-2xx answer is followed by the start of its
 * body (which tells the replica's problem from HAProxy's own page).
 * <p>
 * {@code java MixedLoad.java <base URL> <token> <course id> <requests per second> <ramp seconds> <stop file> <output>
 * <replica URLs, comma-separated, to warm up first>}
 */
public class MixedLoad {

    private static final int WARM_UP_ROUNDS = 10;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String token;
    private final String course;
    private final ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();
    /** Announcements this load created, each with its last ETag: "id etag". */
    private final ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private MixedLoad(String token, String course) {
        this.token = token;
        this.course = course;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        MixedLoad load = new MixedLoad(args[1], args[2]);
        double rate = Double.parseDouble(args[3]);
        double ramp = Double.parseDouble(args[4]);
        Path stop = Path.of(args[5]);
        load.warmUp(args[7].split(","));
        load.results.clear();
        ExecutorService requests = Executors.newCachedThreadPool();
        long begin = System.nanoTime();
        long next = begin;
        while (!Files.exists(stop)) {
            requests.submit(() -> load.one(base));
            // From a tenth of the rate to all of it over the ramp: cold replicas (the JIT, an empty pool) at full rate
            // at once would queue for connections past the pool's 5 s timeout on a busy 2-core machine.
            double seconds = (System.nanoTime() - begin) / 1e9;
            double current = seconds >= ramp ? rate : rate * (0.1 + 0.9 * seconds / ramp);
            next += (long) (1e9 / current);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        requests.shutdown();
        requests.awaitTermination(1, TimeUnit.MINUTES);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[6])))) {
            load.results.forEach(out::println);
        }
    }

    /**
     * Each replica directly, one request after another (WARM_UP_ROUNDS of each kind), all replicas at once: a JVM's
     * first requests load classes and run interpreted, and on a busy machine a burst of them holds the pool's
     * connections past its timeout. Production has the same cold start; scripts/replicas gives restarted replicas
     * HAProxy's slowstart instead.
     */
    private void warmUp(String[] replicas) throws InterruptedException {
        long started = System.currentTimeMillis();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (String replica : replicas) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 4 * WARM_UP_ROUNDS; i++) {
                    one(replica);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long failed = results.stream().filter(result -> !result.split(",")[3].startsWith("2")).count();
        System.out.printf("warm-up: %d requests on %d replicas in %d ms, %d not 2xx%n", results.size(), replicas.length,
                System.currentTimeMillis() - started, failed);
    }

    private void one(String base) {
        int n = sequence.getAndIncrement();
        switch (n % 4) {
            case 0 -> send("read", get(base, "/api/v1/courses/" + course));
            case 1 -> send("list", get(base, "/api/v1/courses?size=20&page=" + (1 + n / 4 % 5)));
            case 2 -> create(base, n);
            default -> replace(base, n);
        }
    }

    private void create(String base, int n) {
        String body = """
                {"courseId":"%s","title":"Load %d","content":"Written under load"}""".formatted(course, n);
        HttpRequest request = json(base, "/api/v1/announcements")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        send("create", request).ifPresent(response -> {
            Matcher id = ID.matcher(response.body());
            Optional<String> etag = response.headers().firstValue("ETag");
            if (response.statusCode() == 201 && id.find() && etag.isPresent()) {
                written.add(id.group(1) + " " + etag.get());
            }
        });
    }

    private void replace(String base, int n) {
        String entry = written.poll();
        if (entry == null) {
            send("read", get(base, "/api/v1/courses/" + course));
            return;
        }
        String[] parts = entry.split(" ", 2);
        String body = """
                {"courseId":"%s","title":"Load %d, edited","content":"Replaced under load"}""".formatted(course, n);
        HttpRequest request = json(base, "/api/v1/announcements/" + parts[0])
                .header("If-Match", parts[1])
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Optional<HttpResponse<String>> response = send("replace", request);
        // Back in the queue with its new version; when the answer was lost, with the old one (a 412 would show it).
        written.add(parts[0] + " "
                + response.filter(r -> r.statusCode() == 200)
                        .flatMap(r -> r.headers().firstValue("ETag"))
                        .orElse(parts[1]));
    }

    private HttpRequest get(String base, String path) {
        return request(base, path).GET().build();
    }

    private HttpRequest.Builder json(String base, String path) {
        return request(base, path).header("Content-Type", "application/json");
    }

    private HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token);
    }

    private Optional<HttpResponse<String>> send(String operation, HttpRequest request) {
        long start = System.currentTimeMillis();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String status = String.valueOf(response.statusCode());
            if (response.statusCode() >= 300) {
                // Who answered: the replica's problem title, or HAProxy's own page ("No server is available").
                String body = response.body().replaceAll("[\\s,\"]+", " ").strip();
                status += "," + body.substring(0, Math.min(120, body.length()));
            }
            record(start, started, status, operation);
            return Optional.of(response);
        } catch (IOException e) {
            record(start, started, e.getClass().getSimpleName(), operation);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void record(long start, long started, String status, String operation) {
        results.add(start + "," + (System.nanoTime() - started) / 1_000_000 + "," + operation + "," + status);
    }
}
