package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatchSizeTests {

    @ParameterizedTest
    @MethodSource("queueKeys")
    void fromQueueKeyReturnsNOfFirstTeamSizeSegmentOrOne(String queueKey, int expected) {
        assertThat(MatchSize.fromQueueKey(queueKey)).isEqualTo(expected);
    }

    static Stream<Arguments> queueKeys() {
        return Stream.of(
                argumentSet("n v m segment", "hero-defense:3v3", 3),
                argumentSet("two versus two", "ranked:2v2", 2),
                argumentSet("no numeric segment means one", "standard:asia", 1),
                argumentSet("bare number segment", "ranked:4", 4),
                argumentSet("first segment counts", "5v5:eu", 5),
                argumentSet("later segment counts", "mode:abc:7", 7),
                argumentSet("only n is used from n v m", "duel:1v4", 1),
                argumentSet("first qualifying segment wins", "x:2:3v3", 2),
                argumentSet("bare zero is skipped", "mode:0:3", 3),
                argumentSet("zero v zero is skipped", "mode:0v0:6v6", 6),
                argumentSet("only zeros means one", "mode:0:0v0", 1),
                argumentSet("four digits count", "huge:9999", 9999),
                argumentSet("five digits do not count", "id:12345:2", 2),
                argumentSet("five digit m does not count", "odd:2v12345:3", 3),
                argumentSet("leading zeros are read as decimal", "mode:03", 3),
                argumentSet("digits inside a word do not count", "season7:eu", 1),
                argumentSet("segment with a suffix does not count", "mode:3v3x", 1),
                argumentSet("missing m does not count", "mode:3v", 1),
                argumentSet("upper case V does not count", "mode:3V3", 1),
                argumentSet("negative does not count", "mode:-3", 1),
                argumentSet("spaces do not count", "mode: 3", 1),
                argumentSet("non ascii digits do not count", "mode:\u0663", 1),
                argumentSet("empty segments are skipped", "::4", 4),
                argumentSet("whole key is a number", "8", 8),
                argumentSet("empty key means one", "", 1));
    }

    @Test
    void fromQueueKeyWhenNullThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> MatchSize.fromQueueKey(null));
    }
}
