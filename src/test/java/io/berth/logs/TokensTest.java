package io.berth.logs;

import io.berth.edge.AwsException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokensTest {

    private static final EventKey KEY = new EventKey(1_700_000_000_123L, 42);

    @Test
    void eventPositionsLookLikeAwsTokens() {
        assertThat(Tokens.forward(KEY)).matches("f/\\d{56}").endsWith("17000000001230000000042");
        assertThat(Tokens.backward(KEY)).matches("b/\\d{56}");
        assertThat(Tokens.eventId(KEY)).matches("\\d{56}");
    }

    @Test
    void forwardAndBackwardTokensRoundTrip() {
        assertThat(Tokens.position(Tokens.forward(KEY))).isEqualTo(new Tokens.Position(true, KEY));
        assertThat(Tokens.position(Tokens.backward(KEY))).isEqualTo(new Tokens.Position(false, KEY));
        assertThat(Tokens.filterResume(Tokens.filter(KEY))).isEqualTo(KEY);
    }

    @Test
    void aTokenReadBackIsWrittenTheSameSoAnEmptyPageEchoesItExactly() {
        String token = Tokens.forward(KEY);
        assertThat(Tokens.forward(Tokens.position(token).gap())).isEqualTo(token);
    }

    @Test
    void malformedEventTokensAreInvalidParameters() {
        String zeros = "0".repeat(56);
        for (String token : List.of("", "f/", "x/" + zeros, "f/" + zeros.substring(1), "f/" + zeros + "0",
                "f/1" + zeros.substring(1), "f/" + zeros.substring(1) + "a", "b/not-a-token")) {
            assertThatThrownBy(() -> Tokens.position(token)).as(token)
                    .isInstanceOf(AwsException.class).hasMessage("The specified nextToken is invalid.");
        }
    }

    @Test
    void pageTokensRoundTripAnyId() {
        String id = "group stream with spaces/ünïcödé 😀";
        assertThat(Tokens.pageResume(Tokens.page(id))).isEqualTo(id);
        assertThat(Tokens.pageResume(null)).isNull();
        assertThatThrownBy(() -> Tokens.pageResume("not base64!"))
                .isInstanceOf(AwsException.class).hasMessage("The specified nextToken is invalid.");
    }

    @Test
    void sequenceTokensGrowWithUploads() {
        assertThat(Tokens.sequence(1)).matches("0{55}1");
        assertThat(Tokens.sequence(12)).isNotEqualTo(Tokens.sequence(11));
    }

    @Test
    void eventKeyIdsSortAsKeysDo() {
        EventKey a = new EventKey(5, 9_999_999_999L);
        EventKey b = new EventKey(6, 0);
        EventKey c = new EventKey(10, 1);
        assertThat(a.id().compareTo(b.id())).isNegative();
        assertThat(b.id().compareTo(c.id())).isNegative();
        assertThat(a.compareTo(b)).isNegative();
        assertThat(EventKey.ofId(c.id())).isEqualTo(c);
    }

    @Test
    void eventKeysStepAcrossTimestamps() {
        assertThat(new EventKey(5, 9_999_999_999L).next()).isEqualTo(new EventKey(6, 0));
        assertThat(new EventKey(6, 0).previous()).contains(new EventKey(5, 9_999_999_999L));
        assertThat(new EventKey(0, 0).previous()).isEmpty();
        assertThat(new EventKey(EventKey.MAX_TIMESTAMP, EventKey.MAX_SEQUENCE).next())
                .isEqualTo(new EventKey(EventKey.MAX_TIMESTAMP, EventKey.MAX_SEQUENCE));
    }

    @Test
    void eventKeysRefuseWhatTheirIdsCannotHold() {
        assertThatThrownBy(() -> new EventKey(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventKey(EventKey.MAX_TIMESTAMP + 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventKey(0, EventKey.MAX_SEQUENCE + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
