package dev.lms.cors;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service without CORS_ORIGINS, as production runs it by default: CORS is off. The filter is not
 * installed, so no response carries an {@code Access-Control-*} header, and a browser refuses every cross-origin call.
 * Quarkus's filter enabled without origins would not pass: it refuses another origin with a 403, and answers the
 * service's own origin with {@code Access-Control-Allow-Origin}.
 */
@QuarkusIntegrationTest
class CorsOffByDefaultIT {

    static final String COURSES = "/api/v1/courses";

    static List<String> origins() {
        return List.of(CorsTest.FRONT_END, CorsTest.LOCAL_FRONT_END, "http://localhost:" + RestAssured.port);
    }

    @Test
    void aPreflightGetsNoCorsHeader() {
        for (String origin : origins()) {
            Response response = CorsTest.preflight(origin, COURSES + "/" + UUID.randomUUID());

            assertThat(corsHeaders(response)).as("preflight from %s", origin).isEmpty();
        }
    }

    @Test
    void requestsWithAnOriginAreAnsweredWithoutAnyCorsHeader() {
        for (String origin : origins()) {
            Response refused = RestAssured.given()
                    .header("Origin", origin)
                    .accept("application/json")
                    .get(COURSES);
            Response served = RestAssured.given()
                    .header("Origin", origin)
                    .accept("application/json")
                    .get("/q/openapi");

            assertThat(refused.statusCode()).as("from %s", origin).isEqualTo(401);
            assertThat(served.statusCode()).as("from %s", origin).isEqualTo(200);
            for (Response response : List.of(refused, served)) {
                assertThat(corsHeaders(response)).as("from %s", origin).isEmpty();
                assertThat(CorsTest.list(response, "Vary"))
                        .as("from %s", origin)
                        .doesNotContain("origin");
            }
        }
    }

    private static List<String> corsHeaders(Response response) {
        return response.headers().asList().stream()
                .map(Header::getName)
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
                .toList();
    }
}
