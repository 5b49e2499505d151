package dev.lms.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Password hashing, at the bcrypt cost of {@code lms.auth.password-hash-cost}. A check reads the cost from the stored
 * hash, so old hashes keep working after the cost changes; a login that succeeds on one stores the password again at
 * the configured cost ({@link #isOutdated}), since a hash at another cost makes a wrong password answer faster or
 * slower than an unknown email.
 */
@ApplicationScoped
public class Passwords {

    private final int cost;
    /**
     * Checked when there is no hash to check (unknown email, locked email, an account without a password), so that
     * every refusal costs one bcrypt and takes about as long as a wrong password.
     */
    private final String dummyHash;

    Passwords(AuthConfig config) {
        this.cost = config.passwordHashCost();
        this.dummyHash = hash("no account has this password");
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Whether {@code hash}, bcrypt in modular crypt format ({@code $2a$10$...}), is at another cost than the configured one. */
    public boolean isOutdated(String hash) {
        String[] parts = hash.split("\\$");
        return parts.length > 2 && parts[2].matches("\\d{2}") && Integer.parseInt(parts[2]) != cost;
    }

    /** Whether {@code password} matches {@code hash}; false for a null hash, after as much work as a real check. */
    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash != null ? hash : dummyHash) && hash != null;
    }
}
