package dev.lms.user;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.access.UserRole;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Where;
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

    UserPolicy(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Where readable() {
        if (caller.isAdmin()) {
            return new Where();
        }
        return new Where()
                .and(
                        "(id = :caller or id in (select enrollment.user.id from Enrollment enrollment"
                                + " where enrollment.course.id in (" + Membership.TAUGHT_COURSE_IDS + ")))",
                        Membership.CALLER,
                        caller.id());
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
