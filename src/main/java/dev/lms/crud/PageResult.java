package dev.lms.crud;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list, and how many items the whole list holds. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    /**
     * Runs the page of {@code query} and its total: at most two statements, whatever the size. The count is skipped
     * when the page itself shows the total: a last page that is not full, or an empty first page.
     */
    public static <E, T> PageResult<T> fetch(PanacheQuery<E> query, Page page, Function<? super E, T> toResponse) {
        List<T> items = query.page(page.page() - 1, page.size()).list().stream()
                .map(toResponse)
                .toList();
        long total = items.size() < page.size() && (!items.isEmpty() || page.page() == 1)
                ? (long) (page.page() - 1) * page.size() + items.size()
                : query.count();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /**
     * Runs only the page of {@code query}, for a list whose total is already known. A nested list
     * ({@code /courses/{id}/enrollments}) counts its items in the statement that also proves the parent exists, so
     * the page is its only other statement, and none runs when the page lies beyond the total.
     */
    public static <E, T> PageResult<T> fetch(
            PanacheQuery<E> query, Page page, long total, Function<? super E, T> toResponse) {
        List<T> items = (long) (page.page() - 1) * page.size() >= total
                ? List.of()
                : query.page(page.page() - 1, page.size()).list().stream()
                        .map(toResponse)
                        .toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public long lastPage() {
        return Math.max(1, (total + size - 1) / size);
    }
}
