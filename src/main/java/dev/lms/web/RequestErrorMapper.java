package dev.lms.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.lms.crud.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Everything the client got wrong in the request itself: 400 for JSON that does not parse or does not fit the
 * request record, for Bean Validation failures, and whatever a service refused
 * ({@link Refusal}, or a {@link ProblemException} from the web layer).
 * Messages name the field as the client spells it, never a Java class.
 */
public class RequestErrorMapper {

    /** Server-managed fields: a client that sends them is told they are read-only rather than unknown. */
    static final Set<String> READ_ONLY_FIELDS =
            Set.of("id", "createdAt", "updatedAt", "version", "enrolledAt", "submittedAt");

    @ServerExceptionMapper
    public Response refused(ProblemException refusal, UriInfo uri) {
        return refusal.problem().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal, UriInfo uri) {
        return refused(ProblemException.of(refusal), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException invalid, UriInfo uri) {
        if (invalid.getConstraintViolations().stream().anyMatch(RequestErrorMapper::isOnReturnValue)) {
            // The server broke its own contract: that is a bug, not the client's fault.
            return UnexpectedErrorMapper.internalError(invalid, uri);
        }
        List<Problem.FieldError> errors = invalid.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return badRequest("The request is invalid.", errors, uri);
    }

    /**
     * JAX-RS's own refusals. Two carry a client error worth explaining: a body that is not JSON (the Jackson reader
     * wraps the parse error in a 400), and a path or query parameter that does not convert, which JAX-RS reports as
     * a 404 (spec section 3.2) although the request, not the resource, is wrong.
     */
    @ServerExceptionMapper
    public Response refusedByJaxRs(WebApplicationException refusal, UriInfo uri) {
        Throwable cause = refusal.getCause();
        if (cause instanceof ProblemException problem) {
            return refused(problem, uri);
        }
        if (cause instanceof Refusal domainRefusal) {
            return refused(domainRefusal, uri);
        }
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        if (cause != null && (refusal instanceof NotFoundException || refusal instanceof BadRequestException)) {
            return badRequest("A path, query or header parameter has the wrong type or format.", null, uri);
        }
        Response.StatusType status = refusal.getResponse().getStatusInfo();
        return Problem.of(status, status.getReasonPhrase())
                .withInstance(uri.getPath())
                .toResponse();
    }

    // Registered for MismatchedInputException too: the Jackson extension maps that type itself, and the most
    // specific mapper wins.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        MismatchedInputException.class,
        StorableValues.UnstorableValueException.class
    })
    public Response unreadable(JsonProcessingException unreadable, UriInfo uri) {
        if (unreadable instanceof StorableValues.UnstorableValueException unstorable) {
            return badRequest(
                    "The request has a value the database cannot store.",
                    List.of(new Problem.FieldError(fieldOf(unstorable), unstorable.reason())),
                    uri);
        }
        if (unreadable instanceof UnrecognizedPropertyException unknown) {
            String field = fieldOf(unknown);
            String message = READ_ONLY_FIELDS.contains(unknown.getPropertyName())
                    ? "is read-only: the server sets it"
                    : "is not a field of this resource";
            return badRequest(
                    "The request has fields that cannot be set.", List.of(new Problem.FieldError(field, message)), uri);
        }
        if (unreadable instanceof InvalidFormatException format) {
            return badRequest(
                    "The request has a value of the wrong type or format.",
                    List.of(new Problem.FieldError(fieldOf(format), expected(format.getTargetType()))),
                    uri);
        }
        if (unreadable instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return badRequest(
                    "The request has a value of the wrong type or format.",
                    List.of(new Problem.FieldError(fieldOf(mismatch), expected(mismatch.getTargetType()))),
                    uri);
        }
        if (unreadable instanceof MismatchedInputException) {
            return badRequest("The request body must be a JSON object.", null, uri);
        }
        return badRequest("The request body is not well-formed JSON.", null, uri);
    }

    private static Response badRequest(String detail, List<Problem.FieldError> errors, UriInfo uri) {
        return Problem.of(Status.BAD_REQUEST, detail)
                .withErrors(errors)
                .withInstance(uri.getPath())
                .toResponse();
    }

    /** What a client should have sent, in JSON terms. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            StringJoiner values = new StringJoiner(", ");
            for (Object constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return "must be one of " + values;
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "must be a number";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date-time, such as 2026-01-31T23:59:00Z";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "has the wrong type";
    }

    /** {@code instructor.id}, {@code tags[2]}: the JSON path Jackson was at. */
    private static String fieldOf(JsonMappingException failure) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : failure.getPath()) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * The field as the client knows it. Method validation paths start with the Java method and parameter
     * ({@code create.request.email}); the client knows only {@code email}, or the query parameter's own name.
     */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER && !last) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            field.append(field.isEmpty() ? "" : ".").append(node.getName());
        }
        return field.toString();
    }

    private static boolean isOnReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }
}
