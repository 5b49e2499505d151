package dev.lms.db;

/** A database URL that cannot be used. Its message is safe to log: it never contains the URL. */
public class InvalidDatabaseUrlException extends IllegalArgumentException {

    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
