package dev.lms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/**
 * What every error response looks like: an RFC 9457 problem with the status in the body too, the trace id of the
 * request, and nothing of the server's insides. Use as {@code .then().spec(Problems.problem(409))}.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    public static ResponseSpecification problem(int status) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("application/problem+json")
                .expectBody("status", equalTo(status))
                .expectBody("type", notNullValue())
                .expectBody("title", notNullValue())
                .expectBody("detail", notNullValue())
                .expectBody("traceId", matchesPattern("[0-9a-f]{32}"))
                .expectBody(not(containsString("Exception")))
                .expectBody(not(containsString("dev.lms")))
                .expectBody(not(containsString("SQL")))
                .expectBody(not(containsString("\tat ")))
                .build();
    }

    /** A problem whose {@code errors} name {@code field}. */
    public static ResponseSpecification fieldError(int status, String field) {
        return new ResponseSpecBuilder()
                .addResponseSpecification(problem(status))
                .expectBody("errors.field", hasItem(field))
                .build();
    }

    /**
     * A problem document without its {@code traceId}, which names the request and so differs between any two: for
     * tests that two refusals are the same answer, so that a caller cannot tell them apart.
     */
    public static String withoutTraceId(String problem) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(problem);
            assertThat(document.has("traceId")).as("a traceId in %s", problem).isTrue();
            document.remove("traceId");
            return document.toString();
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + problem, e);
        }
    }

    /** A 400 whose {@code errors} name {@code field}, as Bean Validation and JSON binding failures give. */
    public static ResponseSpecification invalid(String field) {
        return fieldError(400, field);
    }
}
