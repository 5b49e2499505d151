package dev.lms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The start of every API request in the tests: JSON in and out, and a guard that fails the test if any response
 * from the API carries a password member or a bcrypt hash, whichever resource it comes from. (A validation error
 * may still name the {@code password} field: that is the field's name, not a secret.)
 */
public final class Api {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Filter NO_SECRETS = (request, response, context) -> {
        var answer = context.next(request, response);
        String body = answer.asString().toLowerCase(Locale.ROOT);
        assertThat(body).as("response to %s %s", request.getMethod(), request.getURI())
                .doesNotContainPattern("\"password[_a-z]*\"\\s*:")
                .doesNotContainPattern("\\$2[aby]\\$");
        return answer;
    };

    private Api() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().filter(NO_SECRETS).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
