package dev.lms.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationDocumentsItsProblemResponses() {
        JsonPath openApi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");

        assertThat(paths)
                .containsKeys("/api/v1/users", "/api/v1/users/{id}", "/api/v1/courses", "/api/v1/courses/{id}");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/api/") || !(operation instanceof Map) || !operation.containsKey("responses")) {
                return;
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as("%s %s", method, path).containsKeys("400", "401");
            Map<String, Object> content =
                    (Map<String, Object>) responses.get("400").get("content");
            assertThat(content).as("%s %s", method, path).containsKey("application/problem+json");
            if (path.contains("{")) {
                assertThat(responses).as("%s %s", method, path).containsKey("404");
            }
            if (List.of("put", "patch", "delete").contains(method)) {
                assertThat(responses).as("%s %s", method, path).containsKey("412");
            }
        }));
        assertThat(openApi.getMap("components.schemas"))
                .containsKeys("Problem", "UserRequest", "UserResponse", "CourseRequest", "CourseResponse");
        assertThat(openApi.getString("components.schemas.UserResponse.properties"))
                .doesNotContain("password");
        assertThat(openApi.getString(
                        "paths.'/api/v1/users/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .endsWith("/UserResponse");
        assertThat(openApi.getString(
                        "paths.'/api/v1/courses'.get.responses.'200'.content.'application/json'.schema.items.'$ref'"))
                .endsWith("/CourseResponse");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasItsOperationIdAndTheTokenOnlyWhereTheApiAsksForOne() {
        JsonPath openApi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        List<String> operationIds = new java.util.ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            Map<String, Object> operation = (Map<String, Object>) value;
            String operationId = (String) operation.get("operationId");
            assertThat(operationId).as("%s %s", method, path).matches("[a-z][A-Za-z]+");
            operationIds.add(operationId);
            List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
            boolean needsToken = path.startsWith("/api/") && !path.startsWith("/api/v1/auth/");
            assertThat(security)
                    .as("%s %s", method, path)
                    .isEqualTo(needsToken ? List.of(Map.of(ApiDescription.BEARER, List.of())) : List.of());
        }));
        assertThat(operationIds).doesNotHaveDuplicates();
        // The ids are part of the API: generated clients name their methods after them.
        assertThat(openApi.getString("paths.'/api/v1/courses'.get.operationId")).isEqualTo("listCourses");
        assertThat(openApi.getString("paths.'/api/v1/courses/{id}'.patch.operationId"))
                .isEqualTo("patchCourse");
        assertThat(openApi.getString("paths.'/api/v1/discussions/{id}/posts'.get.operationId"))
                .isEqualTo("getDiscussionThread");
        assertThat(openApi.getList("servers.url")).containsExactly("/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBodyAndEveryProblemResponseCarriesAnExample() {
        JsonPath openApi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            List<Map<String, Object>> bodies = new java.util.ArrayList<>();
            if (operation.get("requestBody") instanceof Map<?, ?> request) {
                bodies.add((Map<String, Object>) request.get("content"));
            }
            ((Map<String, Map<String, Object>>) operation.get("responses")).forEach((status, response) -> {
                if (response.get("content") != null) {
                    bodies.add((Map<String, Object>) response.get("content"));
                }
            });
            bodies.forEach(content -> content.forEach((mediaType, body) -> assertThat((Map<String, Object>) body)
                    .as("%s %s %s", method, path, mediaType)
                    .containsKey("example")));
        }));
        assertThat(openApi.getList("components.schemas.Problem.examples")).hasSize(1);
        assertThat(
                        openApi.getInt(
                                "paths.'/api/v1/courses/{id}'.patch.responses.'412'.content.'application/problem+json'.example.status"))
                .isEqualTo(412);
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
