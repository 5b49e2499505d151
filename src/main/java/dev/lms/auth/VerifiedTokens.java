package dev.lms.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Each bearer token is parsed and its signature verified once per replica, not on every request: smallrye-jwt's
 * parser, which authenticates every request ({@code MpJwtValidator} calls {@link #parse(String)}), is decorated with a
 * bounded cache keyed by the whole token string. Only tokens that passed every check are kept, each until its own
 * {@code exp}: an altered token is another string and is verified afresh, an expired one is gone. What a token says
 * about its user is still checked against {@code users} on every request ({@link RegisteredUserAugmentor}).
 * <p>
 * Its hits and misses are Micrometer's {@code cache_gets_total{cache="lms.auth.verified-tokens"}} at /q/metrics.
 */
@Decorator
@Priority(1)
public class VerifiedTokens implements JWTParser {

    static final String CACHE = "lms.auth.verified-tokens";

    private final JWTParser parser;
    private final Cache<String, JsonWebToken> tokens;

    @Inject
    VerifiedTokens(@Delegate @Any JWTParser parser, AuthConfig config, MeterRegistry registry) {
        this.parser = parser;
        this.tokens = Caffeine.newBuilder()
                .maximumSize(config.verifiedTokenCacheSize())
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, verified) -> untilExpiry(verified)))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, tokens, CACHE);
    }

    private static Duration untilExpiry(JsonWebToken verified) {
        long secondsLeft = verified.getExpirationTime() - TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis());
        return Duration.ofSeconds(Math.max(0, secondsLeft));
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken verified = tokens.getIfPresent(token);
        if (verified == null) {
            // Not computed inside the cache: a failure must not be cached, and two requests racing on a new token
            // merely verify it twice.
            verified = parser.parse(token);
            tokens.put(token, verified);
        }
        return verified;
    }

    // The other operations verify with keys or settings given by the caller: they are passed through uncached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
