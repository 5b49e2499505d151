package dev.lms.user;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link UserLifecycleTest} against the packaged jar, or the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
class UserLifecycleIT extends UserLifecycleTest {}
