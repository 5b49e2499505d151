package dev.lms.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * What PostgreSQL cannot store, refused once for every request: in JSON bodies through {@link StrictJson} (which wraps
 * Jackson's own String and Instant deserializers with {@link #modifier()}), in query, path and header parameters
 * through {@link StorableParameters} and {@link ParameterConverters}. Without this, each would reach the database and
 * come back as a 500 (a NUL byte) or as another value than the one sent (an instant beyond year 294276).
 * <ul>
 *   <li>text: no NUL character ({@code text} cannot hold one), and no unpaired UTF-16 surrogate (it cannot be encoded
 *       as UTF-8: the driver would silently store a {@code ?} in its place);
 *   <li>instants: within RFC 3339's four-digit years, 0000 to 9999. {@code timestamptz} holds more (4713 BC to
 *       294276 AD), but the API describes instants as OpenAPI {@code date-time}, which is RFC 3339: an instant outside
 *       it would be stored, then sent back in a form that clients' generated validators (and JavaScript's Date, which
 *       stops at year 275760) refuse.
 * </ul>
 */
public final class StorableValues {

    /** RFC 3339's first instant. */
    public static final Instant MIN_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    /** RFC 3339's last instant, to the microsecond that {@code timestamptz} keeps. */
    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StorableValues() {}

    /** Why {@code text} cannot be stored, or empty when it can. */
    public static Optional<String> problemWithText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(
                        "must be valid Unicode: it has an unpaired surrogate (\\u" + Integer.toHexString(c) + ")");
            }
        }
        return Optional.empty();
    }

    /** Why {@code instant} cannot be stored, or empty when it can. */
    public static Optional<String> problemWithInstant(Instant instant) {
        if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
            return Optional.of("must be an RFC 3339 date-time between " + MIN_INSTANT + " and " + MAX_INSTANT);
        }
        return Optional.empty();
    }

    /** Wraps the deserializers of String and Instant, whichever module supplied them, with the checks above. */
    static BeanDeserializerModifier modifier() {
        return new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class || type == Instant.class) {
                    return new Checked(deserializer);
                }
                return deserializer;
            }
        };
    }

    /**
     * A JSON value Jackson could read but the database could not store. {@link RequestErrorMapper} answers it with a
     * 400 naming the field (Jackson adds the path as the exception travels up through the request record).
     */
    public static final class UnstorableValueException extends JsonMappingException {

        private final String reason;

        UnstorableValueException(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            Optional<String> problem = value instanceof String text
                    ? problemWithText(text)
                    : value instanceof Instant instant ? problemWithInstant(instant) : Optional.empty();
            if (problem.isPresent()) {
                throw new UnstorableValueException(parser, problem.get());
            }
            return value;
        }
    }
}
