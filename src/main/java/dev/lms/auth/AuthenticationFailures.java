package dev.lms.auth;

import dev.lms.db.DatabaseUnavailable;
import dev.lms.web.DatabaseUnavailableResponse;
import dev.lms.web.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.InvalidAlgorithmException;

/**
 * Every authentication failure is the same 401 problem with {@code WWW-Authenticate: Bearer} (RFC 6750): the body
 * does not say which check failed, so it teaches a forger nothing. The log line does, and never carries the token.
 */
public class AuthenticationFailures {

    private static final Logger LOG = Logger.getLogger(AuthenticationFailures.class);
    private static final String REASON = "lms: ";

    /** A failure message that {@link #reasonOf} repeats in the log as it is; it must hold no secret. */
    static String reason(String reason) {
        return REASON + reason;
    }

    /** A token was sent but refused: expired, badly signed, from another issuer, or for a user who is gone. */
    @ServerExceptionMapper
    public Response tokenRefused(AuthenticationFailedException failure, UriInfo uri) {
        LOG.infof("Authentication refused for %s: %s", uri.getPath(), reasonOf(failure));
        return unauthorized(uri, "Bearer error=\"invalid_token\"", "The bearer token is missing, invalid or expired.");
    }

    /** No token, on a path that needs one. */
    @ServerExceptionMapper
    public Response noToken(UnauthorizedException failure, UriInfo uri) {
        LOG.debugf("Authentication required for %s: no bearer token", uri.getPath());
        return unauthorized(uri, "Bearer", "The bearer token is missing, invalid or expired.");
    }

    /**
     * POST /api/v1/auth/token: the same answer whether the email is unknown, the password wrong, or the email locked;
     * /refresh: the same answer whether the token is unknown, expired, reused or its account locked.
     */
    @ServerExceptionMapper
    public Response credentialsRefused(CredentialsRefused failure, UriInfo uri) {
        return unauthorized(uri, "Bearer", failure.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure, UriInfo uri) {
        return Problem.of(Status.FORBIDDEN, "You may not do this.")
                .withInstance(uri.getPath())
                .toResponse();
    }

    /** The database could not say whether the token's user exists: a 503 while it is away, never a 401. */
    @ServerExceptionMapper
    public Response lookupFailed(RegisteredUsers.CallerLookupFailed failure, UriInfo uri) {
        if (DatabaseUnavailable.isCause(failure)) {
            return DatabaseUnavailableResponse.of(failure, uri);
        }
        LOG.error("Could not look up the caller for " + uri.getPath(), failure);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred.")
                .withInstance(uri.getPath())
                .toResponse();
    }

    private static Response unauthorized(UriInfo uri, String challenge, String detail) {
        Response problem = Problem.of(Status.UNAUTHORIZED, detail)
                .withInstance(uri.getPath())
                .toResponse();
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    /** Why a token was refused, in words that hold no part of it: jose4j's own messages quote the claims. */
    static String reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith(REASON)) {
                return cause.getMessage().substring(REASON.length());
            }
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "the token has expired";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "the token is from another issuer";
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "the token is for another audience, or for none";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "the token's signature does not verify";
                }
                for (Throwable inner = invalid.getCause(); inner != null; inner = inner.getCause()) {
                    if (inner instanceof InvalidAlgorithmException) {
                        return "the token's algorithm is not allowed (alg none, or not RS256)";
                    }
                }
                return "the token is invalid (jose4j error codes "
                        + invalid.getErrorDetails().stream()
                                .map(detail -> String.valueOf(detail.getErrorCode()))
                                .toList()
                        + ")";
            }
        }
        return "the token could not be verified (" + failure.getClass().getSimpleName()
                + (failure.getCause() == null
                        ? ""
                        : ", caused by " + failure.getCause().getClass().getSimpleName()) + ")";
    }
}
