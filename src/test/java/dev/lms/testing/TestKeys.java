package dev.lms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import io.smallrye.jwt.util.KeyUtils;

/**
 * A JWT key pair in PEM files under {@code target/}, for the packaged service in production mode, which refuses to
 * start without keys. ({@code @QuarkusTest}s need none: smallrye-jwt generates a pair for the test profile.)
 */
public final class TestKeys {

    private static final Path DIRECTORY = Path.of("target", "test-jwt-keys");

    private TestKeys() {
    }

    public static synchronized Map<String, String> environment() {
        Path privateKey = DIRECTORY.resolve("private.pem");
        Path publicKey = DIRECTORY.resolve("public.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            try {
                KeyPair pair = KeyUtils.generateKeyPair(2048);
                Files.createDirectories(DIRECTORY);
                Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
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
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
