package dev.lms.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Gives every request and response body one example, built from its schema, so that it cannot disagree with it: the
 * first enum value, a length inside the limits, a UUID derived from the property's name, {@code null} never (a
 * nullable property shows its value). A few property names get a realistic value instead of a placeholder. Bodies
 * that already carry an example keep it; problem documents get theirs from {@link ProblemResponsesFilter}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ExamplesFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    /**
     * Realistic values for properties whose meaning a placeholder would hide, used where the property has the value's
     * type. Each fits its schema's limits.
     */
    private static final Map<String, Object> BY_NAME = Map.ofEntries(
            Map.entry("email", "ada@example.org"),
            Map.entry("name", "Ada Lovelace"),
            Map.entry("password", "correct horse battery staple"),
            Map.entry("currentPassword", "the previous password"),
            Map.entry("code", "CS101"),
            Map.entry("title", "Introduction to programming"),
            Map.entry("description", "Variables, loops and functions, with a weekly exercise."),
            Map.entry("content", "Week 1: read chapter 2 and try the exercises before Friday."),
            Map.entry("feedback", "Correct and well tested; name the helper functions."),
            Map.entry("semester", "2026-autumn"),
            Map.entry("thumbnailUrl", "https://files.example.org/cs101/cover.png"),
            Map.entry("fileUrl", "https://files.example.org/cs101/week-1.pdf"),
            Map.entry("points", 100),
            Map.entry("score", new BigDecimal("87.50")),
            Map.entry("position", 0),
            Map.entry("version", 0),
            Map.entry("accessToken", "eyJraWQiOiJsbXMtMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl"),
            Map.entry("refreshToken", "q5N0yZ2Qe0m8mZb7VvJ3s3n1b4Kx9cTq0pYwLrGd8uE"),
            Map.entry("tokenType", "Bearer"),
            Map.entry("expiresIn", 900),
            Map.entry("refreshExpiresIn", 1209600));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> components =
                openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                        ? Map.of()
                        : openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .forEach(operation -> exemplify(operation, components));
    }

    private static void exemplify(Operation operation, Map<String, Schema> components) {
        if (operation.getRequestBody() != null) {
            exemplify(operation.getRequestBody().getContent(), components);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation
                    .getResponses()
                    .getAPIResponses()
                    .values()
                    .forEach(response -> exemplify(response.getContent(), components));
        }
    }

    private static void exemplify(Content content, Map<String, Schema> components) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((name, mediaType) -> {
            // Problem documents get one example per status, which their schema cannot tell.
            boolean hasOne = name.equals(Problem.MEDIA_TYPE)
                    || mediaType.getExample() != null
                    || (mediaType.getExamples() != null
                            && !mediaType.getExamples().isEmpty());
            if (!hasOne && mediaType.getSchema() != null) {
                mediaType.setExample(example(null, mediaType.getSchema(), components, 0));
            }
        });
    }

    /** {@code depth} counts arrays, so that a recursive schema (a post's replies) ends in an empty list. */
    private static Object example(String name, Schema schema, Map<String, Schema> components, int depth) {
        if (schema.getRef() != null) {
            Schema target = components.get(schema.getRef().substring(SCHEMAS.length()));
            return target == null ? null : example(name, target, components, depth);
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getAnyOf() != null) {
            return schema.getAnyOf().stream()
                    .filter(branch -> !isNull(branch))
                    .findFirst()
                    .map(branch -> example(name, branch, components, depth))
                    .orElse(null);
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.ARRAY)) {
            return depth > 1 || schema.getItems() == null
                    ? List.of()
                    : List.of(example(null, schema.getItems(), components, depth + 1));
        }
        if (schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            schema.getProperties().forEach((property, propertySchema) -> {
                Object value = example(property, propertySchema, components, depth);
                if (value != null) {
                    object.put(property, value);
                }
            });
            return object;
        }
        Object named = name == null ? null : BY_NAME.get(name);
        if ((named instanceof String && types.contains(Schema.SchemaType.STRING))
                || (named instanceof Number
                        && (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)))) {
            return named;
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return true;
        }
        if (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)) {
            return schema.getMinimum() == null ? 1 : schema.getMinimum().max(BigDecimal.ONE);
        }
        if (types.contains(Schema.SchemaType.STRING)) {
            return string(name, schema);
        }
        return null;
    }

    private static String string(String name, Schema schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (format) {
            case "uuid" ->
                UUID.nameUUIDFromBytes(String.valueOf(name).getBytes(StandardCharsets.UTF_8))
                        .toString();
            case "date-time" -> "2026-09-01T09:00:00Z";
            case "uri" -> "https://example.org";
            default -> {
                int length = schema.getMinLength() == null ? 0 : schema.getMinLength();
                String text = "text";
                yield text.length() >= length ? text : text + "x".repeat(length - text.length());
            }
        };
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.NULL));
    }
}
