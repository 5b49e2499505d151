package dev.lms.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the standard OTEL_* variables become the quarkus.otel.* keys, read through a real SmallRye Config as Quarkus
 * reads them. That an endpoint blank after trimming installs no exporter is Quarkus's own rule
 * (OTelExporterRecorder); the packaged service's behaviour both ways is in README, "Tracing".
 */
class OtelConfigSourceFactoryTest {

    private static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    private static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    @Test
    void withoutAnEndpointTheTracesEndpointIsBlankSoNothingIsExported() {
        SmallRyeConfig config = config(Map.of());

        assertThat(config.getOptionalValue(TRACES_ENDPOINT, String.class))
                .as("present, so Quarkus does not fall back to http://localhost:4317, and blank once trimmed")
                .hasValueSatisfying(endpoint -> assertThat(endpoint).isBlank());
        assertThat(config.getOptionalValue(ENDPOINT, String.class)).isEmpty();
    }

    @Test
    void theStandardEndpointVariableTurnsExportOnWithTheOtherStandardVariables() {
        SmallRyeConfig config = config(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=secret",
                "OTEL_SERVICE_NAME", "lms-eu",
                "OTEL_TRACES_SAMPLER_ARG", "0.25",
                "OTEL_SDK_DISABLED", "false"));

        assertThat(config.getValue(ENDPOINT, String.class)).isEqualTo("http://collector:4318");
        assertThat(config.getOptionalValue(TRACES_ENDPOINT, String.class))
                .as("left to fall back to the endpoint")
                .isEmpty();
        assertThat(config.getValue("quarkus.otel.exporter.otlp.protocol", String.class))
                .isEqualTo("http/protobuf");
        assertThat(config.getValue("quarkus.otel.exporter.otlp.headers", String.class))
                .isEqualTo("api-key=secret");
        assertThat(config.getValue("quarkus.otel.service.name", String.class)).isEqualTo("lms-eu");
        assertThat(config.getValue("quarkus.otel.traces.sampler.arg", Double.class))
                .isEqualTo(0.25);
        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
    }

    @Test
    void anEndpointSetTheQuarkusWayIsNotHiddenByTheBlankOne() {
        assertThat(config(Map.of(ENDPOINT, "http://collector:4317")).getOptionalValue(TRACES_ENDPOINT, String.class))
                .isEmpty();
        assertThat(config(Map.of(TRACES_ENDPOINT, "http://traces:4317")).getValue(TRACES_ENDPOINT, String.class))
                .isEqualTo("http://traces:4317");
    }

    @Test
    void aQuarkusKeyWinsOverTheStandardVariable() {
        SmallRyeConfig config = config(Map.of(
                "OTEL_SDK_DISABLED", "true",
                "quarkus.otel.sdk.disabled", "false"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        SmallRyeConfig config = config(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "  "));

        assertThat(config.getOptionalValue(ENDPOINT, String.class)).isEmpty();
        assertThat(config.getValue(TRACES_ENDPOINT, String.class)).isBlank();
    }

    /** {@code environment} stands for the variables and keys set at run time, above application.properties. */
    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new OtelConfigSourceFactory())
                .build();
    }
}
