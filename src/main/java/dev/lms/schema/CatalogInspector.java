package dev.lms.schema;

import dev.lms.schema.ExpectedSchema.ForeignKey;
import dev.lms.schema.ExpectedSchema.Index;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads tables, foreign keys and indexes of the connection's current schema from {@code pg_catalog}.
 * Three small catalog queries, no locks; the caller owns the connection.
 */
public final class CatalogInspector {

    private static final String TABLES = """
            SELECT c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
            """;

    private static final String FOREIGN_KEYS = """
            SELECT t.relname AS table_name,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                                          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                                         ORDER BY k.ord), ', ') AS column_names,
                   r.relname AS referenced_table,
                   con.confdeltype AS delete_rule
              FROM pg_constraint con
              JOIN pg_class t ON t.oid = con.conrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
              JOIN pg_class r ON r.oid = con.confrelid
             WHERE con.contype = 'f' AND n.nspname = current_schema()
            """;

    // An invalid index (a failed CREATE INDEX CONCURRENTLY) serves no query, so it does not count as present.
    private static final String INDEXES = """
            SELECT ic.relname AS index_name, t.relname AS table_name, i.indisunique,
                   array_to_string(ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                                           FROM generate_series(1, i.indnkeyatts) k ORDER BY k), ', ') AS key_columns
              FROM pg_index i
              JOIN pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_class t ON t.oid = i.indrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = current_schema() AND i.indisvalid
            """;

    private CatalogInspector() {}

    public static CatalogSnapshot inspect(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(FOREIGN_KEYS);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                foreignKeys.add(new ForeignKey(
                        rows.getString("table_name"),
                        rows.getString("column_names"),
                        rows.getString("referenced_table"),
                        DeleteRule.fromCatalogCode(rows.getString("delete_rule"))));
            }
        }
        List<Index> indexes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(INDEXES);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                indexes.add(new Index(
                        rows.getString("index_name"),
                        rows.getString("table_name"),
                        rows.getString("key_columns"),
                        rows.getBoolean("indisunique")));
            }
        }
        return new CatalogSnapshot(Set.copyOf(tables), List.copyOf(foreignKeys), List.copyOf(indexes));
    }
}
