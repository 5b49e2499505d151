package dev.lms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.ServiceProcess;
import dev.lms.testing.TestDatabase;
import dev.lms.testing.TestKeys;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged service in production refuses to start without JWT keys, and says which variables to set. */
class ProductionKeysIT {

    private static final Duration START_UP = Duration.ofSeconds(90);

    static Map<String, String> database() {
        return Map.of("DATABASE_URL", TestDatabase.neonStyleUrl(TestDatabase.APPLICATION_DATABASE));
    }

    @Test
    void withoutKeysTheServiceRefusesToStartNamingTheVariables() throws Exception {
        try (ServiceProcess service = ServiceProcess.startWithout(database())) {
            assertThat(service.awaitExit(START_UP)).isNotZero();
            assertThat(service.output())
                    .contains("No JWT keys are configured")
                    .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                    .contains("SMALLRYE_JWT_SIGN_KEY_LOCATION");
        }
    }

    @Test
    void withoutTheSigningKeyTheServiceRefusesToStart() throws Exception {
        Map<String, String> environment = new HashMap<>(database());
        environment.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestKeys.environment().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        try (ServiceProcess service = ServiceProcess.startWithout(environment)) {
            assertThat(service.awaitExit(START_UP)).isNotZero();
            assertThat(service.output()).contains("SMALLRYE_JWT_SIGN_KEY_LOCATION");
        }
    }

    @Test
    void withKeysItStartsAndTheDevUsersAreNotThere() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(database())) {
            assertThat(service.awaitStarted(START_UP)).as(service.output()).isTrue();
            assertThat(service.output()).doesNotContain("Dev users").doesNotContain("in-memory key pair");
        }
    }
}
