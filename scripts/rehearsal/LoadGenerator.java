import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of scripts/migration-rehearsal: a few clients of the previous release's API, each writing a small course
 * (course, enrollment, assignment, submission, discussion, post) and reading rows back, one request after another,
 * until a stop file appears. Every request is written to the output as "start epoch ms,latency ms,status,operation".
 * <p>
 * Run with the JDK's source launcher: {@code java LoadGenerator.java <base URL> <token> <instructor id> <student id>
 * <seeded submission id> <clients> <stop file> <output>}.
 */
public class LoadGenerator {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;
    private final String instructor;
    private final String student;
    private final String seededSubmission;
    private final Path stopFile;
    private final ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();

    private LoadGenerator(String[] args) {
        base = args[0];
        token = args[1];
        instructor = args[2];
        student = args[3];
        seededSubmission = args[4];
        stopFile = Path.of(args[6]);
    }

    public static void main(String[] args) throws Exception {
        LoadGenerator load = new LoadGenerator(args);
        int clients = Integer.parseInt(args[5]);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> load.run(client), "client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[7])))) {
            load.results.forEach(out::println);
        }
    }

    private void run(int client) {
        for (int i = 0; !Files.exists(stopFile); i++) {
            String tag = ProcessHandle.current().pid() + "-" + client + "-" + i;
            String course = post("course", "/api/v1/courses", """
                    {"code":"R-%s","title":"Rehearsal %s","instructorId":"%s"}""".formatted(tag, tag, instructor));
            if (course == null) {
                continue;
            }
            post("enrollment", "/api/v1/enrollments", """
                    {"userId":"%s","courseId":"%s"}""".formatted(student, course));
            String assignment = post("assignment", "/api/v1/assignments", """
                    {"courseId":"%s","title":"Assignment %s","points":10}""".formatted(course, tag));
            if (assignment != null) {
                post("submission", "/api/v1/submissions", """
                        {"assignmentId":"%s","studentId":"%s","content":"Answer %s"}"""
                        .formatted(assignment, student, tag));
            }
            String discussion = post("discussion", "/api/v1/discussions", """
                    {"courseId":"%s","title":"Discussion %s"}""".formatted(course, tag));
            if (discussion != null) {
                post("post", "/api/v1/discussion-posts", """
                        {"discussionId":"%s","content":"Post %s"}""".formatted(discussion, tag));
            }
            get("read course", "/api/v1/courses/" + course);
            get("read enrollments", "/api/v1/courses/" + course + "/enrollments");
            get("read submission", "/api/v1/submissions/" + seededSubmission);
            get("read me", "/api/v1/users/me");
        }
    }

    private String post(String operation, String path, String json) {
        HttpResponse<String> response = send(
                operation,
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
        if (response == null || response.statusCode() != 201) {
            return null;
        }
        Matcher id = ID.matcher(response.body());
        return id.find() ? id.group(1) : null;
    }

    private void get(String operation, String path) {
        send(operation, request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(String operation, HttpRequest request) {
        long start = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        HttpResponse<String> response = null;
        String status;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
            status = Integer.toString(response.statusCode());
        } catch (IOException e) {
            status = "error:" + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "interrupted";
        }
        long latency = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        results.add(start + "," + latency + "," + status + "," + operation);
        return response;
    }
}
