package dev.lms.persistence;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * A condition on rows of {@code E}, written with JPA criteria over the static metamodel ({@code Course_},
 * {@code Enrollment_}, generated at compile time), so that a misspelt attribute or a value of the wrong type fails the
 * build rather than a request:
 * <pre>{@code
 * Condition<Course> where = policy.readable()
 *         .and(Condition.equalIfPresent(course -> course.get(Course_.semester), semester));
 * }</pre>
 * A condition that must hold refuses a null value rather than dropping it: a scope without its caller id would widen
 * the query to every row. Values are always bound as parameters, never concatenated.
 */
@FunctionalInterface
public interface Condition<E> {

    /**
     * The predicate on {@code row}, a root or a join of the query; {@code query} is there for the subqueries a scope
     * needs.
     */
    Predicate on(From<?, E> row, CommonAbstractCriteria query, HibernateCriteriaBuilder builder);

    /** Every row. */
    @SuppressWarnings("unchecked")
    static <E> Condition<E> all() {
        return (Condition<E>) Every.ROW;
    }

    /** Both conditions; {@link #all()} on either side leaves the other as it is, so that no {@code 1=1} piles up. */
    default Condition<E> and(Condition<E> other) {
        if (this == Every.ROW) {
            return other;
        }
        if (other == Every.ROW) {
            return this;
        }
        return (row, query, builder) -> builder.and(on(row, query, builder), other.on(row, query, builder));
    }

    /**
     * The rows whose {@code property} equals {@code value}.
     *
     * @throws NullPointerException when {@code value} is null
     */
    static <E, V> Condition<E> equal(Property<E, V> property, V value) {
        Objects.requireNonNull(value, "No value for a condition that must hold");
        return (row, query, builder) -> builder.equal(property.of(row), value);
    }

    /** The rows whose {@code property} equals {@code value}; every row when {@code value} is null (a list's filter). */
    static <E, V> Condition<E> equalIfPresent(Property<E, V> property, V value) {
        return value == null ? all() : equal(property, value);
    }

    /** The condition made from {@code value}; every row when it is null (a list's filter). */
    static <E, V> Condition<E> ifPresent(V value, Function<V, Condition<E>> condition) {
        return value == null ? all() : condition.apply(value);
    }

    /** Holds the one instance of {@link #all()}. */
    final class Every {
        static final Condition<Object> ROW = (row, query, builder) -> builder.conjunction();

        private Every() {}
    }
}
