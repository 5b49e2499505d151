package dev.lms.persistence;

import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A WHERE clause built from conditions that must hold (a scope, an id) and optional filters (a list's query
 * parameters, left out when absent):
 * <pre>{@code
 * Where where = policy.readable().and("id = :id", "id", id);
 * Where where = new Where().andIfPresent("role = :role", "role", role).andIfPresent("email = :email", "email", email);
 * User.find(where.query(), sort, where.parameters())
 * }</pre>
 * A condition that must hold refuses a null value rather than dropping it: a scope without its caller id would widen
 * the query to every row. Values are always bound as parameters, never concatenated.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /**
     * Adds {@code condition}, which uses the named parameter {@code :name}.
     *
     * @throws NullPointerException when {@code value} is null
     */
    public Where and(String condition, String name, Object value) {
        Objects.requireNonNull(value, () -> "No value for :" + name + " in a condition that must hold: " + condition);
        conditions.add(condition);
        parameters.and(name, value);
        return this;
    }

    /** Adds {@code condition}, which uses the named parameter {@code :name}, unless {@code value} is null. */
    public Where andIfPresent(String condition, String name, Object value) {
        return value == null ? this : and(condition, name, value);
    }

    /** The conditions joined with AND; Panache reads an empty query as "every row". */
    public String query() {
        return String.join(" and ", conditions);
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Binds the parameters to a query written by hand around {@link #query()}, such as a nested list's count. */
    public <Q extends Query> Q bind(Q query) {
        parameters.map().forEach(query::setParameter);
        return query;
    }
}
