package dev.lms.db;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.ssl.DefaultJavaSSLFactory;

/**
 * libpq's URI query parameters turned into pgJDBC's connection properties with the same meaning. Parameters libpq
 * does not know (pgJDBC's own, such as {@code prepareThreshold}) pass through unchanged.
 * <p>
 * A libpq parameter that pgJDBC cannot honour is refused rather than dropped: pgJDBC ignores names it does not know,
 * so a URL asking for a certificate revocation list or a minimum TLS version would connect without either.
 * <p>
 * pgJDBC creates the {@code sslfactory} it is given by reflection, so the native executable must register it.
 */
@RegisterForReflection(targets = DefaultJavaSSLFactory.class)
final class LibpqParameters {

    static final String SYSTEM_TRUST_STORE_FACTORY = DefaultJavaSSLFactory.class.getName();

    private static final Map<String, String> RENAMED = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "channel_binding", "channelBinding",
            "gssencmode", "gssEncMode",
            "require_auth", "requireAuth",
            "sslnegotiation", "sslNegotiation",
            "krbsrvname", "kerberosServerName");

    private static final Map<String, String> REFUSED = Map.of(
            "hostaddr", "pgJDBC has no hostaddr; put the address in the host part",
            "service", "service files are not read; write host, port and database into the URL",
            "passfile", "pgJDBC has no passfile parameter; set the PGPASSFILE environment variable instead",
            "requirepeer", "pgJDBC cannot check a Unix-socket peer",
            "sslcrl", "pgJDBC cannot check a certificate revocation list",
            "sslcrldir", "pgJDBC cannot check a certificate revocation list",
            "ssl_min_protocol_version", "pgJDBC takes TLS versions from the JVM (jdk.tls.client.protocols)",
            "ssl_max_protocol_version", "pgJDBC takes TLS versions from the JVM (jdk.tls.client.protocols)");

    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Set<String> CHANNEL_BINDINGS = Set.of("disable", "prefer", "require");

    /** libpq's target_session_attrs to pgJDBC's targetServerType. */
    private static final Map<String, String> TARGET_SERVER_TYPES = Map.of(
            "any", "any",
            // pgJDBC's "primary" is a server that accepts writes (transaction_read_only off): libpq's read-write.
            "read-write", "primary",
            "primary", "primary",
            "read-only", "secondary",
            "standby", "secondary",
            "prefer-standby", "preferSecondary");

    private static final Map<String, String> LOAD_BALANCE_HOSTS = Map.of("disable", "false", "random", "true");
    private static final Map<String, String> KEEPALIVES = Map.of("0", "false", "1", "true");

    private LibpqParameters() {}

    /** Translates decoded libpq parameters (without host, port, dbname, user, password) into pgJDBC properties. */
    static Map<String, String> toPgJdbc(Map<String, String> libpq) {
        Map<String, String> pgjdbc = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : libpq.entrySet()) {
            String name = parameter.getKey();
            String value = parameter.getValue();
            if (REFUSED.containsKey(name)) {
                throw new IllegalArgumentException("its parameter " + name + " is not supported: " + REFUSED.get(name));
            }
            switch (name) {
                case "sslmode" -> pgjdbc.put(name, oneOf(name, value, SSL_MODES));
                case "channel_binding" -> pgjdbc.put("channelBinding", oneOf(name, value, CHANNEL_BINDINGS));
                case "target_session_attrs" -> pgjdbc.put("targetServerType", mapped(name, value, TARGET_SERVER_TYPES));
                case "load_balance_hosts" -> pgjdbc.put("loadBalanceHosts", mapped(name, value, LOAD_BALANCE_HOSTS));
                case "keepalives" -> pgjdbc.put("tcpKeepAlive", mapped(name, value, KEEPALIVES));
                default -> pgjdbc.put(RENAMED.getOrDefault(name, name), value);
            }
        }
        if ("system".equals(pgjdbc.get("sslrootcert"))) {
            systemTrustStore(pgjdbc);
        }
        return pgjdbc;
    }

    /**
     * libpq 16's {@code sslrootcert=system}: trust the platform's certificate authorities, and verify the host name,
     * since any public CA can sign a certificate for another name. The JVM's trust store is pgJDBC's equivalent.
     */
    private static void systemTrustStore(Map<String, String> pgjdbc) {
        pgjdbc.remove("sslrootcert");
        String mode = pgjdbc.getOrDefault("sslmode", "verify-full");
        if (!mode.equals("verify-full")) {
            // libpq refuses this combination the same way.
            throw new IllegalArgumentException(
                    "sslrootcert=system needs sslmode=verify-full (or no sslmode), not a weaker" + " mode");
        }
        if (pgjdbc.containsKey("sslfactory")) {
            throw new IllegalArgumentException("sslrootcert=system and sslfactory cannot be combined");
        }
        pgjdbc.put("sslmode", mode);
        pgjdbc.put("sslfactory", SYSTEM_TRUST_STORE_FACTORY);
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(
                    "its " + name + " must be one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }

    private static String mapped(String name, String value, Map<String, String> mapping) {
        oneOf(name, value, mapping.keySet());
        return mapping.get(value);
    }
}
