package dev.lms.web;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts UUID, enum, boolean and instant parameters ({@code /users/{id}}, {@code ?role=}, {@code ?active=},
 * {@code ?dueBefore=}) so that a bad
 * value is a 400 naming the parameter and what it accepts, rather than JAX-RS's bare 404, an exception message that
 * quotes a Java class, or (for booleans) {@code Boolean.valueOf} quietly reading "yes" as false.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be a UUID", UUID::fromString);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be true or false", ParameterConverters::parseBoolean);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Strict<>(
                    name,
                    "must be an ISO-8601 instant between " + StorableValues.MIN_INSTANT + " and "
                            + StorableValues.MAX_INSTANT + ", such as 2026-01-31T23:59:00Z",
                    ParameterConverters::parseInstant);
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String values =
                    Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return (ParamConverter<T>)
                    new Strict<>(name, "must be one of " + values, value -> Enum.valueOf(type, value));
        }
        return null;
    }

    private static Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static Instant parseInstant(String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(value, e);
        }
        StorableValues.problemWithInstant(instant).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return instant;
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    private record Strict<T>(String name, String expected, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(name, expected);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
