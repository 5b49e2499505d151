package dev.lms.persistence;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;

/** A value reached from a row through the static metamodel, such as {@code a -> a.get(Assignment_.course).get(Course_.id)}. */
@FunctionalInterface
public interface Property<E, V> {

    Expression<V> of(From<?, E> row);
}
