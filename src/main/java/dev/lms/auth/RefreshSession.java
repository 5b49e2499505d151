package dev.lms.auth;

import dev.lms.user.User;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.annotations.UuidGenerator;

/**
 * One refresh token (V7): only its SHA-256 is kept. The tokens of one login form a family; a replaced token stays
 * until the family expires, so that presenting it again is recognised as reuse. See {@link Sessions}.
 */
@Entity
@Table(name = "refresh_sessions")
public class RefreshSession extends PanacheEntityBase {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(name = "family_id", nullable = false, updatable = false)
    public UUID familyId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    public User user;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public byte[] tokenHash;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public Instant issuedAt;

    /** The idle timeout from {@link #issuedAt}, never after {@link #familyExpiresAt}. */
    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    /** The login's time plus the absolute lifetime: no refresh extends it. */
    @Column(name = "family_expires_at", nullable = false, updatable = false)
    public Instant familyExpiresAt;

    /** When it was exchanged for the next token of its family; from then on, presenting it is reuse. */
    @Column(name = "replaced_at")
    public Instant replacedAt;
}
