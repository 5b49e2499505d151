package dev.lms.course;

import dev.lms.announcement.Announcement;
import dev.lms.assignment.Assignment;
import dev.lms.content.CourseContent;
import dev.lms.discussion.Discussion;
import dev.lms.enrollment.Enrollment;
import dev.lms.persistence.AuditedEntity;
import dev.lms.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A course and everything that hangs off it.
 * <p>
 * The collections below are inverse sides only, with no JPA cascade: deleting a course is a single
 * {@code DELETE FROM courses}, and PostgreSQL's {@code ON DELETE CASCADE} removes the children.
 * Loading them to delete one by one would turn one statement into thousands.
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

    @OneToMany(mappedBy = "course")
    @OnDelete(action = OnDeleteAction.CASCADE)
    public List<Enrollment> enrollments = new ArrayList<>();

    @OneToMany(mappedBy = "course")
    @OnDelete(action = OnDeleteAction.CASCADE)
    public List<Assignment> assignments = new ArrayList<>();

    @OneToMany(mappedBy = "course")
    @OnDelete(action = OnDeleteAction.CASCADE)
    public List<Discussion> discussions = new ArrayList<>();

    @OneToMany(mappedBy = "course")
    @OnDelete(action = OnDeleteAction.CASCADE)
    public List<Announcement> announcements = new ArrayList<>();

    @OneToMany(mappedBy = "course")
    @OnDelete(action = OnDeleteAction.CASCADE)
    public List<CourseContent> content = new ArrayList<>();
}
