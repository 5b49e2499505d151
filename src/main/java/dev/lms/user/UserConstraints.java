package dev.lms.user;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the users table's constraints (V1) mean to a client. */
@ApplicationScoped
public class UserConstraints implements DatabaseConstraints {

    /** RFC 5321's longest usable address; far below the unique index's entry limit. */
    public static final int EMAIL_MAX = 254;

    public static final int NAME_MAX = 200;
    /** Not a column: only its bcrypt hash is stored. */
    public static final int PASSWORD_MAX = 128;
    /** A bcrypt hash is 60 characters; room for a stronger algorithm's. */
    static final int PASSWORD_HASH_MAX = 255;

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                // A unique index on lower(email): Alice@x.org and alice@x.org are one account.
                ConstraintRule.unique(
                        "users_email_key",
                        "email",
                        "A user with this email already exists (emails are compared ignoring case)."),
                ConstraintRule.check("users_email_not_blank", "email", "must not be blank"),
                ConstraintRule.check("users_name_not_blank", "name", "must not be blank"));
    }

    @Override
    public List<TextLimit> textLimits() {
        return List.of(
                new TextLimit("users", "email", "email", EMAIL_MAX),
                new TextLimit("users", "name", "name", NAME_MAX),
                new TextLimit("users", "password_hash", null, PASSWORD_HASH_MAX));
    }
}
