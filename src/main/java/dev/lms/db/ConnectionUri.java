package dev.lms.db;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A libpq connection URI, {@code postgresql://[user[:password]@][host[:port][,...]][/dbname][?key=value&...]}, split
 * into its parts and percent-decoded the way libpq reads it (fe-connect.c, conninfo_uri_parse_options).
 * <p>
 * Hand-written because {@link java.net.URI} refuses what libpq accepts: host lists, hostnames with underscores,
 * unencoded characters such as spaces or {@code $} in a password. Only {@code %} is special inside a part, and
 * {@code +} stays a plus (libpq does not read it as a space).
 * <p>
 * Failure messages never quote the input: a mistyped URI may have its password where the host should be.
 */
record ConnectionUri(
        Optional<String> user,
        Optional<String> password,
        List<Host> hosts,
        Optional<String> database,
        Map<String, String> parameters) {

    /** One host of the list; {@code name} is decoded and without brackets ({@code ::1} for {@code [::1]}). */
    record Host(String name, Optional<Integer> port) {}

    static final List<String> SCHEMES = List.of("postgresql://", "postgres://");

    /** Parses a URI that starts with one of {@link #SCHEMES}; throws {@link IllegalArgumentException} otherwise. */
    static ConnectionUri parse(String uri) {
        String scheme = SCHEMES.stream()
                .filter(uri::startsWith)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("it must start with postgresql:// or postgres://"));
        String rest = uri.substring(scheme.length());

        // As libpq: the credentials end at the first '@' that comes before any '/'.
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = indexOfEither(rest, '@', '/');
        if (at >= 0 && rest.charAt(at) == '@') {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name"));
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1), "password"));
            rest = rest.substring(at + 1);
        }

        int hostsEnd = indexOfEither(rest, '/', '?');
        List<Host> hosts = hosts(rest.substring(0, hostsEnd < 0 ? rest.length() : hostsEnd));
        rest = hostsEnd < 0 ? "" : rest.substring(hostsEnd);

        Optional<String> database = Optional.empty();
        if (rest.startsWith("/")) {
            int query = rest.indexOf('?');
            database = Optional.of(decode(rest.substring(1, query < 0 ? rest.length() : query), "database name"));
            rest = query < 0 ? "" : rest.substring(query);
        }
        Map<String, String> parameters = rest.startsWith("?") ? parameters(rest.substring(1)) : Map.of();
        return new ConnectionUri(
                user.filter(u -> !u.isEmpty()), password, hosts, database.filter(d -> !d.isEmpty()), parameters);
    }

    /** {@code h1:5432,[::1]:5433,h3}; an empty host (libpq's Unix-socket default) is kept, with an empty name. */
    private static List<Host> hosts(String list) {
        List<Host> hosts = new ArrayList<>();
        if (list.isEmpty()) {
            return hosts;
        }
        int number = 0;
        for (String spec : list.split(",", -1)) {
            number++;
            String name;
            String port;
            if (spec.startsWith("[")) {
                int close = spec.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException(
                            "host " + number + " opens an IPv6 address with [ but never closes it");
                }
                name = spec.substring(1, close);
                String after = spec.substring(close + 1);
                if (!after.isEmpty() && !after.startsWith(":")) {
                    throw new IllegalArgumentException("host " + number + " has characters after its IPv6 address ]");
                }
                port = after.isEmpty() ? "" : after.substring(1);
            } else {
                int colon = spec.indexOf(':');
                name = colon < 0 ? spec : spec.substring(0, colon);
                port = colon < 0 ? "" : spec.substring(colon + 1);
            }
            hosts.add(new Host(decode(name, "host"), port(port, number)));
        }
        return hosts;
    }

    static Optional<Integer> port(String port, int hostNumber) {
        if (port.isEmpty()) {
            return Optional.empty();
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("the port of host " + hostNumber + " is not a number from 1 to 65535");
        }
        return Optional.of(Integer.parseInt(port));
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("its query string has a parameter without a name or a value");
            }
            if (pair.indexOf('=', equals + 1) >= 0) {
                // libpq refuses this too: an '=' inside a value must be written %3D.
                throw new IllegalArgumentException("a query parameter has a second '=' (write it as %3D in the value)");
            }
            String name = decode(pair.substring(0, equals), "query parameter name");
            parameters.put(name, decode(pair.substring(equals + 1), "value of query parameter " + name));
        }
        return parameters;
    }

    /** Percent-decoding as libpq does it: {@code %XX} only, UTF-8, no {@code %00}, and {@code +} is a plus. */
    static String decode(String text, String part) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c != '%') {
                int end = i + Character.charCount(text.codePointAt(i));
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            int value = i + 2 < text.length() ? hex(text.charAt(i + 1), text.charAt(i + 2)) : -1;
            if (value < 0) {
                throw new IllegalArgumentException("the " + part + " has a malformed percent-escape (a % must be"
                        + " followed by two hexadecimal digits; write a literal % as %25)");
            }
            if (value == 0) {
                throw new IllegalArgumentException("the " + part + " contains %00, which PostgreSQL does not allow");
            }
            bytes.write(value);
            i += 3;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the " + part + " is not UTF-8 once percent-decoded");
        }
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static int indexOfEither(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
