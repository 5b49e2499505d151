package dev.lms.db;

import dev.lms.db.ConnectionUri.Host;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A PostgreSQL location as libpq reads it ({@code postgresql://user:password@host/db?sslmode=require}, the form Neon's
 * console hands out) or as pgJDBC reads it ({@code jdbc:postgresql://...}), turned into what pgJDBC takes: a JDBC URL
 * with the same meaning, and the credentials apart.
 * <p>
 * A {@code jdbc:postgresql:} URL is pgJDBC's own language: it goes to the driver exactly as written, and its
 * {@code user} and {@code password} parameters (which pgJDBC prefers to separate credentials) are only read here.
 * <p>
 * Error messages never repeat the URL or any part of it: a mistyped URL can have its password anywhere.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> username, Optional<String> password) {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final Pattern KEYWORD_VALUE = Pattern.compile("^[A-Za-z_]+\\s*=");
    private static final String USE_TCP = "pgJDBC connects over TCP only (a Unix socket needs a socket factory"
            + " library this service does not carry); use host=localhost, or the server's address, instead";

    public static DatabaseUrl parse(String variable, String value) {
        String raw = value.strip();
        try {
            if (raw.startsWith("jdbc:")) {
                return fromJdbc(raw);
            }
            if (ConnectionUri.SCHEMES.stream().anyMatch(raw::startsWith)) {
                return fromLibpq(ConnectionUri.parse(raw));
            }
            if (KEYWORD_VALUE.matcher(raw).lookingAt()) {
                throw new IllegalArgumentException("libpq keyword/value strings (host=... dbname=...) are not"
                        + " supported; write it as a URL, postgresql://user:password@host:port/dbname?sslmode=...");
            }
            throw new IllegalArgumentException("it must start with postgresql://, postgres:// or jdbc:postgresql:");
        } catch (IllegalArgumentException e) {
            throw invalid(variable, e.getMessage());
        }
    }

    /** The hosts the URL points at, comma-separated, for log lines that must never show credentials. */
    public String host() {
        String afterPrefix = jdbcUrl.substring(JDBC_PREFIX.length());
        if (!afterPrefix.startsWith("//")) {
            return "localhost";
        }
        String authority = afterPrefix.substring(2).split("[/?]", 2)[0];
        return Arrays.stream(authority.split(","))
                .map(host -> host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":")[0])
                .collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl.replaceAll("([?&]password=)[^&]*", "$1<redacted>") + ", username="
                + username.orElse("<none>") + ", password=<redacted>]";
    }

    private static DatabaseUrl fromLibpq(ConnectionUri uri) {
        // As in libpq, a parameter in the query string overrides the same part written before it.
        Map<String, String> parameters = new LinkedHashMap<>(uri.parameters());
        Optional<String> user = Optional.ofNullable(parameters.remove("user")).or(uri::user);
        Optional<String> password =
                Optional.ofNullable(parameters.remove("password")).or(uri::password);
        Optional<String> database =
                Optional.ofNullable(parameters.remove("dbname")).or(uri::database);
        List<Host> hosts = hosts(uri.hosts(), parameters.remove("host"), parameters.remove("port"));
        Map<String, String> properties = LibpqParameters.toPgJdbc(parameters);

        StringBuilder jdbcUrl = new StringBuilder(JDBC_PREFIX).append("//");
        jdbcUrl.append(hosts.stream().map(DatabaseUrl::hostAndPort).collect(Collectors.joining(",")));
        // No database: pgJDBC, like libpq, takes the user name.
        jdbcUrl.append('/').append(database.map(DatabaseUrl::encode).orElse(""));
        if (!properties.isEmpty()) {
            jdbcUrl.append('?')
                    .append(properties.entrySet().stream()
                            .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                            .collect(Collectors.joining("&")));
        }
        // An empty password is no password: DATABASE_PASSWORD, if set, supplies it.
        return new DatabaseUrl(jdbcUrl.toString(), user.filter(u -> !u.isEmpty()), password.filter(p -> !p.isEmpty()));
    }

    /** The URI's hosts, unless the query's {@code host=} replaces them; the query's {@code port=} applies to either. */
    private static List<Host> hosts(List<Host> fromUri, String hostParameter, String portParameter) {
        List<String> names = hostParameter == null
                ? fromUri.stream().map(Host::name).toList()
                : Arrays.asList(hostParameter.split(",", -1));
        List<Optional<Integer>> ports = portParameter == null
                ? (hostParameter == null ? fromUri.stream().map(Host::port).toList() : List.of())
                : IntStream.range(0, portParameter.split(",", -1).length)
                        .mapToObj(i -> ConnectionUri.port(portParameter.split(",", -1)[i], i + 1))
                        .toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException(
                    "it has no host, which libpq reads as its default Unix socket; " + USE_TCP);
        }
        if (!ports.isEmpty() && ports.size() != 1 && ports.size() != names.size()) {
            throw new IllegalArgumentException("it lists " + names.size() + " hosts but " + ports.size()
                    + " ports (give one port, or one per host)");
        }
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty() || name.startsWith("/")) {
                throw new IllegalArgumentException("host " + (i + 1) + " is a Unix-domain socket; " + USE_TCP);
            }
            if (name.contains("@")) {
                throw new IllegalArgumentException("host " + (i + 1) + " contains '@'; percent-encode an '@' in the"
                        + " user name or password as %40");
            }
            if (name.contains("/") || name.contains("?") || name.isBlank() || name.contains(" ")) {
                throw new IllegalArgumentException("host " + (i + 1) + " is not a host name or address");
            }
            hosts.add(new Host(name, ports.isEmpty() ? Optional.empty() : ports.get(ports.size() == 1 ? 0 : i)));
        }
        return hosts;
    }

    private static String hostAndPort(Host host) {
        String name = host.name().contains(":") ? "[" + host.name() + "]" : host.name();
        return host.port().map(port -> name + ":" + port).orElse(name);
    }

    /** pgJDBC URL-decodes its database and parameter values ({@code +} is a space there, unlike in libpq). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static DatabaseUrl fromJdbc(String jdbcUrl) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("a JDBC URL must start with jdbc:postgresql:");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int query = jdbcUrl.indexOf('?');
        if (query >= 0) {
            for (String pair : jdbcUrl.substring(query + 1).split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.put(nameAndValue[0], nameAndValue.length == 2 ? nameAndValue[1] : "");
            }
        }
        if (parameters.containsKey("service")) {
            throw new IllegalArgumentException(
                    "its parameter service is not supported: service files are not read; write host, port and"
                            + " database into the URL");
        }
        String authority = jdbcUrl.substring(JDBC_PREFIX.length());
        if (authority.startsWith("//")
                && authority.substring(2).split("[/?]", 2)[0].isEmpty()) {
            throw new IllegalArgumentException("it has no host");
        }
        return new DatabaseUrl(
                jdbcUrl,
                Optional.ofNullable(parameters.get("user"))
                        .map(DatabaseUrl::jdbcDecode)
                        .filter(u -> !u.isEmpty()),
                Optional.ofNullable(parameters.get("password"))
                        .map(DatabaseUrl::jdbcDecode)
                        .filter(p -> !p.isEmpty()));
    }

    /** pgJDBC's decoding of URL parameters. */
    private static String jdbcDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder's own message quotes the offending text, which may be part of the password.
            throw new IllegalArgumentException("its credentials contain a malformed percent-escape");
        }
    }

    private static InvalidDatabaseUrlException invalid(String variable, String reason) {
        return new InvalidDatabaseUrlException(variable + " is not a usable PostgreSQL URL: " + reason
                + ". Expected postgresql://user:password@host[:port]/database[?sslmode=require]"
                + " or jdbc:postgresql://host[:port]/database. See .env.example.");
    }
}
