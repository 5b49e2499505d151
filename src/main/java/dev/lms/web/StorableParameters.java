package dev.lms.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The parameter half of {@link StorableValues}: a query, path or header parameter whose decoded value holds a NUL
 * character ({@code ?semester=%00}) or an unpaired surrogate is a 400 naming it, for every resource at once, before any
 * parameter is converted or reaches a query. (Instants in parameters are checked by {@link ParameterConverters}.)
 */
public class StorableParameters {

    @ServerRequestFilter
    public Response refuseUnstorable(ContainerRequestContext request) {
        return firstProblem(request.getUriInfo().getQueryParameters())
                .or(() -> firstProblem(request.getUriInfo().getPathParameters()))
                .or(() -> firstProblem(request.getHeaders()))
                .map(error -> Problem.of(Status.BAD_REQUEST, "A parameter has a value the database cannot store.")
                        .withErrors(List.of(error))
                        .withInstance(request.getUriInfo().getPath())
                        .toResponse())
                .orElse(null);
    }

    private static Optional<Problem.FieldError> firstProblem(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                Optional<String> problem = value == null ? Optional.empty() : StorableValues.problemWithText(value);
                if (problem.isPresent()) {
                    return Optional.of(new Problem.FieldError(parameter.getKey(), problem.get()));
                }
            }
        }
        return Optional.empty();
    }
}
