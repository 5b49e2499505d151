package dev.lms.crud;

import java.util.List;
import java.util.function.Function;
import org.hibernate.query.SelectionQuery;

/** One page of a list, and how many items the whole list holds. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    /**
     * Runs the page of {@code query} and its total: at most two statements, whatever the size. The count is skipped
     * when the page itself shows the total: a last page that is not full, or an empty first page.
     */
    public static <E, T> PageResult<T> fetch(SelectionQuery<E> query, Page page, Function<? super E, T> toResponse) {
        List<T> items = page(query, page).stream().map(toResponse).toList();
        long total = items.size() < page.size() && (!items.isEmpty() || page.page() == 1)
                ? page.offset() + items.size()
                : query.getResultCount();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /**
     * Runs only the page of {@code query}, for a list whose total is already known. A nested list
     * ({@code /courses/{id}/enrollments}) counts its items in the statement that also proves the parent exists, so
     * the page is its only other statement, and none runs when the page lies beyond the total.
     */
    public static <E, T> PageResult<T> fetch(
            SelectionQuery<E> query, Page page, long total, Function<? super E, T> toResponse) {
        List<T> items = page.offset() >= total
                ? List.of()
                : page(query, page).stream().map(toResponse).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private static <E> List<E> page(SelectionQuery<E> query, Page page) {
        return query.setFirstResult(Math.toIntExact(page.offset()))
                .setMaxResults(page.size())
                .getResultList();
    }

    public long lastPage() {
        return Math.max(1, (total + size - 1) / size);
    }
}
