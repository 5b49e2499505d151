package dev.lms.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.auth.Caller;
import dev.lms.auth.CourseAccess;
import dev.lms.auth.RegisteredUsers;
import dev.lms.auth.Sessions;
import dev.lms.auth.TokenService;
import dev.lms.course.Course;
import dev.lms.persistence.ConditionalDelete;
import dev.lms.persistence.Where;
import dev.lms.web.IfMatch;
import dev.lms.web.MergePatch;
import dev.lms.web.PageRequest;
import dev.lms.web.PageResult;
import dev.lms.web.ProblemException;
import dev.lms.web.Sorting;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Users, as their callers may see them: an ADMIN everyone, an INSTRUCTOR themselves and the students enrolled in the
 * courses they teach, a STUDENT themselves. Only an ADMIN creates and deletes users or changes a role; anyone may
 * change their own email, name and password.
 */
@ApplicationScoped
@Transactional
public class UserService {

    static final Sorting SORTING = Sorting.of("email", "name", "role", "createdAt", "updatedAt");

    private final MergePatch mergePatch;
    private final Caller caller;
    private final TokenService tokens;
    private final Sessions sessions;
    private final RegisteredUsers registeredUsers;

    public UserService(
            MergePatch mergePatch,
            Caller caller,
            TokenService tokens,
            Sessions sessions,
            RegisteredUsers registeredUsers) {
        this.mergePatch = mergePatch;
        this.caller = caller;
        this.tokens = tokens;
        this.sessions = sessions;
        this.registeredUsers = registeredUsers;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<UserResponse> list(UserRole role, String email, PageRequest page) {
        Where where = visible()
                .andIfPresent("role = :role", "role", role)
                // Matches the unique index on lower(email), as the uniqueness rule does.
                .andIfPresent("lower(email) = lower(:email)", "email", email);
        return page.fetch(User.find(where.query(), SORTING.parse(page), where.parameters()), UserResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserResponse get(UUID id) {
        return UserResponse.of(find(id));
    }

    /** The caller's own user: always visible to them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserResponse me() {
        return get(caller.id());
    }

    public UserResponse create(UserRequest request) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an admin creates users.");
        }
        User user = new User();
        copy(request, user);
        // Flush here, not at commit: a duplicate email then surfaces as this call's exception, and the response
        // carries the timestamps and version the insert wrote.
        user.persistAndFlush();
        return UserResponse.of(user);
    }

    public UserResponse replace(UUID id, UserRequest request, IfMatch ifMatch) {
        User user = findEditable(id);
        ifMatch.check(user.version);
        return update(user, request);
    }

    public UserResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        User user = findEditable(id);
        ifMatch.check(user.version);
        return update(user, mergePatch.apply(UserRequest.of(user), patch, UserRequest.class));
    }

    /**
     * Deletes a user with one statement. The database removes their enrollments and submissions, keeps what they
     * authored or graded with the author cleared, and refuses (RESTRICT, a 409) while they still teach a course.
     */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!caller.isAdmin()) {
            find(id);
            throw ProblemException.forbidden("Only an admin deletes users.");
        }
        if (!ConditionalDelete.byId(User.class, id, ifMatch)) {
            throw ProblemException.notFound("user", id);
        }
        // Their tokens stop working with the very next request to this replica.
        registeredUsers.changed(id);
    }

    /**
     * Refuses every token issued to the user so far and ends their sessions: an ADMIN for anyone, anyone for
     * themselves ("log out everywhere").
     */
    public void revokeTokens(UUID id) {
        find(id);
        if (!caller.isAdmin() && !caller.is(id)) {
            throw ProblemException.forbidden("Only an admin revokes another user's tokens.");
        }
        sessions.revokeAll(id);
    }

    private UserResponse update(User user, UserRequest request) {
        if (request.role() != user.role && !caller.isAdmin()) {
            throw ProblemException.forbidden("Only an admin changes roles.");
        }
        if (request.password() != null && caller.is(user.id)) {
            // A stolen token must not be enough to take the account over: one's own password needs the current one.
            if (request.currentPassword() == null) {
                throw ProblemException.unprocessable(
                        "currentPassword", "Changing your own password requires your current password.");
            }
            if (!tokens.isCurrentPassword(user.id, request.currentPassword())) {
                throw ProblemException.forbidden("The current password is wrong.");
            }
        }
        if (request.role() == UserRole.STUDENT
                && user.role != UserRole.STUDENT
                && Course.count("instructor.id", user.id) > 0) {
            // Courses require an INSTRUCTOR or ADMIN; the schema cannot say so, so this rule lives here.
            throw ProblemException.conflict("This user still teaches at least one course and cannot become a STUDENT; "
                    + "reassign those courses first.");
        }
        copy(request, user);
        user.flush();
        if (request.password() != null) {
            sessions.revokeAll(user.id);
        }
        // A changed role refuses the user's tokens with the very next request to this replica.
        registeredUsers.changed(user.id);
        return UserResponse.of(user);
    }

    private static void copy(UserRequest request, User user) {
        user.email = request.email();
        user.name = request.name();
        user.role = request.role();
        if (request.password() != null) {
            user.passwordHash = BcryptUtil.bcryptHash(request.password());
        }
    }

    /**
     * The users the caller may see: everyone for an ADMIN; themselves, and for an INSTRUCTOR the users enrolled in the
     * courses they teach.
     */
    private Where visible() {
        if (caller.isAdmin()) {
            return new Where();
        }
        return new Where()
                .and(
                        "(id = :caller or id in (select enrollment.user.id from Enrollment enrollment"
                                + " where enrollment.course.id in (" + CourseAccess.taughtCourseIds() + ")))",
                        CourseAccess.CALLER,
                        caller.id());
    }

    /** @throws ProblemException 404 for a user who does not exist or whom the caller may not see */
    private User find(UUID id) {
        Where where = visible().and("id = :id", "id", id);
        return User.<User>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("user", id));
    }

    /** @throws ProblemException 404 as {@link #find}; 403 when the caller may see the user but is not them or an admin */
    private User findEditable(UUID id) {
        User user = find(id);
        if (!caller.isAdmin() && !caller.is(user.id)) {
            throw ProblemException.forbidden("Only an admin changes other users.");
        }
        return user;
    }
}
