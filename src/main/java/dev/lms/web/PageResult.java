package dev.lms.web;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** One page of a list, and how many items the whole list holds. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public static final String TOTAL_COUNT = "X-Total-Count";

    public long lastPage() {
        return Math.max(1, (total + size - 1) / size);
    }

    /**
     * 200 with the items as a JSON array, {@code X-Total-Count}, and one {@code Link} header (RFC 8288) with
     * first, prev, next and last as they apply. Each link keeps the request's other query parameters (filters, size, sort).
     */
    public RestResponse<List<T>> toResponse(UriInfo uri) {
        List<String> links = new ArrayList<>();
        links.add(link(uri, 1, "first"));
        if (page > 1) {
            links.add(link(uri, Math.min(page - 1, lastPage()), "prev"));
        }
        if (page < lastPage()) {
            links.add(link(uri, page + 1, "next"));
        }
        links.add(link(uri, lastPage(), "last"));
        return RestResponse.ResponseBuilder.ok(items)
                .header(TOTAL_COUNT, total)
                .header("Link", String.join(", ", links))
                .build();
    }

    private static String link(UriInfo uri, long page, String rel) {
        UriBuilder target = uri.getRequestUriBuilder().replaceQueryParam("page", page);
        return "<" + target.build() + ">; rel=\"" + rel + "\"";
    }
}
