package dev.lms.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.List;
import java.util.Optional;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/** Criteria queries built from {@link Condition}s, run on the transaction's session. */
public final class Queries {

    private Queries() {}

    /** The rows of {@code type} that satisfy {@code where}, in {@code order}, with the associations in {@code fetch}. */
    @SafeVarargs
    public static <E> SelectionQuery<E> select(
            Class<E> type, Condition<E> where, List<OrderBy> order, SingularAttribute<? super E, ?>... fetch) {
        HibernateCriteriaBuilder builder = builder();
        CriteriaQuery<E> query = builder.createQuery(type);
        Root<E> row = query.from(type);
        for (SingularAttribute<? super E, ?> association : fetch) {
            row.fetch(association);
        }
        restrict(query, where, row, builder);
        query.orderBy(order.stream()
                .<Order>map(term -> term.descending()
                        ? builder.desc(row.get(term.attribute()))
                        : builder.asc(row.get(term.attribute())))
                .toList());
        return Panache.getSession().createSelectionQuery(query);
    }

    public static <E> long count(Class<E> type, Condition<E> where) {
        HibernateCriteriaBuilder builder = builder();
        CriteriaQuery<Long> query = builder.createQuery(Long.class);
        Root<E> row = query.from(type);
        restrict(query.select(builder.count(row)), where, row, builder);
        return Panache.getSession().createSelectionQuery(query).getSingleResult();
    }

    /**
     * How many rows of {@code childType} belong to the parent that {@code parent} selects (by its id) and that
     * {@code children} lets through, counted in the one statement that also proves the parent exists within its
     * condition: empty when it does not. A nested list ({@code /courses/{id}/enrollments}) tells a 404 from an empty
     * page this way without a statement of its own.
     */
    public static <P extends AuditedEntity, C> Optional<Long> countUnder(
            Class<P> parentType,
            Condition<P> parent,
            Class<C> childType,
            SingularAttribute<? super C, P> link,
            Condition<C> children) {
        HibernateCriteriaBuilder builder = builder();
        CriteriaQuery<Long> query = builder.createQuery(Long.class);
        Root<P> parentRow = query.from(parentType);
        Subquery<Long> count = query.subquery(Long.class);
        Root<C> child = count.from(childType);
        Condition<C> underParent = (row, subquery, criteria) ->
                criteria.equal(row.get(link).get(AuditedEntity_.id), parentRow.get(AuditedEntity_.id));
        count.select(builder.count(child)).where(underParent.and(children).on(child, count, builder));
        restrict(query.select(count), parent, parentRow, builder);
        return Panache.getSession().createSelectionQuery(query).uniqueResultOptional();
    }

    /** Adds {@code condition} as the query's WHERE, unless it lets every row through: no {@code 1=1} in the SQL. */
    private static <E> void restrict(
            CriteriaQuery<?> query, Condition<E> condition, Root<E> row, HibernateCriteriaBuilder builder) {
        if (condition != Condition.all()) {
            query.where(condition.on(row, query, builder));
        }
    }

    private static HibernateCriteriaBuilder builder() {
        return Panache.getSession().getCriteriaBuilder();
    }
}
