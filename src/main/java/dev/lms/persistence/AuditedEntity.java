package dev.lms.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.annotations.UuidGenerator;

/**
 * Identity, timestamps and the optimistic-lock version that every table carries.
 * Ids are UUIDv7, generated in the service: time-ordered, so inserts stay at the right edge of the primary-key index.
 */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** The row with this id, as a condition that must hold. */
    public static <E extends AuditedEntity> Condition<E> withId(UUID id) {
        return Condition.equal(row -> row.get(AuditedEntity_.id), id);
    }
}
