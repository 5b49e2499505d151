package dev.lms.health;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One URL for the person on call: is the database reachable, how fast, on which migration, with the right schema. */
@Path("/health/db")
@Tag(name = "Health")
public class DatabaseHealthResource {

    private final DatabaseHealth health;

    DatabaseHealthResource(DatabaseHealth health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getDatabaseHealth",
            summary = "Check the database: reachable, migrated, and with the expected tables, foreign keys and indexes")
    @APIResponse(
            responseCode = "200",
            description = "The database is up and as expected.",
            content = @Content(schema = @Schema(implementation = DatabaseReport.class)))
    @APIResponse(
            responseCode = "503",
            description = "The database is unreachable, not migrated, or differs from the expected schema.",
            content = @Content(schema = @Schema(implementation = DatabaseReport.class)))
    public Uni<Response> check() {
        return health.report()
                .map(report -> Response.status(report.isUp() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                        .header("Cache-Control", "no-store")
                        .entity(report)
                        .build());
    }
}
