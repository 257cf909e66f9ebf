package io.berth.runtime.docker;

import io.berth.runtime.ContainerRuntime.LogLine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Docker log frames asked for with timestamps: "RFC3339NANO text" per line. */
final class LogFrames {

    private LogFrames() {
    }

    static List<LogLine> lines(byte[] payload) {
        List<LogLine> lines = new ArrayList<>();
        for (String line : new String(payload, StandardCharsets.UTF_8).split("\n")) {
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
