package dev.lms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lms.crud.Refusal;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void anAbsentHeaderOrAStarMatchesAnyVersion() {
        assertThat(IfMatch.valueOf(null).matches(7)).isTrue();
        assertThat(IfMatch.valueOf("*").matches(7)).isTrue();
    }

    @Test
    void aHeaderSentEmptyIsRefusedRatherThanReadAsAnyVersion() {
        assertThatThrownBy(() -> IfMatch.valueOf("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IfMatch.valueOf("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListMatchesAnyOfItsVersions() {
        IfMatch ifMatch = IfMatch.valueOf("\"3\", \"5\"");

        assertThat(ifMatch.matches(3)).isTrue();
        assertThat(ifMatch.matches(5)).isTrue();
        assertThat(ifMatch.matches(4)).isFalse();
    }

    @Test
    void weakTagsAndTagsWeNeverIssuedMatchNothing() {
        assertThat(IfMatch.valueOf("W/\"3\"").matches(3)).isFalse();
        assertThat(IfMatch.valueOf("\"abc\"").matches(0)).isFalse();
        assertThat(IfMatch.valueOf("\"abc\"").isAny()).isFalse();
    }

    @Test
    void aValueThatIsNotAnEntityTagIsRefused() {
        assertThatThrownBy(() -> IfMatch.valueOf("3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMismatchIs412() {
        assertThatThrownBy(() -> IfMatch.valueOf("\"1\"").check(2))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        e -> assertThat(ProblemException.of(e).problem().status())
                                .isEqualTo(412));
    }
}
