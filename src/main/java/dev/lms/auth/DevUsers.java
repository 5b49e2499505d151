package dev.lms.auth;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Dev mode only (the bean is not even built into a production artifact): one user per role, so that a token is one
 * curl away after {@code ./mvnw quarkus:dev}. See README, Authentication and authorization.
 */
@Singleton
@IfBuildProfile("dev")
public class DevUsers {

    private static final Logger LOG = Logger.getLogger(DevUsers.class);
    static final String PASSWORD = "dev-password";

    @Transactional
    void seed(@Observes StartupEvent start, Passwords passwords) {
        String hash = passwords.hash(PASSWORD);
        int created = 0;
        for (String role : new String[] {"ADMIN", "INSTRUCTOR", "STUDENT"}) {
            created += Panache.getEntityManager()
                    .createNativeQuery("""
                            INSERT INTO users (email, name, role, password_hash)
                            VALUES (:email, :name, CAST(:role AS user_role), :hash)
                            ON CONFLICT DO NOTHING""")
                    .setParameter("email", role.toLowerCase() + "@lms.dev")
                    .setParameter("name", "Dev " + role.toLowerCase())
                    .setParameter("role", role)
                    .setParameter("hash", hash)
                    .executeUpdate();
        }
        LOG.infof(
                "Dev users (%d new): admin@lms.dev, instructor@lms.dev, student@lms.dev, password %s",
                created, PASSWORD);
    }
}
