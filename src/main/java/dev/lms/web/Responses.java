package dev.lms.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The success responses every resource gives, so that all ten put ETag and Location in the same place. */
public final class Responses {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private Responses() {
    }

    /** 200 with the body and its {@code ETag}. */
    public static Response ok(Versioned body) {
        return Response.ok(body).tag(etag(body.version())).build();
    }

    /** 201 with the body, its {@code ETag}, and {@code Location}: the request's path plus the new id. */
    public static Response created(UriInfo uri, Versioned body) {
        return Response.created(uri.getAbsolutePathBuilder().path(body.id().toString()).build())
                .entity(body)
                .tag(etag(body.version()))
                .build();
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
