package dev.lms.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lms.schema.ExpectedSchema;
import dev.lms.schema.SchemaDrift;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one database check found: the body of {@code GET /health/db}, and the data behind the readiness check.
 * <p>
 * It names database objects and migration versions, never hosts, URLs, users or driver messages (those quote the
 * host): {@code database.error} is written here, from the SQLState.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseReport(
        Status status,
        Instant checkedAt,
        Database database,
        Migrations migrations,
        Schema schema,
        List<String> problems,
        @JsonIgnore SchemaDrift drift) {

    public enum Status {
        UP,
        DOWN
    }

    /** Product and version as the server announces them; latency of one {@code SELECT 1} round trip. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Database(String product, String version, Double latencyMs, String error) {}

    /** {@code current} is null when the database has no Flyway history: then every shipped migration is pending. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Migrations(String current, Integer pending) {}

    @RegisterForReflection
    public record Schema(SchemaObjects tables, ForeignKeys foreignKeys, SchemaObjects indexes) {

        static Schema of(SchemaDrift drift) {
            int foreignKeysFound = ExpectedSchema.FOREIGN_KEYS.size()
                    - drift.missingForeignKeys().size();
            return new Schema(
                    new SchemaObjects(ExpectedSchema.TABLES.size(), drift.missingTables()),
                    new ForeignKeys(
                            ExpectedSchema.FOREIGN_KEYS.size(),
                            foreignKeysFound,
                            drift.missingForeignKeys().stream()
                                    .map(ExpectedSchema.ForeignKey::describe)
                                    .toList(),
                            drift.wrongDeleteRules().stream()
                                    .map(SchemaDrift.WrongDeleteRule::describe)
                                    .toList()),
                    new SchemaObjects(
                            ExpectedSchema.INDEXES.size(),
                            drift.missingIndexes().stream()
                                    .map(ExpectedSchema.Index::name)
                                    .toList()));
        }
    }

    @RegisterForReflection
    public record SchemaObjects(int expected, int found, List<String> missing) {
        SchemaObjects(int expected, List<String> missing) {
            this(expected, expected - missing.size(), missing);
        }
    }

    /** A foreign key with the wrong delete rule is found, and listed in {@code wrongDeleteRule}. */
    @RegisterForReflection
    public record ForeignKeys(int expected, int found, List<String> missing, List<String> wrongDeleteRule) {}

    static DatabaseReport failed(Instant checkedAt, String error) {
        return new DatabaseReport(
                Status.DOWN,
                checkedAt,
                new Database(null, null, null, error),
                null,
                null,
                List.of("database check failed: " + error),
                null);
    }

    static DatabaseReport of(Instant checkedAt, Database database, Migrations migrations, SchemaDrift drift) {
        List<String> problems = new ArrayList<>();
        if (migrations.current() == null) {
            problems.add("no Flyway schema history");
        }
        if (migrations.pending() != null && migrations.pending() > 0) {
            problems.add(migrations.pending() + " migration(s) pending");
        }
        problems.addAll(drift.describe());
        Status status = problems.isEmpty() ? Status.UP : Status.DOWN;
        return new DatabaseReport(
                status, checkedAt, database, migrations, Schema.of(drift), List.copyOf(problems), drift);
    }

    @JsonIgnore
    public boolean isUp() {
        return status == Status.UP;
    }
}
