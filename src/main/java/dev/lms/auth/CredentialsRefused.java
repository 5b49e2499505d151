package dev.lms.auth;

/** An email and password that do not earn a token; {@link AuthenticationFailures} answers 401. */
public class CredentialsRefused extends RuntimeException {

    CredentialsRefused() {
        super("The email or password is wrong.", null, false, false);
    }
}
