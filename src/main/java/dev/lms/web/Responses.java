package dev.lms.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The success responses every resource gives, so that all ten put ETag and Location in the same place.
 * They are typed ({@code RestResponse<UserResponse>}, not {@code Response}): Quarkus then registers the record for
 * reflection in a native build, and OpenAPI documents its schema, without annotations.
 */
public final class Responses {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private Responses() {}

    /** 200 with the body and its {@code ETag}. */
    public static <T extends Versioned> RestResponse<T> ok(T body) {
        return RestResponse.ResponseBuilder.ok(body).tag(etag(body.version())).build();
    }

    /** 201 with the body, its {@code ETag}, and {@code Location}: the request's path plus the new id. */
    public static <T extends Versioned> RestResponse<T> created(UriInfo uri, T body) {
        return RestResponse.ResponseBuilder.<T>created(
                        uri.getAbsolutePathBuilder().path(body.id().toString()).build())
                .entity(body)
                .tag(etag(body.version()))
                .build();
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
