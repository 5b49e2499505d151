package dev.lms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.ServiceProcess;
import dev.lms.testing.TestDatabase;
import dev.lms.testing.Tokens;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rotation procedure of the README, on the packaged service: while the key set holds the old and the new key and
 * the service signs with the new one, a token signed with the old key keeps working until the old key is retired, and
 * new tokens carry the new key's id; a signing key missing from the key set stops the start.
 */
class KeyRotationIT {

    private static final Duration START_UP = Duration.ofSeconds(300);
    private static final String EMAIL = "rotating@example.org";
    private static final String PASSWORD = "a password that stays";

    @TempDir
    Path keys;

    private String database;
    private KeyPair old;
    private KeyPair current;

    @BeforeEach
    void arrange() throws Exception {
        database = TestDatabase.createScratchDatabase("rotation");
        old = KeyUtils.generateKeyPair(2048);
        current = KeyUtils.generateKeyPair(2048);
        Files.writeString(
                keys.resolve("old.pem"), pem("PRIVATE KEY", old.getPrivate().getEncoded()));
        Files.writeString(
                keys.resolve("old-public.pem"),
                pem("PUBLIC KEY", old.getPublic().getEncoded()));
        Files.writeString(
                keys.resolve("current.pem"),
                pem("PRIVATE KEY", current.getPrivate().getEncoded()));
        Files.writeString(
                keys.resolve("current-public.pem"),
                pem("PUBLIC KEY", current.getPublic().getEncoded()));
        Files.writeString(keys.resolve("old.jwks"), jwksWithPrivateParts(old, "2026-11"));
        // The later key sets as the README's procedure makes them, with scripts/jwks.
        Files.writeString(keys.resolve("both.jwks"), script("2026-11=old-public.pem", "2026-12=current-public.pem"));
        Files.writeString(keys.resolve("current.jwks"), script("2026-12=current-public.pem"));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        TestDatabase.dropDatabase(database);
    }

    @Test
    void aTokenSignedWithTheOldKeyStaysValidAfterTheSwitchAndNewTokensUseTheNewKey() throws Exception {
        String oldToken;
        try (ServiceProcess service = ServiceProcess.start(environment("old.jwks", "old.pem", "2026-11"))) {
            assertThat(service.awaitStarted(START_UP)).as(service.output()).isTrue();
            createUser();
            oldToken = login(service);
            assertThat(Tokens.header(oldToken)).containsEntry("kid", "2026-11");
            List<Map<String, Object>> published =
                    api(service).get("/.well-known/jwks.json").jsonPath().getList("keys");
            assertThat(published)
                    .singleElement()
                    .satisfies(key -> assertThat(key)
                            .containsEntry("kid", "2026-11")
                            .containsKeys("n", "e")
                            .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
        }

        // Steps 1 and 2 at once here: the set holds both keys, and the service signs with the new one.
        try (ServiceProcess service = ServiceProcess.start(environment("both.jwks", "current.pem", "2026-12"))) {
            assertThat(service.awaitStarted(START_UP)).as(service.output()).isTrue();
            me(service, oldToken).then().statusCode(200);
            String newToken = login(service);
            assertThat(Tokens.header(newToken)).containsEntry("kid", "2026-12");
            me(service, newToken).then().statusCode(200);

            List<Map<String, Object>> published =
                    api(service).get("/.well-known/jwks.json").jsonPath().getList("keys");
            assertThat(published).extracting(key -> key.get("kid")).containsExactly("2026-11", "2026-12");
        }

        // Step 3, once the old key's last token has expired: the old key leaves the set.
        try (ServiceProcess service = ServiceProcess.start(environment("current.jwks", "current.pem", "2026-12"))) {
            assertThat(service.awaitStarted(START_UP)).as(service.output()).isTrue();
            me(service, oldToken).then().statusCode(401);
            me(service, login(service)).then().statusCode(200);
        }
    }

    @Test
    void aSigningKeyWhoseIdTheKeySetLacksStopsTheStart() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(environment("old.jwks", "current.pem", "2026-12"))) {
            assertThat(service.awaitExit(START_UP)).isNotZero();
            assertThat(service.output())
                    .contains("The signing key id '2026-12' is not among the verification keys [2026-11]");
        }
    }

    private Map<String, String> environment(String keySet, String signingKey, String keyId) {
        return Map.of(
                "DATABASE_URL", TestDatabase.neonStyleUrl(database),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve(keySet).toString(),
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.resolve(signingKey).toString(),
                "SMALLRYE_JWT_SIGN_KEY_ID", keyId);
    }

    private void createUser() throws SQLException {
        try (Connection connection = TestDatabase.connect(database);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO users (email, name, role, password_hash) VALUES (?, 'Rotating', 'STUDENT', ?)")) {
            insert.setString(1, EMAIL);
            insert.setString(2, BcryptUtil.bcryptHash(PASSWORD));
            insert.executeUpdate();
        }
    }

    private static String login(ServiceProcess service) {
        return api(service)
                .body(Map.of("email", EMAIL, "password", PASSWORD))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    private static io.restassured.response.Response me(ServiceProcess service, String token) {
        return api(service).auth().oauth2(token).get("/api/v1/users/me");
    }

    private static RequestSpecification api(ServiceProcess service) {
        return RestAssured.given()
                .baseUri("http://localhost")
                .port(service.port())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A JWKS that an operator pasted the private key into as well, by mistake. */
    private static String jwksWithPrivateParts(KeyPair pair, String kid) {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        jwk.setKeyId(kid);
        jwk.setPrivateKey(pair.getPrivate());
        return new JsonWebKeySet(List.<JsonWebKey>of(jwk)).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    private String script(String... kidEqualsFile) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("bash", Path.of("scripts", "jwks").toAbsolutePath().toString()));
        command.addAll(List.of(kidEqualsFile));
        Process process = new ProcessBuilder(command).directory(keys.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(err).isZero();
        return out;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }
}
