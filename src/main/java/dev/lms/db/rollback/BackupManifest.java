package dev.lms.db.rollback;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a {@link CopyBackup} directory holds: one COPY file per table, in the order they restore in
 * (referenced tables before the tables that reference them), with their columns and row counts.
 */
public record BackupManifest(
        String database, String serverVersion, int schemaVersion, Instant takenAt, List<TableCopy> tables) {

    public static final String FILE = "manifest.properties";
    static final String FORMAT = "lms-copy-backup/1";

    public record TableCopy(String name, List<String> columns, long rows, long bytes) {
        public String fileName() {
            return name + ".copy";
        }
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableCopy::rows).sum();
    }

    public long totalBytes() {
        return tables.stream().mapToLong(TableCopy::bytes).sum();
    }

    void write(Path directory) {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("database", database);
        properties.setProperty("server.version", serverVersion);
        properties.setProperty("schema.version", Integer.toString(schemaVersion));
        properties.setProperty("taken.at", takenAt.toString());
        properties.setProperty(
                "tables", String.join(",", tables.stream().map(TableCopy::name).toList()));
        for (TableCopy table : tables) {
            properties.setProperty("columns." + table.name(), String.join(",", table.columns()));
            properties.setProperty("rows." + table.name(), Long.toString(table.rows()));
            properties.setProperty("bytes." + table.name(), Long.toString(table.bytes()));
        }
        try (Writer out =
                new OutputStreamWriter(PrivateFiles.create(directory.resolve(FILE)), StandardCharsets.UTF_8)) {
            properties.store(
                    out, "Written by dev.lms.db.rollback; restore with: db-rollback restore --from <this directory>");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup manifest in " + directory, e);
        }
    }

    public static BackupManifest read(Path directory) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a backup directory (no readable " + FILE + "): " + directory, e);
        }
        if (!FORMAT.equals(properties.getProperty("format"))) {
            throw new IllegalArgumentException(
                    "Unknown backup format in " + directory + ": " + properties.getProperty("format"));
        }
        List<TableCopy> tables = new ArrayList<>();
        for (String name : properties.getProperty("tables", "").split(",")) {
            if (!name.isEmpty()) {
                tables.add(new TableCopy(
                        name,
                        Arrays.asList(properties.getProperty("columns." + name).split(",")),
                        Long.parseLong(properties.getProperty("rows." + name)),
                        Long.parseLong(properties.getProperty("bytes." + name))));
            }
        }
        return new BackupManifest(
                properties.getProperty("database"),
                properties.getProperty("server.version"),
                Integer.parseInt(properties.getProperty("schema.version")),
                Instant.parse(properties.getProperty("taken.at")),
                List.copyOf(tables));
    }
}
