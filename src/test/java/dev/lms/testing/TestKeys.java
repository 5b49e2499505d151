package dev.lms.testing;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

/**
 * A JWT key pair in PEM files under {@code target/}: the application under test verifies and signs with it (given
 * by {@link PostgresResource}, or by the packaged service's environment), and tests sign their own tokens with it.
 */
public final class TestKeys {

    private static final Path DIRECTORY = Path.of("target", "test-jwt-keys");

    private TestKeys() {}

    /** The same pair as configuration properties, for test resources and test profiles. */
    public static Map<String, String> config() {
        Map<String, String> environment = environment();
        return Map.of(
                "mp.jwt.verify.publickey.location", environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                "smallrye.jwt.sign.key.location", environment.get("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
    }

    /** The private key, for tests that sign tokens outside the application (integration tests have no CDI). */
    public static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(
                    Files.readString(Path.of(environment().get("SMALLRYE_JWT_SIGN_KEY_LOCATION"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized Map<String, String> environment() {
        Path privateKey = DIRECTORY.resolve("private.pem");
        Path publicKey = DIRECTORY.resolve("public.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            try {
                KeyPair pair = KeyUtils.generateKeyPair(2048);
                Files.createDirectories(DIRECTORY);
                Files.writeString(
                        privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString(),
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", privateKey.toAbsolutePath().toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }
}
