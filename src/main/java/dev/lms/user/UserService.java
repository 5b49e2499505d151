package dev.lms.user;

import dev.lms.access.Caller;
import dev.lms.access.UserRole;
import dev.lms.crud.CrudService;
import dev.lms.crud.ExpectedVersion;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Refusal;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.Condition;
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
public class UserService extends CrudService<User, UserRequest, UserResponse> {

    static final Sorting SORTING = Sorting.of("email", "name", "role", "createdAt", "updatedAt");

    private final UserPolicy policy;
    private final Caller caller;
    private final Credentials credentials;

    public UserService(UserPolicy policy, MergePatch mergePatch, Caller caller, Credentials credentials) {
        super(
                new Rows<>(User.class, "user", policy, caller),
                mergePatch,
                UserRequest.class,
                UserRequest::of,
                UserResponse::of);
        this.policy = policy;
        this.caller = caller;
        this.credentials = credentials;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<UserResponse> list(UserRole role, String email, Page page) {
        Condition<User> where = policy.readable()
                .and(Condition.equalIfPresent(user -> user.get(User_.role), role))
                // Matches the unique index on lower(email), as the uniqueness rule does.
                .and(Condition.ifPresent(
                        email,
                        value -> (user, query, builder) -> builder.equal(
                                builder.lower(user.get(User_.email)), builder.lower(builder.value(value)))));
        return rows.page(where, SORTING.parse(page), page, UserResponse::of);
    }

    /** The caller's own user: always visible to them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserResponse me() {
        return get(caller.id());
    }

    public UserResponse create(UserRequest request) {
        policy.checkCreate();
        return insert(new User(), request);
    }

    /**
     * Deletes a user with one statement. The database removes their enrollments and submissions, keeps what they
     * authored or graded with the author cleared, and refuses (RESTRICT, a 409) while they still teach a course.
     */
    @Override
    public void delete(UUID id, ExpectedVersion ifMatch) {
        if (!caller.isAdmin()) {
            rows.find(id);
            policy.checkDelete();
        }
        rows.deleteChecked(id, ifMatch);
        credentials.changed(id);
    }

    /**
     * Refuses every token issued to the user so far and ends their sessions: an ADMIN for anyone, anyone for
     * themselves ("log out everywhere").
     */
    public void revokeTokens(UUID id) {
        rows.find(id);
        policy.checkRevoke(id);
        credentials.revokeAll(id);
    }

    @Override
    protected UserResponse update(User user, UserRequest request) {
        policy.checkRoleChange(user, request.role());
        if (request.password() != null && policy.needsCurrentPassword(user)) {
            if (request.currentPassword() == null) {
                throw Refusal.unprocessable(
                        "currentPassword", "Changing your own password requires your current password.");
            }
            if (!credentials.isCurrentPassword(user.id, request.currentPassword())) {
                throw Refusal.forbidden("The current password is wrong.");
            }
        }
        if (request.role() == UserRole.STUDENT && user.role != UserRole.STUDENT && teachesACourse(user)) {
            // Courses require an INSTRUCTOR or ADMIN; the schema cannot say so, so this rule lives here.
            throw Refusal.conflict("This user still teaches at least one course and cannot become a STUDENT; "
                    + "reassign those courses first.");
        }
        UserResponse changed = super.update(user, request);
        if (request.password() != null) {
            credentials.revokeAll(user.id);
        }
        credentials.changed(user.id);
        return changed;
    }

    private static boolean teachesACourse(User user) {
        return User.getEntityManager()
                        .createQuery("select count(*) from Course where instructor.id = :id", Long.class)
                        .setParameter("id", user.id)
                        .getSingleResult()
                > 0;
    }

    @Override
    protected void copy(UserRequest request, User user) {
        user.email = request.email();
        user.name = request.name();
        user.role = request.role();
        if (request.password() != null) {
            user.passwordHash = credentials.hash(request.password());
        }
    }
}
