package dev.lms.crud;

import java.util.Set;

/**
 * The versions of a row a write may apply to, as the client named them (in HTTP, the {@code If-Match} header, which
 * {@code dev.lms.web.IfMatch} parses). No versions means any version will do.
 */
@FunctionalInterface
public interface ExpectedVersion {

    ExpectedVersion ANY = Set::of;

    /** The versions named; empty when any version will do. */
    Set<Long> versions();

    default boolean isAny() {
        return versions().isEmpty();
    }

    default boolean matches(long version) {
        return isAny() || versions().contains(version);
    }

    /** @throws Refusal stale when the row's current version is not one the client named */
    default void check(long currentVersion) {
        if (!matches(currentVersion)) {
            throw Refusal.stale(currentVersion);
        }
    }
}
