package dev.lms.user;

import dev.lms.access.UserRole;
import dev.lms.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person: student, instructor or administrator.
 * <p>
 * Rows that depend on a user are removed or detached by the database (see the foreign keys in V1):
 * enrollments and submissions cascade, authorship and grading turn to null, and a user who still
 * teaches a course cannot be deleted. That is why this side maps no collections.
 * <p>
 * {@code @DynamicUpdate}: an update writes only the columns it changed, so an edit that loaded the row before a login
 * stored the password again (at a new bcrypt cost) does not write the old hash back.
 */
@Entity
@Table(name = "users")
@DynamicUpdate
public class User extends AuditedEntity {

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "user_role")
    public UserRole role;

    @Column(name = "password_hash")
    public String passwordHash;
}
