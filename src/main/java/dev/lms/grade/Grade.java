package dev.lms.grade;

import dev.lms.persistence.AuditedEntity;
import dev.lms.submission.Submission;
import dev.lms.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
@Table(name = "grades")
public class Grade extends AuditedEntity {

    @Column(nullable = false, precision = 8, scale = 2)
    public BigDecimal score;

    public String feedback;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "submission_id", nullable = false, unique = true)
    @OnDelete(action = OnDeleteAction.CASCADE)
    public Submission submission;

    /** Null once the grader's account is deleted: the grade itself stays. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "graded_by_id")
    @OnDelete(action = OnDeleteAction.SET_NULL)
    public User gradedBy;
}
