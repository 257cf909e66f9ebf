package io.berth.runtime.docker;

import io.berth.runtime.ContainerRuntime.LogLine;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Log lines from docker-java's pieces: whole at their newline, however the pieces cut them. */
class LogFramesTest {

    private static final String AT = "2026-12-03T09:55:12.664012290Z";

    @Test
    void aLongLineInPiecesOfOneKibibyteIsOneLine() {
        String text = "TASK " + "a".repeat(3000);
        byte[] frame = (AT + " " + text + "\n" + AT + " DONE\n").getBytes(StandardCharsets.UTF_8);
        LogFrames frames = new LogFrames();

        List<LogLine> lines = new java.util.ArrayList<>();
        for (int from = 0; from < frame.length; from += 1024) {
            lines.addAll(frames.accept(Arrays.copyOfRange(frame, from, Math.min(frame.length, from + 1024))));
        }

        assertThat(lines).containsExactly(new LogLine(Instant.parse(AT), text), new LogLine(Instant.parse(AT), "DONE"));
        assertThat(frames.finish()).isEmpty();
    }

    @Test
    void aCharacterCutBetweenPiecesIsJoinedWhole() {
        byte[] frame = (AT + " é\n").getBytes(StandardCharsets.UTF_8);
        int cut = frame.length - 2;
        LogFrames frames = new LogFrames();

        assertThat(frames.accept(Arrays.copyOfRange(frame, 0, cut))).isEmpty();
        assertThat(frames.accept(Arrays.copyOfRange(frame, cut, frame.length)))
                .containsExactly(new LogLine(Instant.parse(AT), "é"));
    }

    @Test
    void aLastLineWithoutNewlineComesAtTheEnd() {
        LogFrames frames = new LogFrames();

        assertThat(frames.accept((AT + " one\n" + AT + " two").getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new LogLine(Instant.parse(AT), "one"));
        assertThat(frames.finish()).containsExactly(new LogLine(Instant.parse(AT), "two"));
    }
}
