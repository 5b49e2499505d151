package dev.lms.assignment;

import dev.lms.course.Course;
import dev.lms.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
@Table(name = "assignments")
public class Assignment extends AuditedEntity {

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "due_date")
    public Instant dueDate;

    @Column(nullable = false)
    public int points;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id", nullable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    public Course course;
}
