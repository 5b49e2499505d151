package dev.lms.cors;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches Quarkus's CORS filter on only when {@code CORS_ORIGINS} lists at least one origin, and gives it that list.
 * <p>
 * Unset or blank, the filter is not installed at all: no response carries an {@code Access-Control-*} header, so a
 * browser refuses every cross-origin call. Quarkus's own "enabled without origins" is not off: it answers a request
 * whose {@code Origin} is not the service's own URL with a 403, and one that is (as it computes it, behind a proxy
 * that terminates TLS it is {@code http://}) with {@code Access-Control-Allow-Origin}. One variable therefore decides
 * both, here.
 * <p>
 * Each entry is an exact origin ({@code https://lms.example.org}, {@code http://localhost:3000}: a scheme, a host, an
 * optional port, nothing after) or a regular expression between slashes, as Quarkus reads it (without commas or
 * whitespace, which separate entries). An exact origin is written as a browser sends it
 * ({@code HTTPS://LMS.example.org:443} becomes {@code https://lms.example.org}). An entry a browser would never send as
 * {@code Origin} (a trailing slash, a path) stops start-up with a message, instead of silently never matching;
 * {@code *} (any site) is refused too. Methods, request and response headers are fixed in application.properties
 * ({@code quarkus.http.cors.*}).
 */
public class CorsConfigSourceFactory implements ConfigSourceFactory {

    public static final String CORS_ORIGINS = "CORS_ORIGINS";

    /** Above application.properties (250), below environment variables (300): {@code QUARKUS_HTTP_CORS_*} wins. */
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(CORS_ORIGINS);
        List<String> origins = origins(value == null ? null : value.getRawValue());
        if (origins.isEmpty()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.http.cors.enabled",
                        "true",
                        // Escaped: SmallRye splits lists on unescaped commas and expands ${...}; a regex may hold both.
                        "quarkus.http.cors.origins",
                        String.join(
                                ",",
                                origins.stream()
                                        .map(o -> o.replace("\\", "\\\\")
                                                .replace(",", "\\,")
                                                .replace("$", "\\$"))
                                        .toList())),
                "lms-cors-origins",
                ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /**
     * The origins in a {@code CORS_ORIGINS} value: comma- or whitespace-separated, blanks dropped. Empty for null or
     * blank.
     *
     * @throws IllegalArgumentException naming the variable and the entry, for an entry that can never match
     */
    static List<String> origins(String value) {
        List<String> origins = new ArrayList<>();
        if (value == null) {
            return origins;
        }
        for (String entry : value.split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                origins.add(checked(entry));
            }
        }
        return origins;
    }

    private static String checked(String entry) {
        if (entry.equals("*") || entry.equals("/.*/")) {
            throw invalid(entry, "it would admit any site; list the front ends' origins");
        }
        if (entry.length() > 2 && entry.startsWith("/") && entry.endsWith("/")) {
            return entry;
        }
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw invalid(entry, "not an origin (scheme://host[:port])");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(entry, "an origin starts with http:// or https://");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.contains("@")) {
            throw invalid(entry, "not an origin (scheme://host[:port])");
        }
        if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(
                    entry,
                    "an origin has no path, not even a trailing slash (a browser sends " + uri.getScheme() + "://"
                            + authority + ")");
        }
        return origin(entry, scheme, authority);
    }

    /**
     * The origin as a browser serialises it in {@code Origin}, which Quarkus compares as a string: scheme and host in
     * lower case, an international name in its ASCII form, no port when it is the scheme's default. The authority is
     * split by hand: {@link URI#getHost()} gives null for a name with an underscore, such as a Compose service's.
     */
    private static String origin(String entry, String scheme, String authority) {
        int hostEnd = authority.startsWith("[") ? authority.indexOf(']') + 1 : authority.lastIndexOf(':');
        if (hostEnd < 0) {
            hostEnd = authority.length();
        }
        String host = authority.substring(0, hostEnd);
        String port = authority.substring(hostEnd);
        if (host.isEmpty() || (!port.isEmpty() && !port.matches(":[0-9]{1,5}"))) {
            throw invalid(entry, "not an origin (scheme://host[:port])");
        }
        if (!port.isEmpty()) {
            int number = Integer.parseInt(port.substring(1));
            if (number < 1 || number > 65_535) {
                throw invalid(entry, "a port is between 1 and 65535");
            }
            boolean isDefault = number == (scheme.equals("https") ? 443 : 80);
            port = isDefault ? "" : ":" + number;
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(entry, "not a host name (" + e.getMessage() + ")");
        }
        if (!HOST.matcher(host).matches()) {
            throw invalid(entry, "not a host name; a wildcard needs a regular expression between slashes");
        }
        return scheme + "://" + host + port;
    }

    /** A DNS name (labels of letters, digits, hyphens and underscores), an IPv4 address, or an IPv6 literal. */
    private static final Pattern HOST =
            Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.?|\\[[0-9a-f:.]+(%25[a-z0-9._~-]+)?]");

    private static IllegalArgumentException invalid(String entry, String reason) {
        return new IllegalArgumentException(CORS_ORIGINS + " holds \"" + entry + "\": " + reason
                + ". Example: CORS_ORIGINS=https://lms.example.org,http://localhost:3000");
    }
}
