package dev.lms.web;

import dev.lms.crud.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page}, {@code size} and {@code sort} query parameters every list takes, as a {@code @Valid @BeanParam}.
 * Services take it as the {@link Page} it is.
 */
public class PageRequest implements Page {

    public static final int MAX_SIZE = 100;
    /** Room for every sortable field of any resource, each with its sign. */
    public static final int MAX_SORT_LENGTH = 200;
    /** Beyond this, the row offset (page - 1) × size no longer fits the int that a query's first result is. */
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

    @Override
    public int page() {
        return page;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String sort() {
        return sort;
    }
}
