package dev.lms.web;

import dev.lms.crud.ExpectedVersion;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code If-Match} request header, against an entity's version (our ETags are the version, quoted).
 * Resources take it as {@code @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch} and pass it to
 * services as the {@link ExpectedVersion} it is.
 */
// Described as the header's text, not as this class's fields, which clients never see.
@Schema(
        type = SchemaType.STRING,
        description = "* (any version), or the ETag of the version the client read, such as \"3\".",
        examples = "\"3\"")
public final class IfMatch implements ExpectedVersion {

    public static final IfMatch ANY = new IfMatch(Set.of());

    static final String MALFORMED = "If-Match must be * or a list of quoted entity tags";

    private final Set<Long> versions;

    private IfMatch(Set<Long> versions) {
        this.versions = versions;
    }

    /**
     * Parses the header (RFC 9110 section 13.1.1): {@code *}, or a list of entity tags. If-Match compares strongly,
     * so a weak tag ({@code W/"3"}) or a tag that is not one of our versions matches nothing. JAX-RS calls this.
     *
     * @throws IllegalArgumentException for a value that is not an entity tag at all (JAX-RS answers 400)
     */
    public static IfMatch valueOf(String header) {
        if (header == null || header.strip().equals("*")) {
            return ANY;
        }
        if (header.isBlank()) {
            // Sent, but naming no tag (an unset variable in a client, say): never "any version", or a client that
            // meant to be careful would overwrite blindly. JAX-RS never gets here with it: see EmptyIfMatch.
            throw new IllegalArgumentException(MALFORMED);
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : header.split(",")) {
            String value = tag.strip();
            boolean weak = value.startsWith("W/");
            if (weak) {
                value = value.substring(2);
            }
            if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
                throw new IllegalArgumentException(MALFORMED);
            }
            if (!weak) {
                try {
                    versions.add(Long.parseLong(value.substring(1, value.length() - 1)));
                } catch (NumberFormatException notOurs) {
                    // A well-formed tag we never issued: it matches no version.
                }
            }
        }
        // A header that lists only tags we never issued must not read as "any": it matches nothing.
        return versions.isEmpty() ? new IfMatch(Set.of(Long.MIN_VALUE)) : new IfMatch(Set.copyOf(versions));
    }

    @Override
    public Set<Long> versions() {
        return versions;
    }
}
