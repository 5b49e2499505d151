package dev.lms.course;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional
public class CourseService {

    /**
     * Deletes a course with one statement. PostgreSQL's ON DELETE CASCADE removes its enrollments, assignments,
     * submissions, grades, discussions, posts, announcements and content.
     *
     * @return whether a course was deleted
     */
    public boolean delete(UUID courseId) {
        return Course.delete("id", courseId) > 0;
    }
}
