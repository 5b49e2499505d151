package dev.lms.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lms.testing.Fixtures;
import dev.lms.user.User;
import dev.lms.user.User_;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConditionTest {

    @Inject
    DataSource dataSource;

    @Test
    void aConditionThatMustHoldRefusesANullValueInsteadOfWideningTheQuery() {
        assertThatThrownBy(() -> Condition.<User, UUID>equal(user -> user.get(User_.id), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditedEntity.withId(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anAbsentFilterIsLeftOutAndAPresentOneSelects() {
        UUID student = new Fixtures(dataSource).user("STUDENT");

        List<UUID> filtered = QuarkusTransaction.requiringNew().call(() -> {
            String email = User.<User>findById(student).email;
            return Queries.select(User.class, Condition.equalIfPresent(user -> user.get(User_.email), email), List.of())
                    .getResultList()
                    .stream()
                    .map(user -> user.id)
                    .toList();
        });
        long[] counts = QuarkusTransaction.requiringNew().call(() -> new long[] {
            User.count(), Queries.count(User.class, Condition.equalIfPresent(user -> user.get(User_.email), null))
        });

        assertThat(filtered).containsExactly(student);
        assertThat(counts[1]).isEqualTo(counts[0]);
    }
}
