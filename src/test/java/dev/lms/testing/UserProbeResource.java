package dev.lms.testing;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import dev.lms.user.User;
import dev.lms.user.UserRole;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A test-only stand-in for the user API, built like a real resource (Quarkus REST, Panache, JTA, the application's
 * exception mappers), so outage tests exercise the same path an API request takes. Once the CRUD API exists, the
 * outage test can point at {@code /api/v1/users} instead and this class can go.
 */
@Path("/test/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserProbeResource {

    @POST
    @Transactional
    public Response create() {
        User user = new User();
        user.email = Fixtures.unique("outage") + "@example.org";
        user.name = "Outage Test";
        user.role = UserRole.STUDENT;
        user.persist();
        return Response.created(URI.create("/test/users/" + user.id)).entity(Map.of("id", user.id)).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") UUID id) {
        User user = User.findById(id);
        if (user == null) {
            throw new NotFoundException();
        }
        return Map.of("id", user.id, "email", user.email);
    }
}
