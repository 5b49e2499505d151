package dev.lms.auth;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The first ADMIN of a fresh production database, from {@code LMS_BOOTSTRAP_ADMIN_EMAIL} and the password in the file
 * {@code LMS_BOOTSTRAP_ADMIN_PASSWORD_FILE} (a Kubernetes secret mounted as a file; never an environment variable,
 * which {@code /proc} and crash reports show). Used only while no ADMIN exists: once one does, the variables are
 * ignored, so a leaked secret later creates nothing and resets no password. See README, First start in production.
 * <p>
 * Replicas that start at once take a transaction-scoped advisory lock (released at commit, so it works through
 * PgBouncer in transaction mode) before they look for an ADMIN: exactly one creates it, the others find it.
 */
@Singleton
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class);
    /** Any constant serves; this one spells "lms-admn" in ASCII, so it is recognisable in pg_locks. */
    static final long LOCK = 0x6c6d732d61646d6eL;

    @ConfigMapping(prefix = "lms.bootstrap-admin")
    public interface Config {

        /** The first administrator's email: LMS_BOOTSTRAP_ADMIN_EMAIL. */
        Optional<String> email();

        /** A file holding their password (one trailing newline is ignored): LMS_BOOTSTRAP_ADMIN_PASSWORD_FILE. */
        Optional<Path> passwordFile();
    }

    private final Config config;
    private final Passwords passwords;

    FirstAdministrator(Config config, Passwords passwords) {
        this.config = config;
        this.passwords = passwords;
    }

    @Transactional
    void create(@Observes StartupEvent start) {
        if (config.email().isEmpty()) {
            return;
        }
        String email = config.email().get().strip();
        var em = Panache.getEntityManager();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:lock)")
                .setParameter("lock", LOCK)
                .getSingleResult();
        boolean adminExists = (Boolean) em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM users WHERE role = 'ADMIN')")
                .getSingleResult();
        if (adminExists) {
            LOG.info("LMS_BOOTSTRAP_ADMIN_EMAIL is ignored: an administrator exists. Remove it and the password file.");
            return;
        }
        String hash = passwords.hash(password());
        int created = em.createNativeQuery("""
                        INSERT INTO users (email, name, role, password_hash)
                        VALUES (:email, 'Administrator', 'ADMIN', :hash)
                        ON CONFLICT DO NOTHING""")
                .setParameter("email", email)
                .setParameter("hash", hash)
                .executeUpdate();
        if (created == 0) {
            // Promoting an existing account would hand ADMIN to whoever registered that email first.
            throw new IllegalStateException("LMS_BOOTSTRAP_ADMIN_EMAIL " + email + " belongs to a user who is not an"
                    + " ADMIN; name an email no user has, to create the first administrator.");
        }
        LOG.infof(
                "Created the first administrator, %s, from LMS_BOOTSTRAP_ADMIN_EMAIL. Log in with POST "
                        + "/api/v1/auth/token, then remove the variables: they are ignored from now on.",
                email);
    }

    private String password() {
        Path file = config.passwordFile()
                .orElseThrow(() -> new IllegalStateException("LMS_BOOTSTRAP_ADMIN_EMAIL is set but"
                        + " LMS_BOOTSTRAP_ADMIN_PASSWORD_FILE is not: name the file that holds the password."));
        String password;
        try {
            password = Files.readString(file).replaceFirst("\r?\n$", "");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read LMS_BOOTSTRAP_ADMIN_PASSWORD_FILE " + file + ": " + e, e);
        }
        if (password.length() < 12) {
            throw new IllegalStateException("The password in LMS_BOOTSTRAP_ADMIN_PASSWORD_FILE " + file
                    + " is shorter than 12 characters: the first administrator deserves a long one.");
        }
        return password;
    }
}
