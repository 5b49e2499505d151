package dev.lms.web;

import dev.lms.crud.PageResult;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The success responses every resource gives, so that all ten put ETag and Location in the same place.
 * They are typed ({@code RestResponse<UserResponse>}, not {@code Response}): Quarkus then registers the record for
 * reflection in a native build, and OpenAPI documents its schema, without annotations.
 */
public final class Responses {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    public static final String TOTAL_COUNT = "X-Total-Count";

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

    /**
     * 200 with the items as a JSON array, {@code X-Total-Count}, and one {@code Link} header (RFC 8288) with first,
     * prev, next and last as they apply. Each link keeps the request's other query parameters (filters, size, sort).
     */
    public static <T> RestResponse<List<T>> page(PageResult<T> result, UriInfo uri) {
        List<String> links = new ArrayList<>();
        links.add(link(uri, 1, "first"));
        if (result.page() > 1) {
            links.add(link(uri, Math.min(result.page() - 1, result.lastPage()), "prev"));
        }
        if (result.page() < result.lastPage()) {
            links.add(link(uri, result.page() + 1, "next"));
        }
        links.add(link(uri, result.lastPage(), "last"));
        return RestResponse.ResponseBuilder.ok(result.items())
                .header(TOTAL_COUNT, result.total())
                .header("Link", String.join(", ", links))
                .build();
    }

    private static String link(UriInfo uri, long page, String rel) {
        return "<" + uri.getRequestUriBuilder().replaceQueryParam("page", page).build() + ">; rel=\"" + rel + "\"";
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
