package dev.lms.web;

/** The rule for the URL fields of requests (a thumbnail, a file): http or https, and no white space. */
public final class HttpUrl {

    /** For Bean Validation, which matches the whole value. */
    public static final String PATTERN = "(?i)https?://\\S+";

    /**
     * The same rule in the API description. JSON Schema patterns are ECMA-262, which has no inline {@code (?i)} flag
     * (a client validating with it would fail on the pattern itself), and they match anywhere in the value.
     */
    public static final String SCHEMA_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://\\S+$";

    public static final String MESSAGE = "must be an http or https URL";

    private HttpUrl() {}
}
