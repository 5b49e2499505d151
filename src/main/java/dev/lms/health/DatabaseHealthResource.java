package dev.lms.health;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** One URL for the person on call: is the database reachable, how fast, on which migration, with the right schema. */
@Path("/health/db")
public class DatabaseHealthResource {

    private final DatabaseHealth health;

    DatabaseHealthResource(DatabaseHealth health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> check() {
        return health.report()
                .map(report -> Response.status(report.isUp() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                        .header("Cache-Control", "no-store")
                        .entity(report)
                        .build());
    }
}
