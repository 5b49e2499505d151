package dev.lms.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With CORS_ORIGINS set, a browser front end on a listed origin can page and write; any other origin gets no
 * {@code Access-Control-Allow-Origin}, and its request is not carried out.
 * <p>
 * The test profile sets CORS_ORIGINS as an operator might type it, {@code HTTPS://LMS.Example.org:443, http://localhost:3000}:
 * a production front end and a developer's Next.js. {@link CorsOffByDefaultIT} checks the packaged service without it.
 */
@QuarkusTest
class CorsTest {

    /** As a browser sends it: the configured entry in lower case, without the default port. */
    static final String FRONT_END = "https://lms.example.org";

    static final String LOCAL_FRONT_END = "http://localhost:3000";
    static final String COURSES = "/api/v1/courses";
    static final List<String> REFUSED =
            List.of("https://evil.example", "http://lms.example.org", "https://lms.example.org.evil.example", "null");

    @Inject
    Fixtures fixtures;

    String token;
    UUID course;

    @BeforeEach
    void arrange() {
        token = Tokens.valid(fixtures.user("ADMIN"), "ADMIN");
        UUID instructor = fixtures.instructor();
        course = fixtures.course(instructor);
        fixtures.course(instructor);
    }

    /** What a browser sends before a merge patch with a version and a retry key. */
    static Response preflight(String origin, String path) {
        return RestAssured.given()
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match,idempotency-key,content-type")
                .options(path);
    }

    RequestSpecification from(String origin) {
        return RestAssured.given().auth().oauth2(token).header("Origin", origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {FRONT_END, LOCAL_FRONT_END})
    void aPreflightForAMergePatchFromAListedOriginIsAllowed(String origin) {
        Response response = preflight(origin, COURSES + "/" + course);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(list(response, "Access-Control-Allow-Methods")).contains("get", "post", "put", "patch", "delete");
        assertThat(list(response, "Access-Control-Allow-Headers"))
                .contains("authorization", "if-match", "idempotency-key", "content-type");
        // the refresh cookie is sent with credentials: 'include'
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Max-Age")).isEqualTo("7200");
        assertThat(list(response, "Vary")).contains("origin");
    }

    @Test
    void aListFromAListedOriginExposesItsPagingAndVersionHeaders() {
        Response response = from(FRONT_END).accept("application/json").get(COURSES + "?size=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(list(response, "Access-Control-Expose-Headers"))
                .contains("link", "x-total-count", "etag", "location", "retry-after", "idempotent-replayed");
        assertThat(response.header("Link")).contains("rel=\"next\"");
        assertThat(Integer.parseInt(response.header("X-Total-Count"))).isGreaterThanOrEqualTo(2);
        assertThat(list(response, "Vary")).contains("origin");
    }

    @Test
    void aMergePatchFromAListedOriginIsAppliedAndItsNewVersionExposed() {
        String etag = Api.given()
                .get(COURSES + "/" + course)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        Response response = from(FRONT_END)
                .contentType(Api.MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"title\": \"Patched across origins\"}")
                .patch(COURSES + "/" + course);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(response.header("ETag")).isNotEqualTo(etag);
        assertThat(list(response, "Access-Control-Expose-Headers")).contains("etag");
        assertThat(response.jsonPath().getString("title")).isEqualTo("Patched across origins");
    }

    @Test
    void aCreateFromAListedOriginExposesItsLocation() {
        Response response = from(FRONT_END)
                .contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"code": "%s", "title": "Across origins", "instructorId": "%s"}
                        """.formatted(Fixtures.unique("CORS"), fixtures.instructor()))
                .post(COURSES);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(response.header("Location")).contains(COURSES + "/");
        assertThat(list(response, "Access-Control-Expose-Headers")).contains("location", "etag");
    }

    @Test
    void aPreflightFromAnOriginNotListedIsRefused() {
        for (String origin : REFUSED) {
            Response response = preflight(origin, COURSES + "/" + course);

            assertThat(response.header("Access-Control-Allow-Origin"))
                    .as("preflight from %s", origin)
                    .isNull();
            assertThat(response.statusCode()).as("preflight from %s", origin).isEqualTo(403);
        }
    }

    @Test
    void aRequestFromAnOriginNotListedIsRefusedAndNotCarriedOut() {
        for (String origin : REFUSED) {
            Response read = from(origin).accept("application/json").get(COURSES);
            String code = Fixtures.unique("CORS");
            Response write = from(origin)
                    .contentType("application/json")
                    .body("""
                            {"code": "%s", "title": "Refused", "instructorId": "%s"}
                            """.formatted(code, fixtures.instructor()))
                    .post(COURSES);

            for (Response response : List.of(read, write)) {
                assertThat(response.header("Access-Control-Allow-Origin"))
                        .as("from %s", origin)
                        .isNull();
                assertThat(response.statusCode()).as("from %s", origin).isEqualTo(403);
                assertThat(response.header("X-Total-Count")).isNull();
            }
            assertThat(fixtures.count("courses", "code", code))
                    .as("course posted from %s", origin)
                    .isZero();
        }
    }

    /** A comma-separated header (all its occurrences), lower case. */
    static List<String> list(Response response, String name) {
        return response.headers().getList(name).stream()
                .map(Header::getValue)
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> value.trim().toLowerCase(Locale.ROOT))
                .toList();
    }
}
