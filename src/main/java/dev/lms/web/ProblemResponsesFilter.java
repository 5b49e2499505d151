package dev.lms.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents, once for every operation under {@code /api/}, the problem responses the shared machinery gives
 * (RFC 9457, {@code application/problem+json}) and the headers of lists and single resources. Resources then only
 * describe what is their own: the operation, its parameters and its success body.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "401",
                    "No bearer token, or one that is invalid, expired, or for a user who no longer exists or has another role.",
            "403", "The caller may see this resource, but their role does not allow this operation on it.",
            "400",
                    "Malformed JSON, a wrong type, an unknown or read-only field, or a value that fails validation (see errors).",
            "404", "No resource with this id, or none the caller may see (for a nested list: no such parent).",
            "409", "Conflicts with existing data: a duplicate, or rows that still refer to this one.",
            "412", "If-Match does not match the current version (ETag).",
            "422", "The body refers to a resource that does not exist, or is of the wrong kind.",
            "413", "The body is larger than the service accepts (quarkus.http.limits.max-body-size).",
            "415", "The body's Content-Type is not one this operation accepts.",
            "503", "The database is unavailable or busy; nothing was written. Retry-After says when to retry.");

    /** The detail of each status's example problem document, as the service words it. */
    private static final Map<String, String> EXAMPLE_DETAILS = Map.of(
            "400", "The request is invalid.",
            "401", "The bearer token has expired.",
            "403", "You may not do this.",
            "404", "No course with id 0f8fad5b-d9cb-469f-a165-70867728950e.",
            "409", "A course with this code already exists.",
            "412", "If-Match does not match the current version (ETag \"3\"); read it again and retry.",
            "422", "instructorId: no user with this id.",
            "413", "The request body is too large.",
            "415", "Unsupported Media Type",
            "503", "The database is unavailable. Retry later.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                    secure(path, operation);
                    if (path.startsWith("/api/")) {
                        document(path, method, operation);
                    }
                }));
    }

    /**
     * The bearer token on what needs one, the same rule as the HTTP permissions in application.properties (everything
     * under /api but the token endpoint); an explicitly empty requirement on the public operations.
     */
    private static void secure(String path, Operation operation) {
        if (requiresToken(path)) {
            operation.addSecurityRequirement(
                    OASFactory.createSecurityRequirement().addScheme(ApiDescription.BEARER));
        } else {
            operation.setSecurity(new ArrayList<>());
        }
    }

    private static boolean requiresToken(String path) {
        return path.startsWith("/api/") && !path.startsWith("/api/v1/auth/");
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean single = path.endsWith("}");
        // A nested read (/courses/{courseId}/content, /discussions/{id}/posts) answers 404 for an unknown parent.
        boolean underAnId = path.contains("{");
        boolean paged = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "page".equals(parameter.getName()));
        boolean authenticated = requiresToken(path);
        List<String> codes = new ArrayList<>(
                switch (method) {
                    case GET -> underAnId ? List.of("400", "404") : List.of("400");
                    case POST -> underAnId ? List.of("400", "404", "409", "422") : List.of("400", "409", "422");
                    case PUT, PATCH -> List.of("400", "404", "409", "412", "422");
                    case DELETE -> List.of("400", "404", "409", "412");
                    default -> List.of();
                });
        if (!authenticated) {
            // The token endpoint: a body to validate, and credentials to refuse.
            codes = new ArrayList<>(List.of("400"));
        } else if (method != PathItem.HttpMethod.GET) {
            codes.add("403");
        }
        if (method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH) {
            codes.add("413");
            codes.add("415");
        }
        codes.add("401");
        codes.add("503");
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        for (String code : codes) {
            APIResponse response = operation.getResponses().getAPIResponse(code);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code));
                operation.getResponses().addAPIResponse(code, response);
            }
            // Quarkus adds a bare 400 to operations with @Valid parameters: give it the problem body too.
            if (response.getContent() == null) {
                response.content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
            MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
            if (problem != null && problem.getExample() == null) {
                problem.setExample(exampleProblem(code));
            }
        }
        APIResponse success = firstSuccess(operation);
        if (success == null) {
            return;
        }
        if (success.getDescription() == null) {
            success.setDescription(
                    method == PathItem.HttpMethod.POST
                            ? "Created: the new resource, also named by the Location header."
                            : "OK");
        }
        if (method == PathItem.HttpMethod.GET && paged) {
            success.addHeader("Link", header("first, prev, next and last pages, as they apply (RFC 8288)."));
            success.addHeader(Responses.TOTAL_COUNT, header("How many items the whole list holds."));
            // The token endpoints answer with no versioned resource, hence no ETag.
        } else if (authenticated
                && method != PathItem.HttpMethod.DELETE
                && (single || method != PathItem.HttpMethod.GET)) {
            success.addHeader("ETag", header("The resource's version; send it back in If-Match to update or delete."));
        }
    }

    private static APIResponse firstSuccess(Operation operation) {
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        if (responses == null) {
            return null;
        }
        return responses.entrySet().stream()
                .filter(entry ->
                        entry.getKey().startsWith("2") && !entry.getKey().equals("204"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    /** What the service sends for this status; a 400 or 422 names the fields at fault. */
    private static Map<String, Object> exampleProblem(String code) {
        int status = Integer.parseInt(code);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put(
                "title",
                status == 422
                        ? ProblemException.UNPROCESSABLE_CONTENT.getReasonPhrase()
                        : Response.Status.fromStatusCode(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", EXAMPLE_DETAILS.get(code));
        if (status == 400) {
            problem.put("errors", List.of(fieldError("title", "must not be blank")));
        } else if (status == 422) {
            problem.put("errors", List.of(fieldError("instructorId", "no user with this id")));
        }
        return problem;
    }

    private static Map<String, Object> fieldError(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string)
                .addProperty("message", string);
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .format("uri")
                        .description("about:blank: the status says it all."));
        properties.put("title", string);
        properties.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
        properties.put("detail", string);
        properties.put("instance", string);
        properties.put(
                "errors",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.ARRAY)
                        .items(fieldError)
                        .description("The invalid fields, for validation problems."));
        properties.put(
                "errorId",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .description("For a 500 only: the id the server logged the failure under."));
        properties.put(
                "traceId",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .pattern("^[0-9a-f]{32}$")
                        .description("The W3C trace id of the request: its trace, and the traceId of its log lines."
                                + " Quote it when reporting a problem."));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document, served as application/problem+json.")
                .properties(properties)
                .required(List.of("type", "title", "status"))
                .examples(List.of(exampleProblem("400")));
    }
}
