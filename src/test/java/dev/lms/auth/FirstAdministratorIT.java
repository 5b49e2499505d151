package dev.lms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.ServiceProcess;
import dev.lms.testing.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service on an empty production database: the first administrator comes from LMS_BOOTSTRAP_ADMIN_EMAIL
 * and a password file, exactly once even when two replicas start together, gets a token and uses the API; the
 * variables do nothing afterwards.
 */
class FirstAdministratorIT {

    private static final Duration START_UP = Duration.ofSeconds(300);
    private static final String EMAIL = "root@example.org";
    private static final String PASSWORD = "the first admin's password";

    @TempDir
    Path secrets;

    private String database;

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        database = TestDatabase.createScratchDatabase("bootstrap");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        TestDatabase.dropDatabase(database);
    }

    /**
     * Migrated first, so that both replicas reach the bootstrap together: two replicas migrating one empty database
     * at once race in Flyway's baseline-on-migrate, which is another matter than the first administrator.
     */
    @Test
    void twoReplicasStartingTogetherCreateOneAdministratorWhoGetsATokenAndUsesTheApi() throws Exception {
        Flyway.configure()
                .dataSource(TestDatabase.jdbcUrl(database), TestDatabase.username(), TestDatabase.password())
                .locations("filesystem:migrations")
                .load()
                .migrate();
        Path passwordFile = secret("password", PASSWORD + "\n");
        Map<String, String> environment = environment(EMAIL, passwordFile);

        try (ServiceProcess first = ServiceProcess.start(environment);
                ServiceProcess second = ServiceProcess.start(environment)) {
            assertThat(first.awaitStarted(START_UP)).as(first.output()).isTrue();
            assertThat(second.awaitStarted(START_UP)).as(second.output()).isTrue();

            assertThat(count("SELECT count(*) FROM users WHERE role = 'ADMIN'")).isOne();
            assertThat(first.output() + second.output())
                    .containsOnlyOnce("Created the first administrator, " + EMAIL)
                    .doesNotContain(PASSWORD);

            String token = api(second)
                    .body(Map.of("email", EMAIL, "password", PASSWORD))
                    .post("/api/v1/auth/token")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("accessToken");
            assertThat((String) api(first)
                            .auth()
                            .oauth2(token)
                            .get("/api/v1/users/me")
                            .path("role"))
                    .isEqualTo("ADMIN");
            api(first)
                    .auth()
                    .oauth2(token)
                    .body(Map.of("email", "teacher@example.org", "name", "Teacher", "role", "INSTRUCTOR"))
                    .post("/api/v1/users")
                    .then()
                    .statusCode(201);
        }
    }

    @Test
    void anEmptyDatabaseGetsItsAdministratorAndOnceOneExistsTheVariablesAreIgnored() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(environment(EMAIL, secret("password", PASSWORD)))) {
            assertThat(service.awaitStarted(START_UP)).as(service.output()).isTrue();
        }

        Map<String, String> later = environment("intruder@example.org", secret("other", "a password set later"));
        try (ServiceProcess service = ServiceProcess.start(later)) {
            assertThat(service.awaitStarted(START_UP)).as(service.output()).isTrue();
            assertThat(service.output()).contains("LMS_BOOTSTRAP_ADMIN_EMAIL is ignored");
            api(service)
                    .body(Map.of("email", "intruder@example.org", "password", "a password set later"))
                    .post("/api/v1/auth/token")
                    .then()
                    .statusCode(401);
            String token = api(service)
                    .body(Map.of("email", EMAIL, "password", PASSWORD))
                    .post("/api/v1/auth/token")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("accessToken");
            assertThat(api(service)
                            .auth()
                            .oauth2(token)
                            .get("/api/v1/users")
                            .jsonPath()
                            .getList("email"))
                    .containsExactly(EMAIL);
        }
        assertThat(count("SELECT count(*) FROM users")).isOne();
    }

    private Map<String, String> environment(String email, Path passwordFile) {
        return Map.of(
                "DATABASE_URL", TestDatabase.neonStyleUrl(database),
                "LMS_BOOTSTRAP_ADMIN_EMAIL", email,
                "LMS_BOOTSTRAP_ADMIN_PASSWORD_FILE", passwordFile.toString());
    }

    private Path secret(String name, String content) throws Exception {
        return Files.writeString(secrets.resolve(name), content);
    }

    private static RequestSpecification api(ServiceProcess service) {
        return RestAssured.given()
                .baseUri("http://localhost")
                .port(service.port())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
