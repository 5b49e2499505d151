package dev.lms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The start of every API request in the tests: JSON in and out, a bearer token, and two guards: one fails the test if
 * any response from the API carries a password member or a bcrypt hash, whichever resource it comes from, and
 * {@link DescribedResponses} fails it if the response is not what the published OpenAPI description declares. (A
 * validation error may still name the {@code password} field: that is the field's name, not a secret.)
 * <p>
 * {@link #given()} calls as an ADMIN, who may do everything, so a test about a resource's rules need not think
 * about permissions; {@link #as} and {@link #anonymous()} are for the tests that do.
 */
public final class Api {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    /** The ADMIN behind {@link #given()}; created in the application's database on first use. */
    public static final UUID ADMIN = UUID.fromString("0190a000-0000-7000-8000-00000000ad01");

    private static final Filter NO_SECRETS = (request, response, context) -> {
        var answer = context.next(request, response);
        String body = answer.asString().toLowerCase(Locale.ROOT);
        assertThat(body)
                .as("response to %s %s", request.getMethod(), request.getURI())
                .doesNotContainPattern("\"password[_a-z]*\"\\s*:")
                .doesNotContainPattern("\\$2[aby]\\$");
        return answer;
    };

    /** The datasource {@link #ADMIN} was last created in: each test profile may run against another database. */
    private static DataSource adminCreatedIn;

    private Api() {}

    /** As an ADMIN. */
    public static RequestSpecification given() {
        return as(admin(), "ADMIN");
    }

    /** As this user, with this role in the token (which must be their role in {@code users}, or the API answers 401). */
    public static RequestSpecification as(UUID userId, String role) {
        return withToken(Tokens.valid(userId, role));
    }

    public static RequestSpecification withToken(String token) {
        return anonymous().auth().oauth2(token);
    }

    /** Without a token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given()
                .filter(NO_SECRETS)
                .filter(DescribedResponses.FILTER)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static synchronized UUID admin() {
        // Inside a @QuarkusTest, the application's own datasource (a test profile may use another database); against
        // the packaged artifact, there is no CDI in the test JVM, and the artifact uses the test database.
        DataSource dataSource = Arc.container() != null
                ? Arc.container().instance(DataSource.class).get()
                : null;
        if (dataSource == null || adminCreatedIn != dataSource) {
            try (Connection connection = dataSource != null ? dataSource.getConnection() : TestDatabase.connect();
                    PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO users (id, email, name, role) VALUES (?, 'api-tests-admin@example.org', 'API tests', 'ADMIN')
                         ON CONFLICT DO NOTHING""")) {
                insert.setObject(1, ADMIN);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the tests' ADMIN user", e);
            }
            adminCreatedIn = dataSource;
        }
        return ADMIN;
    }
}
