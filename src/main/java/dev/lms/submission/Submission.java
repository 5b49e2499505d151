package dev.lms.submission;

import dev.lms.assignment.Assignment;
import dev.lms.persistence.AuditedEntity;
import dev.lms.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * One student's work on one assignment. Its grade ({@code grades.submission_id}, ON DELETE CASCADE) is not mapped
 * here: an inverse one-to-one cannot be lazy, and every submission list would pay a query per row for it.
 */
@Entity
@Table(name = "submissions")
public class Submission extends AuditedEntity {

    public String content;

    @Column(name = "file_url")
    public String fileUrl;

    @CreationTimestamp
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id", nullable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    public Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    public User student;
}
