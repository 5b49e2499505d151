package dev.lms.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the database answers, no migration is pending, and the schema is the one this build expects.
 * The same check as {@code GET /health/db}, summarised; the Agroal default datasource check is switched off in
 * favour of this one.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    private final DatabaseHealth health;

    DatabaseReadinessCheck(DatabaseHealth health) {
        this.health = health;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return health.report().map(report -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("database")
                    .status(report.isUp())
                    .withData("checkedAt", report.checkedAt().toString());
            if (report.migrations() != null && report.migrations().current() != null) {
                response.withData("migration", report.migrations().current());
            }
            if (report.drift() != null) {
                response.withData("schemaDrift", report.drift().count());
            }
            if (!report.problems().isEmpty()) {
                response.withData("problems", String.join("; ", report.problems()));
            }
            return response.build();
        });
    }
}
