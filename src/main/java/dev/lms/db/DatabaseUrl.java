package dev.lms.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A PostgreSQL location as Neon's console hands it out ({@code postgresql://user:password@host/db?sslmode=require})
 * or as a JDBC URL, turned into what pgJDBC takes: a JDBC URL without credentials, plus the credentials.
 * <p>
 * Error messages never repeat the URL: it usually carries a password.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> username, Optional<String> password) {

    /** libpq parameter names that pgJDBC spells differently. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "channel_binding", "channelBinding",
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName");

    public static DatabaseUrl parse(String variable, String value) {
        String raw = value.strip();
        String withoutJdbc = raw.startsWith("jdbc:") ? raw.substring("jdbc:".length()) : raw;
        if (!withoutJdbc.startsWith("postgresql://") && !withoutJdbc.startsWith("postgres://")) {
            throw invalid(variable, "it must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(withoutJdbc);
        } catch (URISyntaxException e) {
            throw invalid(
                    variable,
                    "it is not a well-formed URL (check that special characters in the password are percent-encoded)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(variable, "it has no host");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (database.isBlank() || database.contains("/")) {
            throw invalid(variable, "it must name exactly one database, as in postgresql://host/dbname");
        }

        Map<String, String> parameters = queryParameters(variable, uri.getRawQuery());
        Optional<String> username = Optional.ofNullable(parameters.remove("user"));
        Optional<String> password = Optional.ofNullable(parameters.remove("password"));
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            username = Optional.of(decode(variable, userInfo[0])).filter(u -> !u.isEmpty());
            password = userInfo.length == 2 ? Optional.of(decode(variable, userInfo[1])) : password;
        }

        String hostAndPort = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        String jdbcUrl = "jdbc:postgresql://" + hostAndPort + "/" + database + (query.isEmpty() ? "" : "?" + query);
        return new DatabaseUrl(jdbcUrl, username, password);
    }

    /** The host the URL points at, for log lines that must never show credentials. */
    public String host() {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getHost();
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", username=" + username.orElse("<none>") + ", password=<redacted>]";
    }

    private static Map<String, String> queryParameters(String variable, String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            if (nameAndValue.length != 2 || nameAndValue[0].isEmpty()) {
                throw invalid(variable, "its query string has a parameter without a value");
            }
            String name = LIBPQ_TO_PGJDBC.getOrDefault(nameAndValue[0], nameAndValue[0]);
            boolean credential = name.equals("user") || name.equals("password");
            parameters.put(name, credential ? decode(variable, nameAndValue[1]) : nameAndValue[1]);
        }
        return parameters;
    }

    private static String decode(String variable, String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder's own message quotes the offending text, which may be part of the password.
            throw invalid(variable, "its credentials contain a malformed percent-escape");
        }
    }

    private static InvalidDatabaseUrlException invalid(String variable, String reason) {
        return new InvalidDatabaseUrlException(variable + " is not a usable PostgreSQL URL: " + reason
                + ". Expected postgresql://user:password@host[:port]/database[?sslmode=require]"
                + " or jdbc:postgresql://host[:port]/database. See .env.example.");
    }
}
