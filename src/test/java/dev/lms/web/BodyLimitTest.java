package dev.lms.web;

import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.content.CourseContentConstraints;
import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The body limit is sized from the field limits: the largest valid body fits, one byte over the limit is a 413. */
@QuarkusTest
class BodyLimitTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    @Test
    void theLargestValidBodyWithEveryCharacterEscapedIsAccepted() {
        Fixtures fixtures = new Fixtures(dataSource);
        UUID course = fixtures.course(fixtures.instructor());
        // Every character as a six-byte JSON escape: the most bytes a valid body can take.
        String body = """
                {"courseId": "%s", "type": "TEXT", "position": 0, "title": "%s", "content": "%s",
                 "fileUrl": "https://x.example/%s"}""".formatted(
                        course,
                        "\\u00e9".repeat(CourseContentConstraints.TITLE_MAX),
                        "\\u00e9".repeat(CourseContentConstraints.CONTENT_MAX),
                        "\\u0061".repeat(CourseContentConstraints.FILE_URL_MAX - "https://x.example/".length()));
        assertThat((long) body.getBytes(StandardCharsets.UTF_8).length).isLessThan(limit.asLongValue());

        Api.given().body(body).post("/api/v1/course-content").then().statusCode(201);
    }

    @Test
    void aBodyOneByteOverTheLimitIsA413Problem() {
        byte[] body = new byte[(int) limit.asLongValue() + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        Api.given().body(body).post("/api/v1/courses").then().spec(problem(413));
    }
}
