package io.berth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** The id of one Berth installation (one data directory), made at first start and kept. */
final class InstanceId {

    private static final String FILE = "instance-id";

    private InstanceId() {
    }

    static String loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String id = UUID.randomUUID().toString();
        Path temporary = dataDir.resolve(FILE + ".tmp");
        Files.writeString(temporary, id, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }
}
