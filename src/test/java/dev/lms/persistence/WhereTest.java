package dev.lms.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void aConditionThatMustHoldRefusesANullValueInsteadOfWideningTheQuery() {
        Where scope = new Where();

        assertThatThrownBy(() -> scope.and("course.id in (:caller)", "caller", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining(":caller");
        assertThat(scope.query()).isEmpty();
    }

    @Test
    void anAbsentFilterIsLeftOutAndAPresentOneIsBound() {
        UUID course = UUID.randomUUID();

        Where where = new Where()
                .and("course.id = :courseId", "courseId", course)
                .andIfPresent("author.id = :authorId", "authorId", null)
                .andIfPresent("type = :type", "type", "FILE");

        assertThat(where.query()).isEqualTo("course.id = :courseId and type = :type");
        assertThat(where.parameters().map()).isEqualTo(Map.of("courseId", course, "type", "FILE"));
    }
}
