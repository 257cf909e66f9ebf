package io.berth.runtime.docker;

import io.berth.runtime.ContainerRuntime.LogLine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker log frames asked for with timestamps: "RFC3339NANO text" per line. docker-java hands a
 * long line over in pieces of at most 1 KiB, so a line is complete only at its newline: what
 * follows the last newline of a piece waits for the next (as bytes, so a character cut in two
 * is joined whole). One instance per followed stream; not thread-safe.
 */
final class LogFrames {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** The lines a piece completes. */
    List<LogLine> accept(byte[] payload) {
        int end = payload.length;
        while (end > 0 && payload[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            pending.writeBytes(payload);
            return List.of();
        }
        pending.write(payload, 0, end);
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        pending.write(payload, end, payload.length - end);
        return lines(text);
    }

    /** A last line the stream ended without a newline. */
    List<LogLine> finish() {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return lines(text);
    }

    private static List<LogLine> lines(String text) {
        List<LogLine> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            Instant timestamp = null;
            if (space > 0) {
                try {
                    timestamp = Instant.parse(line.substring(0, space));
                } catch (DateTimeParseException e) {
                    timestamp = null;
                }
            }
            lines.add(timestamp == null ? new LogLine(null, line)
                    : new LogLine(timestamp, line.substring(space + 1)));
        }
        return lines;
    }
}
