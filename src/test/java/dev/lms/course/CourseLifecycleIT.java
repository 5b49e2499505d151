package dev.lms.course;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CourseLifecycleTest} against the packaged jar, or the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
class CourseLifecycleIT extends CourseLifecycleTest {}
