package dev.lms.cors;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * CORS on, as a deployment turns it on: CORS_ORIGINS lists a production front end and a developer's Next.js. The
 * application keeps the shared test database (the global test resource): these tests only read and create rows of
 * their own.
 */
public class CorsProfile implements QuarkusTestProfile {

    static final String FRONT_END = "https://lms.example.org";
    static final String LOCAL_FRONT_END = "http://localhost:3000";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("CORS_ORIGINS", FRONT_END + "," + LOCAL_FRONT_END);
    }
}
