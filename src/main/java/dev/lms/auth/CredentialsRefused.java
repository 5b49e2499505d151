package dev.lms.auth;

/**
 * Credentials that do not earn a token: an email and password, a current password, or a refresh token.
 * {@link AuthenticationFailures} answers 401 with this detail, which never says which check failed.
 */
public class CredentialsRefused extends RuntimeException {

    static final String PASSWORD = "The email or password is wrong.";
    static final String REFRESH = "The refresh token is invalid, expired or already used; log in again.";

    CredentialsRefused() {
        this(PASSWORD);
    }

    CredentialsRefused(String detail) {
        super(detail, null, false, false);
    }
}
