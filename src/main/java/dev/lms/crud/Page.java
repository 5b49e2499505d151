package dev.lms.crud;

/**
 * Which page of a list the caller asked for: numbered from 1, its size, and the sort expression that a feature's
 * {@link Sorting} reads. The web layer binds it from the {@code page}, {@code size} and {@code sort} query parameters.
 */
public interface Page {

    int page();

    int size();

    /** Comma-separated fields, each with an optional leading '-'; null or blank for the default order. */
    String sort();

    /** How many rows come before this page. */
    default long offset() {
        return (long) (page() - 1) * size();
    }

    default boolean isSorted() {
        return sort() != null && !sort().isBlank();
    }
}
