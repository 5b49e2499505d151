package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
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
        try (ServiceProcess service = ServiceProcess.start(
                Map.of("DATABASE_URL", "postgresql://app:Sup3rS3cret@db.internal:54x2/lms?sslmode=require"))) {
            assertThat(service.awaitExit(START_UP)).isNotZero();
            assertThat(service.output())
                    .contains("DATABASE_URL is not a usable PostgreSQL URL")
                    .doesNotContain("Sup3rS3cret");
        }
    }

    @Test
    void thePackagedServiceCarriesItsMigrationsButNoEmbeddedPostgres() throws IOException {
        Path app = Path.of("target", "quarkus-app");
        try (Stream<Path> files = Files.walk(app)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.contains("zonky"));
        }
        try (Stream<Path> jars = Files.list(app.resolve("app"))) {
            Path applicationJar = jars.filter(jar -> jar.toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow();
            try (ZipFile jar = new ZipFile(applicationJar.toFile())) {
                assertThat(jar.getEntry("db/migration/V1__init.sql")).isNotNull();
            }
        }
    }
}
