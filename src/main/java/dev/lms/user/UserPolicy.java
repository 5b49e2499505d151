package dev.lms.user;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.access.UserRole;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Users: an ADMIN sees everyone; anyone else sees themselves, and an INSTRUCTOR also the users enrolled in the
 * courses they teach. An admin creates, changes and deletes users and their roles; anyone changes themselves, except
 * their role, and revokes their own tokens.
 */
@ApplicationScoped
public class UserPolicy implements Policy<User> {

    private final Caller caller;
    private final Membership membership;

    UserPolicy(Caller caller, Membership membership) {
        this.caller = caller;
        this.membership = membership;
    }

    @Override
    public Condition<User> readable() {
        return membership.selfOrTaught(user -> user.get(User_.id));
    }

    @Override
    public void checkChange(User user) {
        if (!caller.isAdmin() && !caller.is(user.id)) {
            throw Refusal.forbidden("Only an admin changes other users.");
        }
    }

    void checkCreate() {
        if (!caller.isAdmin()) {
            throw Refusal.forbidden("Only an admin creates users.");
        }
    }

    void checkDelete() {
        if (!caller.isAdmin()) {
            throw Refusal.forbidden("Only an admin deletes users.");
        }
    }

    void checkRoleChange(User user, UserRole role) {
        if (role != user.role && !caller.isAdmin()) {
            throw Refusal.forbidden("Only an admin changes roles.");
        }
    }

    void checkRevoke(UUID id) {
        if (!caller.isAdmin() && !caller.is(id)) {
            throw Refusal.forbidden("Only an admin revokes another user's tokens.");
        }
    }

    /** A stolen token must not be enough to take the account over: one's own password needs the current one. */
    boolean needsCurrentPassword(User user) {
        return caller.is(user.id);
    }
}
