package dev.lms.user;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the users table's constraints (V1) mean to a client. */
@ApplicationScoped
public class UserConstraints implements DatabaseConstraints {

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
}
