package dev.lms.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile values for one field or parameter, chosen by its declared OpenAPI type and format. Body values are raw JSON
 * text (so that a lone surrogate escape, a number beyond any double or a bare NaN reach the server as written);
 * parameter values are the decoded text a client would mean.
 */
final class HostileValues {

    /** Longer than every limit in the service, for a string that declares none. */
    static final int OVERLONG = 100_001;

    private HostileValues() {}

    static List<String> forBody(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("null", "{}", "[]"));
        String format = schema.path("format").asText("");
        switch (type(schema)) {
            case "integer" ->
                values.addAll(List.of("-1", "2147483648", "1e400", "1.5", "\"10\"", "\"NaN\"", "\"Infinity\"", "true"));
            case "number" ->
                values.addAll(
                        List.of("-0.01", "1e400", "99999999999999999999999999999", "\"NaN\"", "\"-Infinity\"", "true"));
            case "boolean" -> values.addAll(List.of("\"true\"", "1"));
            default -> values.addAll(strings(schema, format));
        }
        return values;
    }

    /** JSON literals for a string field: hostile text, its format's near misses, and other JSON types. */
    private static List<String> strings(JsonNode schema, String format) {
        JsonNode maxLength = schema.get("maxLength");
        List<String> values = new ArrayList<>(List.of(
                "1",
                "true",
                "\"\"",
                "\"a\\u0000b\"",
                "\"\\u0001\\u001f\\u007f\"",
                "\"x\\ud800\"",
                "\"\\ud83d\\ude00 \\u200b \\u202eevil\"",
                "\"" + "y".repeat(maxLength == null ? OVERLONG : maxLength.asInt() + 1) + "\""));
        switch (format) {
            case "uuid" -> values.addAll(List.of("\"not-a-uuid\"", "\"" + java.util.UUID.randomUUID() + "\""));
            case "date-time" ->
                values.addAll(List.of(
                        "\"+584556075-01-01T00:00:00Z\"",
                        "\"-4714-01-01T00:00:00Z\"",
                        "\"2026-02-30T00:00:00Z\"",
                        "\"2026-01-01\"",
                        "99999999999999999"));
            default -> {}
        }
        if (schema.has("enum")) {
            String first = schema.get("enum").get(0).asText();
            values.addAll(List.of("\"" + first.toLowerCase() + "\"", "\"" + first + "\\u0000\""));
        }
        return values;
    }

    /** Values for a query, path or header parameter, as decoded text. */
    static List<String> forParameter(JsonNode schema) {
        List<String> values =
                new ArrayList<>(List.of("", "a\u0000b", "\u202eevil\u200b", "x".repeat(3_000), "NaN", "-1", "1e400"));
        switch (schema.path("format").asText("")) {
            case "date-time" ->
                values.addAll(List.of("+584556075-01-01T00:00:00Z", "-4714-01-01T00:00:00Z", "2026-02-30T00:00:00Z"));
            case "uuid" ->
                values.addAll(List.of("not-a-uuid", java.util.UUID.randomUUID().toString()));
            default -> {}
        }
        if (schema.has("enum")) {
            values.add(schema.get("enum").get(0).asText().toLowerCase());
        }
        JsonNode maxLength = schema.get("maxLength");
        if (maxLength != null) {
            values.add("z".repeat(maxLength.asInt() + 1));
        }
        return values;
    }

    /** The JSON type, from {@code "type": "string"} or OpenAPI 3.1's {@code "type": ["string", "null"]}. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!option.asText().equals("null")) {
                    return option.asText();
                }
            }
        }
        return type.asText(schema.has("enum") ? "string" : "");
    }
}
