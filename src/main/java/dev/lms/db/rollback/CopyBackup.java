package dev.lms.db.rollback;

import dev.lms.db.rollback.BackupManifest.TableCopy;
import dev.lms.schema.CatalogInspector;
import dev.lms.schema.CatalogSnapshot;
import dev.lms.schema.ExpectedSchema.ForeignKey;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.Utils;

/**
 * A data backup over plain JDBC: every table of the schema, copied out with {@code COPY ... TO STDOUT} inside one
 * transaction, so all tables come from the same state: a repeatable-read snapshot for {@code db-rollback backup}, and
 * for a rollback the transaction that then undoes the migrations, after it has locked writers out
 * ({@link Rollback}).
 * <p>
 * The files hold personal data and are written owner-only ({@link PrivateFiles}).
 * <p>
 * Why not pg_dump: pg_dump refuses a server newer than itself, and the machines that run this (build hosts, the
 * service's image) rarely carry the client tools of the server's major version; COPY works across versions.
 * The backup holds data only. The schema comes from the migrations: restore into a database migrated to the same
 * version ({@link BackupManifest#schemaVersion()}). For a full-fidelity copy, take a Neon branch or a pg_dump too.
 */
public final class CopyBackup {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int BUFFER = 1 << 20;

    private static final String COLUMNS = """
            SELECT a.attname FROM pg_attribute a
             WHERE a.attrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
               AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
             ORDER BY a.attnum
            """;

    private CopyBackup() {}

    /**
     * Copies every table into a new directory under {@code root}, named after the database, version and time, in a
     * read-only repeatable-read transaction of its own: a consistent copy that does not stop writers.
     */
    public static Path take(Connection connection, Path root, int schemaVersion) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            return copyWithin(connection, root, schemaVersion);
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        }
    }

    /**
     * Copies every table within the caller's transaction, which has made sure nothing changes while it copies (a
     * snapshot, or locks); the manifest is written last, so a directory without one is not a backup.
     */
    static Path copyWithin(Connection connection, Path root, int schemaVersion) throws SQLException, IOException {
        String database = scalar(connection, "SELECT current_database()");
        String serverVersion = scalar(connection, "SHOW server_version");
        Instant takenAt = Instant.now();
        Path directory = root.resolve(database + "-v" + schemaVersion + "-" + STAMP.format(takenAt));
        PrivateFiles.createDirectories(root);
        PrivateFiles.createDirectory(directory);

        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<TableCopy> tables = new ArrayList<>();
        for (String table : restoreOrder(CatalogInspector.inspect(connection))) {
            List<String> columns = columns(connection, table);
            Path file = directory.resolve(table + ".copy");
            long rows;
            try (OutputStream fileOut = PrivateFiles.create(file);
                    OutputStream out = new BufferedOutputStream(fileOut, BUFFER)) {
                rows = copy.copyOut(
                        "COPY " + Utils.escapeIdentifier(null, table).toString() + " (" + columnList(columns)
                                + ") TO STDOUT",
                        out);
                out.flush();
            }
            sync(file);
            tables.add(new TableCopy(table, columns, rows, Files.size(file)));
        }
        new BackupManifest(database, serverVersion, schemaVersion, takenAt, List.copyOf(tables)).write(directory);
        sync(directory.resolve(BackupManifest.FILE));
        return directory;
    }

    /** On disk before the undo commits: a crash right after the commit must not take the backup with it. */
    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Copies the backed-up rows of {@code tables} (all of them when empty) back in, in one transaction.
     * Every target table must exist and be empty; the history table is never restored: the migrations wrote it.
     */
    public static BackupManifest restore(Connection connection, Path directory, Collection<String> tables)
            throws SQLException, IOException {
        BackupManifest manifest = BackupManifest.read(directory);
        Set<String> wanted = new TreeSet<>(tables);
        List<TableCopy> toRestore = manifest.tables().stream()
                .filter(table -> !table.name().equals(MigrationHistory.TABLE))
                .filter(table -> wanted.isEmpty() || wanted.contains(table.name()))
                .toList();
        wanted.removeAll(toRestore.stream().map(TableCopy::name).toList());
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("Not in the backup (or not restorable): " + String.join(", ", wanted));
        }

        connection.setAutoCommit(false);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (TableCopy table : toRestore) {
                requireEmpty(connection, table.name());
            }
            for (TableCopy table : toRestore) {
                long rows;
                try (InputStream in =
                        new BufferedInputStream(Files.newInputStream(directory.resolve(table.fileName())), BUFFER)) {
                    rows = copy.copyIn(
                            "COPY " + Utils.escapeIdentifier(null, table.name()).toString() + " ("
                                    + columnList(table.columns()) + ") FROM STDIN",
                            in);
                }
                if (rows != table.rows()) {
                    throw new IllegalStateException("Restored " + rows + " rows into " + table.name()
                            + " but the backup holds " + table.rows());
                }
            }
            connection.commit();
            return new BackupManifest(
                    manifest.database(),
                    manifest.serverVersion(),
                    manifest.schemaVersion(),
                    manifest.takenAt(),
                    toRestore);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Tables ordered so that every table comes after the tables it references: COPY checks foreign keys row by row
     * at the end of each statement, so parents must already be there. A self-reference (threaded posts) is fine
     * within one COPY.
     */
    static List<String> restoreOrder(CatalogSnapshot catalog) {
        Map<String, Set<String>> references = new TreeMap<>();
        catalog.tables().forEach(table -> references.put(table, new TreeSet<>()));
        for (ForeignKey fk : catalog.foreignKeys()) {
            if (!fk.table().equals(fk.referencedTable()) && references.containsKey(fk.referencedTable())) {
                references.get(fk.table()).add(fk.referencedTable());
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        while (ordered.size() < references.size()) {
            int before = ordered.size();
            references.forEach((table, parents) -> {
                if (!ordered.contains(table) && ordered.containsAll(parents)) {
                    ordered.add(table);
                }
            });
            if (ordered.size() == before) {
                throw new IllegalStateException("Foreign keys form a cycle between tables "
                        + references.keySet().stream()
                                .filter(t -> !ordered.contains(t))
                                .toList()
                        + "; this backup cannot order them");
            }
        }
        return List.copyOf(ordered);
    }

    private static void requireEmpty(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT EXISTS (SELECT 1 FROM " + Utils.escapeIdentifier(null, table) + ")")) {
            rows.next();
            if (rows.getBoolean(1)) {
                throw new IllegalStateException("Refusing to restore into " + table + ": it already holds rows");
            }
        }
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return List.copyOf(columns);
    }

    private static String columnList(List<String> columns) throws SQLException {
        List<String> quoted = new ArrayList<>();
        for (String column : columns) {
            quoted.add(Utils.escapeIdentifier(null, column).toString());
        }
        return String.join(", ", quoted);
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
