package dev.lms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A REST Assured filter that holds every API response to what the published description ({@code /q/openapi}) says of
 * its operation: the status must be documented, the media type must be one it declares, and the body must validate
 * against its schema as JSON Schema 2020-12 (OpenAPI 3.1), formats included. A field that is {@code null} where the
 * schema promises a string, or a property that is missing where the schema requires it, fails the test that saw it.
 */
final class DescribedResponses implements Filter {

    static final DescribedResponses FILTER = new DescribedResponses();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private volatile Description description;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private DescribedResponses() {}

    @Override
    public Response filter(
            io.restassured.specification.FilterableRequestSpecification request,
            io.restassured.specification.FilterableResponseSpecification responseSpec,
            io.restassured.filter.FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        if (!path.startsWith("/api/")) {
            return response;
        }
        Description described = description(request.getURI());
        String method = request.getMethod().toLowerCase(Locale.ROOT);
        String template = described.templateOf(path);
        String operation = method.toUpperCase(Locale.ROOT) + " " + template;
        assertThat(template)
                .as("%s %s is not in the OpenAPI description", request.getMethod(), path)
                .isNotNull();
        JsonNode responses =
                described.document.path("paths").path(template).path(method).path("responses");
        assertThat(responses.isMissingNode())
                .as("%s is not in the OpenAPI description", operation)
                .isFalse();
        String status = Integer.toString(response.statusCode());
        JsonNode documented = responses.path(status);
        assertThat(documented.isMissingNode())
                .as(
                        "%s answered %s, which its description does not list (%s)",
                        operation, status, fieldNames(responses))
                .isFalse();
        String body = response.asString();
        if (body.isEmpty()) {
            assertThat(documented.path("content").isMissingNode()
                            || documented.path("content").isEmpty())
                    .as("%s %s answered no body, but its description declares one", operation, status)
                    .isTrue();
            return response;
        }
        String contentType = response.contentType().split(";")[0].trim();
        JsonNode media = documented.path("content").path(contentType);
        assertThat(media.isMissingNode())
                .as(
                        "%s %s answered %s, its description declares %s",
                        operation, status, contentType, fieldNames(documented.path("content")))
                .isFalse();
        Schema schema = compiled.computeIfAbsent(
                operation + " " + status + " " + contentType, key -> described.schemaFor(media.path("schema")));
        List<Error> errors;
        try {
            errors = schema.validate(JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " " + status + " answered a body that is not JSON", e);
        }
        assertThat(errors)
                .as("%s %s: the body does not match its schema in the description\n%s", operation, status, body)
                .isEmpty();
        return response;
    }

    private Description description(String requestUri) {
        Description described = description;
        if (described == null) {
            synchronized (this) {
                if (description == null) {
                    URI uri = URI.create(requestUri);
                    String openApi = RestAssured.given()
                            .baseUri(uri.getScheme() + "://" + uri.getAuthority())
                            .queryParam("format", "json")
                            .get("/q/openapi")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString();
                    try {
                        description = new Description(JSON.readTree(openApi));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                described = description;
            }
        }
        return described;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The document, and its path templates as patterns, the most literal first (/users/me before /users/{id}). */
    private static final class Description {

        private final JsonNode document;
        private final List<Map.Entry<String, Pattern>> templates = new ArrayList<>();

        Description(JsonNode document) {
            this.document = document;
            for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
                String template = paths.next();
                String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                templates.add(Map.entry(template, Pattern.compile(regex)));
            }
            templates.sort(Comparator.comparingLong(
                    entry -> entry.getKey().chars().filter(c -> c == '{').count()));
        }

        String templateOf(String path) {
            return templates.stream()
                    .filter(entry -> entry.getValue().matcher(path).matches())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }

        /** The operation's schema, with the document's components beside it so that its $refs resolve. */
        Schema schemaFor(JsonNode schema) {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
            root.set("components", document.path("components"));
            schema.properties().forEach(field -> root.set(field.getKey(), field.getValue()));
            return SCHEMAS.getSchema(root);
        }
    }
}
