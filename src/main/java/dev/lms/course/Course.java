package dev.lms.course;

import dev.lms.persistence.AuditedEntity;
import dev.lms.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A course. Its enrollments, assignments, discussions, announcements and content each point to it, with
 * {@code @OnDelete(CASCADE)} on their side: deleting a course is a single {@code DELETE FROM courses}, and PostgreSQL's
 * {@code ON DELETE CASCADE} removes the children. It has no collections of them: nothing navigates from a course to
 * its children, and a loaded collection would turn one statement into thousands.
 */
@Entity
@Table(name = "courses")
public class Course extends AuditedEntity {

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String title;

    public String description;

    public String semester;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "thumbnail_url")
    public String thumbnailUrl;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instructor_id", nullable = false)
    @OnDelete(action = OnDeleteAction.RESTRICT)
    public User instructor;
}
