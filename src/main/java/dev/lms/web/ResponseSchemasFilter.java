package dev.lms.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Marks every property of a success body as required. Response records are written with all their components, nulls
 * included, so a generated client may rely on each property being present; whether it may be {@code null} is declared
 * on the record component itself ({@code @Schema(nullable = true)}). Without this, a schema that requires nothing
 * would validate any object.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ResponseSchemasFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents() == null) {
            return;
        }
        // A LinkedList, unlike an ArrayDeque, takes the nulls of absent items and content.
        LinkedList<Schema> pending = new LinkedList<>();
        // Under /api only: the body of /health/db leaves out what it did not check.
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations()
                        .values()
                        .forEach(operation -> operation
                                .getResponses()
                                .getAPIResponses()
                                .forEach((status, response) -> {
                                    if (status.startsWith("2") && response.getContent() != null) {
                                        response.getContent().getMediaTypes().values().stream()
                                                .map(MediaType::getSchema)
                                                .forEach(pending::add);
                                    }
                                }));
            }
        });
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                String name = schema.getRef().substring(SCHEMAS.length());
                if (seen.add(name)) {
                    pending.add(openAPI.getComponents().getSchemas().get(name));
                }
                continue;
            }
            pending.add(schema.getItems());
            if (schema.getAnyOf() != null) {
                pending.addAll(schema.getAnyOf());
            }
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                pending.addAll(schema.getProperties().values());
            }
        }
    }
}
