package dev.lms.crud;

import dev.lms.persistence.Condition;

/**
 * Who may do what with one feature's rows: the scope of what the caller sees, and who of those who see a row may
 * change or delete it. Each feature writes its own, in one file that reads beside the README's permission table;
 * {@link Rows} applies it the same way in all ten. Rules about what a body may name (the course a row is written
 * into, an owner other than the caller) are the policy's too, as methods of its own.
 */
public interface Policy<E> {

    /** The rows the caller may see, in lists and reads alike. A row outside it is a 404, as if it did not exist. */
    Condition<E> readable();

    /** @throws Refusal forbidden when the caller sees {@code row} but may not change or delete it */
    void checkChange(E row);
}
