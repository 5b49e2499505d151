package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.lms.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

/** The packaged service in production refuses to start without a usable database URL, and says why. */
class ProductionDatabaseConfigIT {

    private static final Duration START_UP = Duration.ofSeconds(90);

    @Test
    void withoutDatabaseUrlTheServiceRefusesToStartNamingTheVariable() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Map.of())) {
            assertThat(service.awaitExit(START_UP)).isNotZero();
            assertThat(service.output())
                    .contains("DATABASE_URL is not set")
                    .contains(".env.example")
                    .doesNotContain("zonky");
        }
    }

    @Test
    void aMalformedDatabaseUrlIsRefusedWithoutPrintingThePassword() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Map.of(
                "DATABASE_URL", "postgresql://app:Sup3rS3cret@db.internal/lms/oops?sslmode=require"))) {
            assertThat(service.awaitExit(START_UP)).isNotZero();
            assertThat(service.output())
                    .contains("DATABASE_URL is not a usable PostgreSQL URL")
                    .doesNotContain("Sup3rS3cret");
        }
    }
}
