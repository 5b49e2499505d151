package dev.lms.web;

import jakarta.ws.rs.core.Response;

/**
 * What a named database constraint means to an API client: which request field it is about, and what to tell them
 * when the database refuses a write because of it. Each feature lists the rules of its own tables in a
 * {@link DatabaseConstraints} bean; {@link DatabaseErrorMapper} turns a violation into the matching problem.
 *
 * @param constraint the constraint's (or unique index's) name in the migrations
 * @param field      the request field it concerns, as the client spells it
 * @param message    for a unique or check constraint: why the value was refused; for a foreign key: the referenced
 *                   row does not exist (422)
 * @param whenStillReferenced for a foreign key with ON DELETE RESTRICT: why the referenced row cannot be deleted (409)
 * @param crossRowStatus for a rule spanning rows (a trigger of V6 raising check_violation): the status it answers,
 *                       which is not the 400 of a value refused on its own; null for every other rule
 */
public record ConstraintRule(
        String constraint,
        String field,
        String message,
        String whenStillReferenced,
        Response.StatusType crossRowStatus) {

    public ConstraintRule(String constraint, String field, String message, String whenStillReferenced) {
        this(constraint, field, message, whenStillReferenced, null);
    }

    /** A unique key: a duplicate is a 409. */
    public static ConstraintRule unique(String constraint, String field, String message) {
        return new ConstraintRule(constraint, field, message, null);
    }

    /** A foreign key: a dangling reference is a 422; deleting a row still referenced (RESTRICT) is a 409. */
    public static ConstraintRule foreignKey(
            String constraint, String field, String message, String whenStillReferenced) {
        return new ConstraintRule(constraint, field, message, whenStillReferenced);
    }

    /** A check constraint: normally Bean Validation refuses first; if not, it is still a 400 on that field. */
    public static ConstraintRule check(String constraint, String field, String message) {
        return new ConstraintRule(constraint, field, message, null);
    }

    /**
     * A rule that spans rows, kept by a trigger that raises check_violation under this name: the write is refused
     * because of other rows, so it is a 409 (the other rows' state) or a 422 (what the request refers to), not a 400.
     */
    public static ConstraintRule crossRow(String constraint, String field, Response.StatusType status, String message) {
        return new ConstraintRule(constraint, field, message, null, status);
    }
}
