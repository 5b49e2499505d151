package dev.lms.schema;

import org.hibernate.annotations.OnDeleteAction;

/** A foreign key's ON DELETE rule, as PostgreSQL stores it in {@code pg_constraint.confdeltype}. */
public enum DeleteRule {
    NO_ACTION('a', OnDeleteAction.NO_ACTION),
    RESTRICT('r', OnDeleteAction.RESTRICT),
    CASCADE('c', OnDeleteAction.CASCADE),
    SET_NULL('n', OnDeleteAction.SET_NULL),
    SET_DEFAULT('d', OnDeleteAction.SET_DEFAULT);

    private final char catalogCode;
    private final OnDeleteAction hibernateAction;

    DeleteRule(char catalogCode, OnDeleteAction hibernateAction) {
        this.catalogCode = catalogCode;
        this.hibernateAction = hibernateAction;
    }

    public static DeleteRule fromCatalogCode(String code) {
        for (DeleteRule rule : values()) {
            if (code != null && code.length() == 1 && rule.catalogCode == code.charAt(0)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("Unknown confdeltype " + code);
    }

    public OnDeleteAction hibernateAction() {
        return hibernateAction;
    }

    /** As SQL spells it: {@code SET NULL}, not {@code SET_NULL}. */
    public String sql() {
        return name().replace('_', ' ');
    }
}
