package dev.lms.schema;

import dev.lms.schema.ExpectedSchema.ForeignKey;
import dev.lms.schema.ExpectedSchema.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a live schema differs from {@link ExpectedSchema}. Objects the service does not know about are ignored:
 * only what is missing or wrong matters.
 * <p>
 * Foreign keys are matched by table, column and referenced table; indexes by table, key and uniqueness, so a
 * legacy database whose objects carry other names still matches.
 */
public record SchemaDrift(
        List<String> missingTables,
        List<ForeignKey> missingForeignKeys,
        List<WrongDeleteRule> wrongDeleteRules,
        List<Index> missingIndexes) {

    public record WrongDeleteRule(ForeignKey expected, DeleteRule found) {
        public String describe() {
            return expected.table() + "." + expected.column() + " -> " + expected.referencedTable() + " is ON DELETE "
                    + found.sql() + ", expected ON DELETE "
                    + expected.onDelete().sql();
        }
    }

    /** Against the latest version: what the health check and the tests compare. */
    public static SchemaDrift between(CatalogSnapshot live) {
        return asOf(Integer.MAX_VALUE, live);
    }

    /** Against the objects that exist at {@code version}: what the baseline guard compares a legacy database with. */
    public static SchemaDrift asOf(int version, CatalogSnapshot live) {
        List<String> missingTables = ExpectedSchema.TABLES.stream()
                .filter(table -> ExpectedSchema.versionOf(table) <= version)
                .filter(table -> !live.tables().contains(table))
                .toList();

        List<ForeignKey> missingForeignKeys = new ArrayList<>();
        List<WrongDeleteRule> wrongDeleteRules = new ArrayList<>();
        for (ForeignKey expected : ExpectedSchema.FOREIGN_KEYS) {
            if (ExpectedSchema.versionOf(expected.table()) > version) {
                continue;
            }
            Optional<ForeignKey> found = live.foreignKeys().stream()
                    .filter(fk -> fk.table().equals(expected.table())
                            && fk.column().equals(expected.column())
                            && fk.referencedTable().equals(expected.referencedTable()))
                    .findFirst();
            if (found.isEmpty()) {
                missingForeignKeys.add(expected);
            } else if (found.get().onDelete() != expected.onDelete()) {
                wrongDeleteRules.add(new WrongDeleteRule(expected, found.get().onDelete()));
            }
        }

        List<Index> missingIndexes = ExpectedSchema.INDEXES.stream()
                .filter(expected -> ExpectedSchema.versionOf(expected.table()) <= version)
                .filter(expected -> live.indexes().stream()
                        .noneMatch(index -> index.table().equals(expected.table())
                                && index.columns().equals(expected.columns())
                                && index.unique() == expected.unique()))
                .toList();

        return new SchemaDrift(
                missingTables, List.copyOf(missingForeignKeys), List.copyOf(wrongDeleteRules), missingIndexes);
    }

    public boolean isNone() {
        return missingTables.isEmpty()
                && missingForeignKeys.isEmpty()
                && wrongDeleteRules.isEmpty()
                && missingIndexes.isEmpty();
    }

    /** Missing or wrong objects, counted one each: the figure the drift gauge reports. */
    public int count() {
        return missingTables.size() + missingForeignKeys.size() + wrongDeleteRules.size() + missingIndexes.size();
    }

    /** One line per difference, naming the object. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        missingTables.forEach(table -> lines.add("missing table " + table));
        missingForeignKeys.forEach(fk -> lines.add("missing foreign key " + fk.describe()));
        wrongDeleteRules.forEach(rule -> lines.add("foreign key " + rule.describe()));
        missingIndexes.forEach(index -> lines.add("missing " + index.describe()));
        return lines;
    }
}
