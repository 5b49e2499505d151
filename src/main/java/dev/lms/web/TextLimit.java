package dev.lms.web;

/**
 * The longest value one text column holds, in characters. The number is declared once, as a constant in the feature's
 * {@link DatabaseConstraints} class; the request record's {@code @Size(max = ...)} uses that constant, and the
 * migration's {@code CHECK (char_length(column) <= n)} is compared with it by {@code TextLimitsMatchTheCatalogTest}
 * (SQL cannot read Java, so the test keeps the two honest).
 * <p>
 * Why every text column has one: PostgreSQL would store a gigabyte, but a unique key's btree entry must fit in about
 * 2,700 bytes (a longer one is a 54000 error), and nobody means to store a 9 MB announcement.
 *
 * @param table  the table, as in the migrations
 * @param column the column
 * @param field  the request field a client sets it through (null for a column only the server writes)
 * @param max    the most characters (code points, as {@code char_length} counts them) it holds
 */
public record TextLimit(String table, String column, String field, int max) {

    /** The CHECK constraint's name in the migrations (V3). */
    public String constraint() {
        return table + "_" + column + "_length";
    }

    /** What a violation that slipped past validation means to a client: a 400 on the field. */
    public ConstraintRule rule() {
        return ConstraintRule.check(constraint(), field, "must be at most " + max + " characters");
    }
}
