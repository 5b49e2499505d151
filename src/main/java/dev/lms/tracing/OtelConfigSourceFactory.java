package dev.lms.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The standard OpenTelemetry variables ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_SERVICE_NAME}, ...) as the
 * {@code quarkus.otel.*} keys Quarkus reads, and no export unless an endpoint is configured.
 * <p>
 * Quarkus's OpenTelemetry extension reads only {@code quarkus.otel.*}: the plain names reach it for the service name
 * and resource attributes alone, and only with {@code quarkus.otel.mp.compatibility}. Its OTLP exporter also has a
 * default endpoint, {@code http://localhost:4317}, that it cannot be told at run time to go without (quarkusio/quarkus
 * issue 44200: an empty value falls back to the default), so a service without a collector would try to reach one on
 * every batch and log each failure. Its recorder installs no exporter when the configured endpoint is blank after
 * trimming; without any endpoint configured, this factory gives it a blank one. Spans are still created, so log lines
 * and problem documents carry trace ids either way.
 */
public class OtelConfigSourceFactory implements ConfigSourceFactory {

    public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /** Each standard variable and the key it sets. */
    static final Map<String, String> VARIABLES = Map.of(
            ENDPOINT,
            "quarkus.otel.exporter.otlp.endpoint",
            "OTEL_EXPORTER_OTLP_PROTOCOL",
            "quarkus.otel.exporter.otlp.protocol",
            "OTEL_EXPORTER_OTLP_HEADERS",
            "quarkus.otel.exporter.otlp.headers",
            "OTEL_SERVICE_NAME",
            "quarkus.otel.service.name",
            "OTEL_RESOURCE_ATTRIBUTES",
            "quarkus.otel.resource.attributes",
            "OTEL_TRACES_SAMPLER_ARG",
            "quarkus.otel.traces.sampler.arg",
            "OTEL_SDK_DISABLED",
            "quarkus.otel.sdk.disabled");

    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    /**
     * Blank, not empty: an empty value counts as unset and brings back the default endpoint. Quarkus trims the endpoint
     * and exports nothing when the result is empty.
     */
    static final String NO_ENDPOINT = " ";

    /** Above application.properties (250), below environment variables (300): {@code QUARKUS_OTEL_*} wins. */
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(properties(name -> rawValue(context, name)), "lms-otel", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The keys to set, given what {@code lookup} finds for a variable or key (null when unset). */
    static Map<String, String> properties(java.util.function.Function<String, String> lookup) {
        Map<String, String> properties = new HashMap<>();
        VARIABLES.forEach((variable, key) -> {
            String value = lookup.apply(variable);
            if (value != null && !value.isBlank()) {
                properties.put(key, value.strip());
            }
        });
        boolean endpointConfigured = properties.containsKey(VARIABLES.get(ENDPOINT))
                || isSet(lookup.apply(VARIABLES.get(ENDPOINT)))
                || isSet(lookup.apply(TRACES_ENDPOINT));
        if (!endpointConfigured) {
            properties.put(TRACES_ENDPOINT, NO_ENDPOINT);
        }
        return properties;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String rawValue(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getRawValue();
    }
}
