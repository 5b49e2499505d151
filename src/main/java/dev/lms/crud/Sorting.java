package dev.lms.crud;

import io.quarkus.panache.common.Sort;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a list may be sorted by: each resource lists its own, with the entity path behind each API name.
 * Anything else in {@code sort} is a 400, so a client never sorts by a column it cannot see, and never injects HQL.
 */
public final class Sorting {

    private final Map<String, String> paths;

    private Sorting(Map<String, String> paths) {
        this.paths = paths;
    }

    /** Fields whose API name is also the entity's attribute name. */
    public static Sorting of(String... fields) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String field : fields) {
            paths.put(field, field);
        }
        return new Sorting(paths);
    }

    /** A field whose API name differs from its path in the entity, such as {@code instructorId} and {@code instructor.id}. */
    public Sorting and(String field, String path) {
        Map<String, String> more = new LinkedHashMap<>(paths);
        more.put(field, path);
        return new Sorting(more);
    }

    /**
     * The ORDER BY for {@code page.sort()}, always ending with the id: pages stay stable when sort values tie, and
     * without a sort the list is in creation order (ids are UUIDv7).
     */
    public Sort parse(Page page) {
        Sort sort = null;
        if (page.isSorted()) {
            for (String term : page.sort().split(",")) {
                String field = term.strip();
                Sort.Direction direction = Sort.Direction.Ascending;
                if (field.startsWith("-")) {
                    direction = Sort.Direction.Descending;
                    field = field.substring(1);
                }
                String path = paths.get(field);
                if (path == null) {
                    throw Refusal.invalid(
                            "sort",
                            "cannot sort by '" + field + "'; sortable fields are " + String.join(", ", paths.keySet()));
                }
                sort = sort == null ? Sort.by(path, direction) : sort.and(path, direction);
            }
        }
        return sort == null ? Sort.by("id") : sort.and("id");
    }
}
