package dev.lms.persistence;

/** One term of an ORDER BY: an attribute of the listed entity, ascending unless {@code descending}. */
public record OrderBy(String attribute, boolean descending) {

    public static OrderBy asc(String attribute) {
        return new OrderBy(attribute, false);
    }

    public static OrderBy desc(String attribute) {
        return new OrderBy(attribute, true);
    }
}
