package dev.lms.schema;

import dev.lms.schema.ExpectedSchema.ForeignKey;
import dev.lms.schema.ExpectedSchema.Index;
import java.util.List;
import java.util.Set;

/** What one schema of a live database holds, as read from {@code pg_catalog}. */
public record CatalogSnapshot(Set<String> tables, List<ForeignKey> foreignKeys, List<Index> indexes) {

    public boolean isEmpty() {
        return tables.isEmpty();
    }
}
