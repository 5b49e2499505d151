package dev.lms.web;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page}, {@code size} and {@code sort} query parameters every list takes, as a {@code @Valid @BeanParam}.
 * Each service turns {@link #sort} into an ORDER BY with its own {@link Sorting}, and runs the page with {@link #fetch}.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    /** Room for every sortable field of any resource, each with its sign. */
    public static final int MAX_SORT_LENGTH = 200;
    /** Beyond this, the row offset (page - 1) × size no longer fits the int that Panache computes it in. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    @QueryParam("page")
    @DefaultValue("1")
    @Min(value = 1, message = "must be 1 or more; pages are numbered from 1") @Max(value = MAX_PAGE, message = "must be at most " + MAX_PAGE) @Parameter(description = "Page number, from 1.")
    public int page = 1;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1) @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE) @Parameter(description = "Items per page, at most 100.")
    public int size = 20;

    @QueryParam("sort")
    @Size(max = MAX_SORT_LENGTH, message = "must be at most {max} characters") @Parameter(
            description =
                    "Comma-separated fields to sort by; a leading '-' sorts that field descending. Example: -createdAt,title")
    public String sort;

    public static PageRequest of(int page, int size, String sort) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        request.sort = sort;
        return request;
    }

    /**
     * Runs the page of {@code query} and its total: at most two statements, whatever the size. The count is skipped
     * when the page itself shows the total: a last page that is not full, or an empty first page.
     */
    public <E, T> PageResult<T> fetch(PanacheQuery<E> query, Function<? super E, T> toResponse) {
        List<T> items = query.page(Page.of(page - 1, size)).list().stream()
                .map(toResponse)
                .toList();
        long total = items.size() < size && (!items.isEmpty() || page == 1)
                ? (long) (page - 1) * size + items.size()
                : query.count();
        return new PageResult<>(items, total, page, size);
    }

    /**
     * Runs only the page of {@code query}, for a list whose total is already known. A nested list
     * ({@code /courses/{id}/enrollments}) counts its items in the statement that also proves the parent exists, so
     * the page is its only other statement, and none runs when the page lies beyond the total.
     */
    public <E, T> PageResult<T> fetch(PanacheQuery<E> query, long total, Function<? super E, T> toResponse) {
        List<T> items = (long) (page - 1) * size >= total
                ? List.of()
                : query.page(Page.of(page - 1, size)).list().stream()
                        .map(toResponse)
                        .toList();
        return new PageResult<>(items, total, page, size);
    }
}
