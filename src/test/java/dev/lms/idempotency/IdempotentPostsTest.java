package dev.lms.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every authenticated POST honours Idempotency-Key, and the OpenAPI description says so on each of them. */
@QuarkusTest
class IdempotentPostsTest {

    @Test
    void everyPostButTheTokenEndpointIsIdempotent() throws Exception {
        List<String> posts = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(POST.class)) {
                    String name = resource.getSimpleName() + "." + method.getName();
                    posts.add(name);
                    assertThat(method.isAnnotationPresent(Idempotent.class) != name.startsWith("TokenResource"))
                            .as(name + " is @Idempotent exactly when it is not the token endpoint")
                            .isTrue();
                }
            }
        }
        assertThat(posts).hasSizeGreaterThanOrEqualTo(11).contains("TokenResource.issue");
    }

    @Test
    void theOpenApiDescriptionDocumentsTheHeaderOnEveryAuthenticatedPost() {
        JsonPath openApi = JsonPath.from(
                given().accept("application/json").get("/q/openapi").asString());
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        List<String> documented = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (operations.containsKey("post")) {
                String parameters = String.valueOf(((Map<?, ?>) operations.get("post")).get("parameters"));
                boolean refersToTheKey = parameters.contains("#/components/parameters/IdempotencyKey");
                assertThat(refersToTheKey).as(path).isEqualTo(!path.startsWith("/api/v1/auth/"));
                if (refersToTheKey) {
                    documented.add(path);
                }
            }
        });
        assertThat(documented).hasSizeGreaterThanOrEqualTo(10);
        assertThat(openApi.getString("components.parameters.IdempotencyKey.name"))
                .isEqualTo("Idempotency-Key");
        assertThat(openApi.getString("components.parameters.IdempotencyKey.in")).isEqualTo("header");
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("dev/lms"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> type = Class.forName(name);
                if (type.isAnnotationPresent(Path.class)) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }
}
