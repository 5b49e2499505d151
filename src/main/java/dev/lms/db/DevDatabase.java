package dev.lms.db;

import java.util.Map;

/**
 * A database that dev mode starts by itself when DATABASE_URL is unset.
 * <p>
 * Looked up with {@link java.util.ServiceLoader}, never named in code: the packaged application does not carry the
 * implementation's dependencies, and the native build (which runs without GraalVM's automatic service-loader
 * registration) never sees the implementation, so none of it is linked into the executable.
 */
public interface DevDatabase {

    /** Starts the database on first use; returns the datasource settings that point at it. */
    Map<String, String> datasourceProperties();
}
