package dev.lms.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Who is calling: the user the bearer token names, as {@code dev.lms.auth.RegisteredUserAugmentor} checked them against
 * {@code users} for this request. Services take it to scope what they read and to refuse what the caller may not do;
 * they never trust an id or a role from a request body in its place.
 */
@RequestScoped
public class Caller {

    public static final String ID = "lms.caller.id";
    public static final String ROLE = "lms.caller.role";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** @throws io.quarkus.security.UnauthorizedException (401) for an anonymous request */
    public UUID id() {
        UUID id = identity.getAttribute(ID);
        if (id == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return id;
    }

    public UserRole role() {
        UserRole role = identity.getAttribute(ROLE);
        if (role == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return role;
    }

    public boolean isAdmin() {
        return role() == UserRole.ADMIN;
    }

    public boolean isStudent() {
        return role() == UserRole.STUDENT;
    }

    public boolean is(UUID userId) {
        return id().equals(userId);
    }

    @Override
    public String toString() {
        return identity.isAnonymous() ? "anonymous" : role() + " " + id();
    }
}
