package dev.lms.persistence;

import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a filtered list, built from optional filters: a filter whose value is null is left out.
 * <pre>{@code
 * Where where = new Where().and("role = :role", "role", role).and("lower(email) = lower(:email)", "email", email);
 * User.find(where.query(), sort, where.parameters())
 * }</pre>
 * Values are always bound as parameters, never concatenated.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** Adds {@code condition}, which uses the named parameter {@code :name}, unless {@code value} is null. */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.and(name, value);
        }
        return this;
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
