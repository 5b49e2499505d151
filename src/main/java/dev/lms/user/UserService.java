package dev.lms.user;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional
public class UserService {

    /**
     * Deletes a user with one statement. The database removes their enrollments and submissions, keeps what they
     * authored or graded with the author cleared, and refuses (RESTRICT) while they still teach a course.
     *
     * @return whether a user was deleted
     */
    public boolean delete(UUID userId) {
        return User.delete("id", userId) > 0;
    }
}
