package dev.lms.crud;

import dev.lms.persistence.OrderBy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields a list may be sorted by: each resource lists its own, named as the entity's attributes. Anything else in
 * {@code sort} is a 400, so a client never sorts by a column it cannot see.
 */
public final class Sorting {

    private static final OrderBy BY_ID = OrderBy.asc("id");

    private final Set<String> fields;

    private Sorting(Set<String> fields) {
        this.fields = fields;
    }

    public static Sorting of(String... fields) {
        return new Sorting(new LinkedHashSet<>(List.of(fields)));
    }

    /**
     * The ORDER BY for {@code page.sort()}, always ending with the id: pages stay stable when sort values tie, and
     * without a sort the list is in creation order (ids are UUIDv7).
     */
    public List<OrderBy> parse(Page page) {
        return parse(page, List.of(BY_ID));
    }

    /** As {@link #parse(Page)}, but a request without {@code sort} gets {@code unsorted}, a list's own natural order. */
    public List<OrderBy> parse(Page page, List<OrderBy> unsorted) {
        if (!page.isSorted()) {
            return unsorted;
        }
        List<OrderBy> order = new ArrayList<>();
        for (String term : page.sort().split(",")) {
            String field = term.strip();
            boolean descending = field.startsWith("-");
            if (descending) {
                field = field.substring(1);
            }
            if (!fields.contains(field)) {
                throw Refusal.invalid(
                        "sort", "cannot sort by '" + field + "'; sortable fields are " + String.join(", ", fields));
            }
            order.add(new OrderBy(field, descending));
        }
        order.add(BY_ID);
        return order;
    }
}
