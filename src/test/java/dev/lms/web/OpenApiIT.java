package dev.lms.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OpenApiTest} against the packaged jar, or the native executable: the document and Swagger UI ship in prod. */
@QuarkusIntegrationTest
class OpenApiIT extends OpenApiTest {}
