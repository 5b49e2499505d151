package dev.lms.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Fixtures;
import dev.lms.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without CORS_ORIGINS (the tests' default configuration, like production's), CORS is off: the filter is not installed,
 * so no response carries an {@code Access-Control-*} header, and a browser refuses every cross-origin call. Quarkus's
 * filter enabled without origins would not pass: it refuses another origin with a 403, and answers the service's own
 * origin with {@code Access-Control-Allow-Origin}.
 */
@QuarkusTest
class CorsOffByDefaultTest {

    static final String COURSES = "/api/v1/courses";

    @Inject
    DataSource dataSource;

    String token;
    UUID course;

    @BeforeEach
    void arrange() {
        Fixtures fixtures = new Fixtures(dataSource);
        token = Tokens.valid(fixtures.user("ADMIN"), "ADMIN");
        course = fixtures.course(fixtures.instructor());
    }

    static List<String> origins() {
        return List.of(CorsProfile.FRONT_END, CorsProfile.LOCAL_FRONT_END, "http://localhost:" + RestAssured.port);
    }

    @Test
    void aPreflightGetsNoCorsHeader() {
        for (String origin : origins()) {
            Response response = CorsTest.preflight(origin, COURSES + "/" + course);

            assertThat(corsHeaders(response)).as("preflight from %s", origin).isEmpty();
        }
    }

    @Test
    void aRequestWithAnOriginIsServedWithoutAnyCorsHeader() {
        for (String origin : origins()) {
            Response response = RestAssured.given()
                    .auth()
                    .oauth2(token)
                    .header("Origin", origin)
                    .accept("application/json")
                    .get(COURSES);

            assertThat(response.statusCode()).as("from %s", origin).isEqualTo(200);
            assertThat(corsHeaders(response)).as("from %s", origin).isEmpty();
            assertThat(CorsTest.list(response, "Vary")).as("from %s", origin).doesNotContain("origin");
        }
    }

    private static List<String> corsHeaders(Response response) {
        return response.headers().asList().stream()
                .map(Header::getName)
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
                .toList();
    }
}
