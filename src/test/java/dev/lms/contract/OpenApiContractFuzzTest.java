package dev.lms.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lms.health.ScratchDatabaseProfile;
import dev.lms.schema.ExpectedSchema;
import dev.lms.testing.Api;
import dev.lms.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's contract fuzz test. It reads {@code /q/openapi}, and for every operation under {@code /api/} starts from
 * a valid request that succeeds ({@link ContractFixtures}), then changes one parameter or body field at a time to a
 * hostile value chosen by its declared type and format ({@link HostileValues}), and sends whole-body and content-type
 * mutations. For every answer: never a 5xx; every error an {@code application/problem+json}; and after every refused
 * write, the contents of all ten tables unchanged (an md5 over every row, not a row count). Each operation's valid request
 * runs as a scoped caller (the course's instructor) and as an ADMIN, and the two take its mutations in turn; on an
 * operation the instructor may not perform, the ADMIN sends every mutation too, so that each one reaches the code past
 * the policy.
 * <p>
 * It counts the mutated requests that got past JSON binding to validation or further (a 2xx, a 403/404/409/412/422, or
 * a 400 from Bean Validation), and fails below a floor, so that it cannot pass by having everything refused at the
 * parser. It also fails when a string field or parameter declares no {@code maxLength}: every text has a limit.
 */
@QuarkusTest
@TestProfile(ScratchDatabaseProfile.class)
class OpenApiContractFuzzTest {

    /**
     * Mutated requests that must get past JSON binding, per caller, each sending half of them; measured: 773 (ADMIN)
     * and 741 (INSTRUCTOR).
     */
    static final int PAST_BINDING_FLOOR = 600;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BODY_METHODS = List.of("post", "put", "patch");
    private static final List<String> PAST_BINDING_STATUSES = List.of("403", "404", "409", "412", "422");

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JsonNode openApi;
    private ContractFixtures fixtures;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int sent;
    /** The server's snapshot when {@link #lastChecksum} was computed. */
    private String checksummedSnapshot;

    private String lastChecksum;
    private int pastBinding;
    /** The operation's mutations counted so far: {@link #isTurnOf}. */
    private int turn;
    /** The operation being fuzzed, as {@code "post /api/v1/users"}. */
    private String operationKey;
    /** Operations whose valid request the instructor got a 403 for: the ADMIN sends all their mutations. */
    private final Set<String> refusedToInstructor = new HashSet<>();

    @Test
    void hostileInputsNeverGetA5xxNorChangeARowAndMostReachValidation() throws Exception {
        long started = System.nanoTime();
        openApi = JSON.readTree(get("q/openapi?format=json"));
        fixtures = new ContractFixtures(dataSource);
        List<String> undeclaredLimits = undeclaredLimits();

        Map<String, Integer> pastBindingByCaller = new LinkedHashMap<>();
        // The instructor first: the ADMIN's pass then knows which operations refused them.
        for (String caller : List.of("INSTRUCTOR", "ADMIN")) {
            pastBinding = 0;
            fuzzEveryOperation(caller);
            pastBindingByCaller.put(caller, pastBinding);
        }

        System.out.printf(
                "Contract fuzz: %d requests in %.1f s; past JSON binding: %s; refused to the instructor: %s;"
                        + " outcomes: %s%n",
                sent, (System.nanoTime() - started) / 1e9, pastBindingByCaller, refusedToInstructor, outcomes);
        assertThat(undeclaredLimits)
                .as("string fields and parameters without a maxLength")
                .isEmpty();
        assertThat(failures)
                .as("contract violations (%d of %d requests)", failures.size(), sent)
                .isEmpty();
        assertThat(pastBindingByCaller.values())
                .as("mutated requests that reached validation, per caller")
                .allMatch(count -> count >= PAST_BINDING_FLOOR);
    }

    private void fuzzEveryOperation(String role) throws Exception {
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    fuzz(role, path.getKey(), method, operation, path.getValue());
                }
            }
        }
    }

    /** One operation: its valid request first (last for a DELETE, which removes its target), then every mutation. */
    private void fuzz(String role, String template, String method, JsonNode operation, JsonNode pathItem)
            throws Exception {
        ContractFixtures.World world = fixtures.world();
        String token = role.equals("ADMIN")
                ? Tokens.valid(adminId(), "ADMIN")
                : Tokens.valid(world.instructor(), "INSTRUCTOR");
        Valid valid = validRequest(world, template, method, operation, pathItem);
        String label = role + " " + method.toUpperCase() + " " + template;
        operationKey = method + " " + template;
        if (!method.equals("delete")) {
            checkBaseline(
                    label,
                    role,
                    send(token, method, valid.path(), valid.query(), Map.of(), valid.body(), valid.type()));
        }
        String checksum = checksum();
        turn = 0;

        // Path and query parameters, and If-Match.
        for (JsonNode parameter : parameters(operation, pathItem)) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            for (String value : HostileValues.forParameter(parameter.path("schema"))) {
                if (!isTurnOf(role)) {
                    continue;
                }
                String path = valid.path();
                Map<String, String> query = new LinkedHashMap<>(valid.query());
                Map<String, String> headers = new LinkedHashMap<>();
                switch (in) {
                    case "path" ->
                        path = template.replace("{" + name + "}", encode(value))
                                .replaceAll("\\{[^}]+}", valid.pathId());
                    case "query" -> query.put(name, value);
                    case "header" -> {
                        if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                            continue; // no HTTP client sends these in a header
                        }
                        headers.put(name, value);
                    }
                    default -> {
                        continue;
                    }
                }
                checksum = check(
                        label + " " + in + " " + name + "=" + abbreviate(value),
                        method,
                        checksum,
                        send(token, method, path, query, headers, valid.body(), valid.type()));
            }
        }

        // Body fields, one at a time, by the request schema's declared types.
        if (valid.body() != null) {
            JsonNode schema = requestSchema(operation, pathItem);
            Iterator<Map.Entry<String, JsonNode>> fields =
                    schema.path("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = resolve(field.getValue());
                for (String value : HostileValues.forBody(fieldSchema)) {
                    if (!isTurnOf(role)) {
                        continue;
                    }
                    Valid fresh = validRequest(world, template, method, operation, pathItem);
                    checksum = checksum(); // a create's fixture may have added rows (a new student to enroll, say)
                    String body = withField(fresh.body(), field.getKey(), value);
                    checksum = check(
                            label + " body." + field.getKey() + "=" + abbreviate(value),
                            method,
                            checksum,
                            send(token, method, fresh.path(), fresh.query(), Map.of(), body, fresh.type()));
                }
                // Left out altogether.
                if (!isTurnOf(role)) {
                    continue;
                }
                Valid fresh = validRequest(world, template, method, operation, pathItem);
                checksum = checksum();
                ObjectNode without = (ObjectNode) JSON.readTree(fresh.body());
                without.remove(field.getKey());
                checksum = check(
                        label + " without " + field.getKey(),
                        method,
                        checksum,
                        send(token, method, fresh.path(), fresh.query(), Map.of(), without.toString(), fresh.type()));
            }
            for (Map.Entry<String, String> mutation : wholeBodies(valid.body()).entrySet()) {
                if (!isTurnOf(role)) {
                    continue;
                }
                checksum = check(
                        label + " body " + mutation.getKey(),
                        method,
                        checksum,
                        send(token, method, valid.path(), valid.query(), Map.of(), mutation.getValue(), valid.type()));
            }
            for (String type : List.of(
                    "text/plain",
                    valid.type().equals("application/json") ? "application/merge-patch+json" : "application/json")) {
                if (!isTurnOf(role)) {
                    continue;
                }
                checksum = check(
                        label + " as " + type,
                        method,
                        checksum,
                        send(token, method, valid.path(), valid.query(), Map.of(), valid.body(), type));
            }
        }

        if (method.equals("delete")) {
            checkBaseline(label, role, send(token, method, valid.path(), valid.query(), Map.of(), null, null));
        }
    }

    /**
     * Whether this mutation is {@code role}'s to send. The two callers take the mutations of an operation in turn, in the
     * same order: each hostile value is sent once, and both callers send mutations of every operation. On an operation
     * the instructor may not perform, their half stops at the policy's 403 once it passes validation, so the ADMIN
     * sends all of that operation's mutations.
     */
    private boolean isTurnOf(String role) {
        boolean adminsTurn = turn++ % 2 == 0;
        if (role.equals("ADMIN") && refusedToInstructor.contains(operationKey)) {
            return true;
        }
        return adminsTurn == role.equals("ADMIN");
    }

    /** The valid request: path ids from the world, a body from the collection's fixture. */
    private Valid validRequest(
            ContractFixtures.World world, String template, String method, JsonNode operation, JsonNode pathItem)
            throws IOException {
        String[] segments = template.split("/");
        String pathId = null;
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{")) {
                var row = ContractFixtures.ROWS.get(segments[i - 1]);
                assertThat(row).as("a fixture row for %s", template).isNotNull();
                pathId = row.apply(world).toString();
                segment = pathId;
            }
            path.append('/').append(segment);
        }
        String body = null;
        String type = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (BODY_METHODS.contains(method) && !content.isMissingNode()) {
            type = content.has("application/json")
                    ? "application/json"
                    : content.fieldNames().next();
            ObjectNode object = switch (template) {
                case "/api/v1/auth/token" -> ContractFixtures.tokenBody(world);
                case "/api/v1/auth/refresh", "/api/v1/auth/logout" -> ContractFixtures.refreshBody(refreshToken(world));
                default -> fixture(collection(template)).apply(world, method.equals("post"));
            };
            body = object.toString();
        }
        return new Valid(path.toString(), pathId, Map.of(), body, type);
    }

    /** A refresh token of a new session of the world's account, from the token endpoint. */
    private String refreshToken(ContractFixtures.World world) throws IOException {
        try {
            HttpResponse<String> login = send(
                    null,
                    "post",
                    "/api/v1/auth/token",
                    Map.of(),
                    Map.of(),
                    ContractFixtures.tokenBody(world).toString(),
                    "application/json");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            return JSON.readTree(login.body()).path("refreshToken").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private java.util.function.BiFunction<ContractFixtures.World, Boolean, ObjectNode> fixture(String collection) {
        var fixture = fixtures.bodies.get(collection);
        assertThat(fixture).as("a body fixture for %s", collection).isNotNull();
        return fixture;
    }

    record Valid(String path, String pathId, Map<String, String> query, String body, String type) {}

    private void checkBaseline(String label, String role, HttpResponse<String> response) {
        int status = response.statusCode();
        if (role.equals("INSTRUCTOR") && status == 403) {
            refusedToInstructor.add(operationKey);
        }
        if (role.equals("ADMIN") && status >= 300) {
            failures.add(label + ": the valid request got " + status + " " + abbreviate(response.body()));
        }
        if (status >= 500) {
            failures.add(label + ": the valid request got " + status);
        }
    }

    /** Checks one mutated request's answer; returns the tables' checksum after it. */
    private String check(String label, String method, String before, HttpResponse<String> response)
            throws SQLException {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        outcomes.merge(String.valueOf(status), 1, Integer::sum);
        if (status >= 500) {
            failures.add(label + ": " + status + " " + abbreviate(response.body()));
        }
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(label + ": " + status + " with Content-Type " + type);
        }
        if (status < 300
                || PAST_BINDING_STATUSES.contains(String.valueOf(status))
                || (status == 400 && response.body().contains("\"The request is invalid.\""))) {
            pastBinding++;
        }
        if (method.equals("get")) {
            return before;
        }
        String after = checksum();
        if (status >= 400 && !after.equals(before)) {
            failures.add(label + ": refused with " + status + ", yet rows changed");
        }
        return after;
    }

    private HttpResponse<String> send(
            String token,
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            String body,
            String type)
            throws IOException, InterruptedException {
        sent++;
        String queryString = query.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        root.resolve(path.substring(1) + (queryString.isEmpty() ? "" : "?" + queryString)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method.toUpperCase(), publisher);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * An md5 over every row of the tables; users without its login-throttling counters, which a failed login may set,
     * and without refresh_sessions (a login adds one, and a refused refresh with a spent token ends its family, on
     * purpose: reuse detection) and idempotency_keys (a refusal sent with a key is stored, so that its retry gets the
     * same answer: IdempotencyKeyTest covers that table).
     * <p>
     * Computed again only when a transaction that wrote has ended since the last one: every write takes a transaction
     * id, and one that ends changes the server's snapshot (it leaves the in-progress list, or moves xmax past it).
     */
    private String checksum() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String snapshot = single(statement, "SELECT pg_current_snapshot()::text");
            if (!snapshot.equals(checksummedSnapshot)) {
                lastChecksum = single(statement, CHECKSUM);
                checksummedSnapshot = snapshot;
            }
            return lastChecksum;
        }
    }

    private static final String CHECKSUM = ExpectedSchema.TABLES.stream()
            .filter(table -> !table.equals("refresh_sessions") && !table.equals("idempotency_keys"))
            .map(table -> "(SELECT md5(coalesce(string_agg("
                    + (table.equals("users")
                            ? "(to_jsonb(t) - 'failed_login_attempts' - 'locked_until')::text"
                            : "t::text")
                    + ", ',' ORDER BY t::text), '')) FROM " + table + " t)")
            .collect(Collectors.joining(" || ", "SELECT md5(", ")"));

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Whole-body mutations: not JSON, the wrong JSON, duplicate keys, a parser bomb. */
    private static Map<String, String> wholeBodies(String valid) {
        Map<String, String> bodies = new LinkedHashMap<>();
        String first = valid.substring(1, valid.indexOf(',') > 0 ? valid.indexOf(',') : valid.length() - 1);
        bodies.put("empty", "");
        bodies.put("null", "null");
        bodies.put("array", "[]");
        bodies.put("truncated", valid.substring(0, valid.length() / 2));
        bodies.put("duplicate key", "{" + first + "," + valid.substring(1));
        bodies.put("read-only id", "{\"id\": \"" + UUID.randomUUID() + "\"," + valid.substring(1));
        bodies.put("byte order mark", "\ufeff" + valid);
        bodies.put("nested 2000 deep", "[".repeat(2_000) + "]".repeat(2_000));
        bodies.put("raw NUL", valid.replaceFirst(":\\s*\"", ":\"\u0000"));
        return bodies;
    }

    /** String fields and parameters that declare no maxLength (uuid, date-time and enum values have their own form). */
    private List<String> undeclaredLimits() {
        List<String> missing = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                for (JsonNode parameter : parameters(operation, path.getValue())) {
                    if (!parameter.path("in").asText().equals("header") && needsLimit(parameter.path("schema"))) {
                        missing.add(method + " " + path.getKey() + " ?"
                                + parameter.path("name").asText());
                    }
                }
                if (BODY_METHODS.contains(method)) {
                    requestSchema(operation, path.getValue())
                            .path("properties")
                            .fields()
                            .forEachRemaining(field -> {
                                if (needsLimit(resolve(field.getValue()))) {
                                    missing.add(method + " " + path.getKey() + " body." + field.getKey());
                                }
                            });
                }
            }
        }
        return missing;
    }

    private static boolean needsLimit(JsonNode schema) {
        return HostileValues.type(schema).equals("string")
                && !schema.has("maxLength")
                && !schema.has("enum")
                && !List.of("uuid", "date-time").contains(schema.path("format").asText(""));
    }

    /** The operation's request body schema; a merge patch (a free-form object) is fuzzed with the PUT's fields. */
    private JsonNode requestSchema(JsonNode operation, JsonNode pathItem) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode schema = content.isEmpty()
                ? JSON.createObjectNode()
                : resolve(content.elements().next().path("schema"));
        if (!schema.has("properties") && pathItem.has("put")) {
            return requestSchema(pathItem.get("put"), pathItem);
        }
        return schema;
    }

    private List<JsonNode> parameters(JsonNode operation, JsonNode pathItem) {
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        // The path-item level and the operation may both list a path parameter.
        Map<String, JsonNode> unique = new LinkedHashMap<>();
        parameters.forEach(parameter -> unique.put(
                parameter.path("in").asText() + ":" + parameter.path("name").asText(), parameter));
        return new ArrayList<>(unique.values());
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String[] ref = current.get("$ref").asText().substring(2).split("/");
            JsonNode target = openApi;
            for (String step : ref) {
                target = target.path(step);
            }
            current = target;
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0));
        }
        return current;
    }

    private static String withField(String body, String field, String rawValue) throws IOException {
        ObjectNode object = (ObjectNode) JSON.readTree(body);
        object.put(field, "__FUZZ__");
        return object.toString().replace("\"__FUZZ__\"", rawValue);
    }

    private static String collection(String template) {
        String[] segments = template.split("/");
        String last = segments[segments.length - 1];
        return last.startsWith("{") ? segments[segments.length - 2] : last;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…(" + text.length() + ")" : printable;
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static UUID adminId() {
        Api.given(); // creates the tests' ADMIN in this profile's database
        return Api.ADMIN;
    }
}
