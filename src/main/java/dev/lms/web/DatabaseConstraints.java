package dev.lms.web;

import java.util.List;

/**
 * Implemented by one {@code @ApplicationScoped} bean per feature, next to its entity, to say what its tables'
 * constraints mean to a client. A constraint nobody describes still maps to the right status, with a generic message.
 */
public interface DatabaseConstraints {

    List<ConstraintRule> rules();

    /** The maximum length of each text column of the feature's tables (see {@link TextLimit}). */
    default List<TextLimit> textLimits() {
        return List.of();
    }
}
