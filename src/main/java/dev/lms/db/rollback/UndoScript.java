package dev.lms.db.rollback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The script that takes the schema from version {@code n} back to {@code n - 1}.
 * <p>
 * {@code migrations/undo/U<n>__<description>.sql} undoes {@code migrations/V<n>__<description>.sql}: same version,
 * same description. The artifact carries them under {@code db/undo}, outside Flyway's {@code db/migration}.
 */
public record UndoScript(int version, String name, String sql) {

    static final String LOCATION = "db/undo/";

    /** The name of the undo script for a migration script, {@code V2__x.sql -> U2__x.sql}. */
    public static String nameFor(String migrationScript) {
        if (!migrationScript.startsWith("V")) {
            throw new IllegalArgumentException("Not a versioned migration script: " + migrationScript);
        }
        return "U" + migrationScript.substring(1);
    }

    /** Loads the undo script of a shipped migration from the artifact, if there is one. */
    public static Optional<UndoScript> forMigration(int version, String migrationScript) {
        String name = nameFor(migrationScript);
        try (InputStream in = UndoScript.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new UndoScript(version, name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + LOCATION + name, e);
        }
    }
}
