package dev.lms.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lms.cors.CorsConfigSourceFactory;
import dev.lms.db.DatabaseConfigSourceFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifest the build writes (target/kubernetes/kubernetes.yml, at package time, hence an IT) against what the
 * application serves and reads, without starting it: probes on paths and the port the service answers them on, and
 * none that queries the database; only variables the application reads; the database URLs from a Secret; the
 * PodDisruptionBudget and HorizontalPodAutoscaler aimed at the Deployment's pods.
 */
class KubernetesManifestIT {

    static final Path MANIFEST = Path.of("target", "kubernetes", "kubernetes.yml");

    /**
     * Added to every container by Quarkus's manifest generator (dekorate), with no setting to leave it out; nothing in
     * the application reads it.
     */
    static final Set<String> ADDED_BY_THE_GENERATOR = Set.of("KUBERNETES_NAMESPACE");

    static Map<String, JsonNode> byKind;
    static JsonNode deployment;
    static JsonNode container;
    static Properties properties;

    @BeforeAll
    static void read() throws IOException {
        assertThat(MANIFEST).as("written by `./mvnw package`").exists();
        byKind = new HashMap<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var documents = yaml.readerFor(JsonNode.class).readValues(MANIFEST.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = (JsonNode) documents.next();
                if (document != null && !document.isEmpty()) {
                    assertThat(byKind.put(document.path("kind").asText(), document))
                            .as("one %s", document.path("kind").asText())
                            .isNull();
                }
            }
        }
        deployment = byKind.get("Deployment");
        assertThat(deployment).isNotNull();
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers).hasSize(1);
        container = containers.get(0);
        properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
    }

    @Test
    void theFileHoldsTheServiceAndNothingThatNeedsMoreThanAPlainCluster() {
        // No Flyway Job and init container (migrations stay at start-up), no ServiceMonitor (an operator's CRD).
        assertThat(byKind.keySet())
                .containsExactlyInAnyOrder("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler");
        assertThat(deployment.at("/spec/template/spec/initContainers").isMissingNode())
                .isTrue();
    }

    @Test
    void everyProbeIsAHealthPathTheServiceAnswersOnItsMainPortWithoutQueryingTheDatabase() {
        Map<String, String> served = healthPaths();
        Map<String, String> touchesDatabase = readmeHealthTable();
        int mainPort = Integer.parseInt(properties.getProperty("quarkus.http.port", "8080"));
        assertThat(properties.getProperty("quarkus.smallrye-health.management.enabled"))
                .as("health is served on the main port, not the management interface")
                .isEqualTo("false");

        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            String path = get.path("path").asText();
            assertThat(served.values()).as("%s path", probe).contains(path);
            assertThat(port(get.path("port"))).as("%s port", probe).isEqualTo(mainPort);
            assertThat(touchesDatabase.get(path))
                    .as("%s %s: the README's health table says whether it touches the database", probe, path)
                    .isEqualTo("no");
        }
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo(served.get("started"));
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo(served.get("live"));
    }

    @Test
    void theStartupProbeWaitsLongEnoughForAMigration() {
        JsonNode startup = container.path("startupProbe");
        int budget = startup.path("initialDelaySeconds").asInt()
                + startup.path("periodSeconds").asInt()
                        * startup.path("failureThreshold").asInt();
        // README, "Kubernetes": 5 minutes, several times the longest migration measured (Flyway's window 22.6 s).
        assertThat(budget).isGreaterThanOrEqualTo(300);
    }

    @Test
    void kubernetesWaitsForTheGracefulShutdownBeforeKillingThePod() {
        // SIGTERM, then quarkus.shutdown.delay with readiness DOWN, then up to quarkus.shutdown.timeout for the
        // requests in flight; Kubernetes sends SIGKILL after terminationGracePeriodSeconds (30 unless set).
        long delay = seconds(properties.getProperty("%prod.quarkus.shutdown.delay"));
        long timeout = seconds(properties.getProperty("%prod.quarkus.shutdown.timeout"));
        JsonNode grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds");

        assertThat(grace.isMissingNode())
                .as("terminationGracePeriodSeconds is set")
                .isFalse();
        assertThat(grace.asLong()).isGreaterThan(delay + timeout);
    }

    private static long seconds(String duration) {
        assertThat(duration).as("a shutdown duration in application.properties").isNotNull();
        return Duration.parse("PT" + duration.toUpperCase(Locale.ROOT)).toSeconds();
    }

    @Test
    void theReplicasPurgesLeaveANeonComputeTimeToSuspend() {
        // Each replica's purge is a query. After one, the pool validates its idle connection for up to 5 minutes, then
        // Neon waits 5 minutes without a query before it suspends (README, "What else wakes the database").
        String every = env().get("LMS_IDEMPOTENCY_PURGE_EVERY").path("value").asText();
        long minutes = Duration.parse("PT" + every.toUpperCase(Locale.ROOT)).toMinutes();
        int replicas =
                byKind.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt();
        assertThat(minutes / replicas).as("minutes between purges, on average").isGreaterThan(5 * 2);
    }

    @Test
    void everyVariableIsOneTheApplicationReads() {
        Set<String> read = variablesTheApplicationReads();
        List<String> unread = new ArrayList<>();
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            if (!read.contains(name) && !ADDED_BY_THE_GENERATOR.contains(name)) {
                unread.add(name);
            }
        }
        assertThat(unread).as("variables the application does not read").isEmpty();
        assertThat(container.path("envFrom").isMissingNode()).isTrue();
    }

    @Test
    void theDatabaseUrlsComeFromASecretAndAreNeverWrittenInTheManifest() {
        Map<String, JsonNode> env = env();
        for (String variable :
                List.of(DatabaseConfigSourceFactory.DATABASE_URL, DatabaseConfigSourceFactory.DIRECT_URL)) {
            JsonNode reference = env.get(variable).at("/valueFrom/secretKeyRef");
            assertThat(reference.path("key").asText()).as(variable).isEqualTo(variable);
            assertThat(reference.path("name").asText()).as(variable).isNotBlank();
            assertThat(env.get(variable).has("value")).as(variable).isFalse();
        }
        assertThat(MANIFEST).content().doesNotContain("postgresql://").doesNotContain("PRIVATE KEY");
    }

    @Test
    void theSigningKeysAreFilesFromASecretVolume() {
        Map<String, JsonNode> env = env();
        Map<String, String> secretMounts = new HashMap<>();
        Map<String, String> secretVolumes = new HashMap<>();
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            if (volume.has("secret")) {
                secretVolumes.put(
                        volume.path("name").asText(),
                        volume.at("/secret/secretName").asText());
            }
        }
        for (JsonNode mount : container.path("volumeMounts")) {
            if (secretVolumes.containsKey(mount.path("name").asText())) {
                secretMounts.put(
                        mount.path("mountPath").asText(), mount.path("name").asText());
            }
        }
        for (String variable : List.of("SMALLRYE_JWT_SIGN_KEY_LOCATION", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            String location = env.get(variable).path("value").asText();
            assertThat(secretMounts.keySet())
                    .as("%s=%s lies in a mounted Secret", variable, location)
                    .anyMatch(path -> location.startsWith(path + "/"));
        }
    }

    @Test
    void metricsArePublishedOnTheManagementPort() {
        int management = Integer.parseInt(properties.getProperty("quarkus.management.port", "9000"));
        assertThat(container.path("ports"))
                .anySatisfy(
                        port -> assertThat(port.path("containerPort").asInt()).isEqualTo(management));
        assertThat(deployment
                        .at("/spec/template/metadata/annotations/prometheus.io~1port")
                        .asText())
                .isEqualTo(Integer.toString(management));
    }

    @Test
    void memoryIsRequestedAsMuchAsItIsLimitedAndCpuIsBothRequestedAndLimited() {
        JsonNode resources = container.path("resources");
        assertThat(resources.at("/requests/memory").asText())
                .isNotBlank()
                .isEqualTo(resources.at("/limits/memory").asText());
        assertThat(resources.at("/requests/cpu").asText()).isNotBlank();
        assertThat(resources.at("/limits/cpu").asText()).isNotBlank();
    }

    @Test
    void theDisruptionBudgetAndTheAutoscalerAimAtTheDeployment() {
        JsonNode selector = deployment.at("/spec/selector/matchLabels");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        assertThat(selector.isEmpty()).isFalse();
        assertThat(contains(podLabels, selector)).isTrue();
        assertThat(selector.has("app.kubernetes.io/version"))
                .as("a selector cannot change between releases")
                .isFalse();

        JsonNode budget = byKind.get("PodDisruptionBudget");
        assertThat(budget.at("/spec/selector/matchLabels")).isEqualTo(selector);
        JsonNode autoscaler = byKind.get("HorizontalPodAutoscaler");
        JsonNode target = autoscaler.at("/spec/scaleTargetRef");
        assertThat(target.path("kind").asText()).isEqualTo("Deployment");
        assertThat(target.path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(target.path("name").asText())
                .isEqualTo(deployment.at("/metadata/name").asText());
        // A node can always be drained: fewer replicas must stay than the autoscaler keeps.
        assertThat(budget.at("/spec/minAvailable").asInt())
                .isLessThan(autoscaler.at("/spec/minReplicas").asInt());
        assertThat(byKind.get("Service").at("/spec/selector")).isEqualTo(selector);
    }

    /** Each of SmallRye Health's endpoints as the configuration places it: live, ready, started. */
    static Map<String, String> healthPaths() {
        String root = "/" + strip(properties.getProperty("quarkus.http.non-application-root-path", "q")) + "/"
                + strip(properties.getProperty("quarkus.smallrye-health.root-path", "health")) + "/";
        return Map.of(
                "live", root + strip(properties.getProperty("quarkus.smallrye-health.liveness-path", "live")),
                "ready", root + strip(properties.getProperty("quarkus.smallrye-health.readiness-path", "ready")),
                "started", root + strip(properties.getProperty("quarkus.smallrye-health.startup-path", "started")));
    }

    /** The README's "Health and operations" table: path → its "Touches the database" cell. */
    static Map<String, String> readmeHealthTable() {
        Map<String, String> table = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `GET (/[^`]*)`[^|]*\\|[^|]*\\| ([^|]*?) \\|$")
                .matcher(readString(Path.of("README.md")));
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        assertThat(table).containsKeys("/q/health/live", "/q/health/ready", "/q/health/started");
        return table;
    }

    /**
     * What the application reads from the environment: .env.example's variables (set or commented out), the variables
     * its own configuration sources read, and the environment form (MicroProfile Config's rule) of every key in
     * application.properties and in the README's configuration tables.
     */
    static Set<String> variablesTheApplicationReads() {
        Set<String> read = new HashSet<>();
        Matcher example = Pattern.compile("(?m)^#?\\s*([A-Z][A-Z0-9_]*)=").matcher(readString(Path.of(".env.example")));
        while (example.find()) {
            read.add(example.group(1));
        }
        read.addAll(List.of(
                DatabaseConfigSourceFactory.DATABASE_URL,
                DatabaseConfigSourceFactory.DIRECT_URL,
                DatabaseConfigSourceFactory.DATABASE_USERNAME,
                DatabaseConfigSourceFactory.DATABASE_PASSWORD,
                CorsConfigSourceFactory.CORS_ORIGINS));
        for (String key : properties.stringPropertyNames()) {
            read.add(environmentName(key.replaceFirst("^%[^.]+\\.", "")));
        }
        Matcher documented = Pattern.compile("\\| `([a-z][a-z0-9.-]+)` \\(`([A-Z0-9_]+)`\\)")
                .matcher(readString(Path.of("README.md")));
        while (documented.find()) {
            assertThat(documented.group(2)).isEqualTo(environmentName(documented.group(1)));
            read.add(documented.group(2));
        }
        return read;
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Map<String, JsonNode> env() {
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        return env;
    }

    private static int port(JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port.asText());
    }

    private static boolean contains(JsonNode labels, JsonNode subset) {
        ObjectNode copy = ((ObjectNode) labels).deepCopy();
        copy.setAll((ObjectNode) subset);
        return copy.equals(labels);
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
