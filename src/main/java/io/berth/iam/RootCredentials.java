package io.berth.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.edge.json.JsonCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The account root's long-term access key: made at first start and kept, readable by its
 * owner only, in the data directory — or fixed by configuration (for CI).
 */
public record RootCredentials(String accessKeyId, String secretAccessKey) {

    public static final String FILE = "root-credentials.json";

    /** Reads the stored pair, creating it on first use. */
    public static RootCredentials loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return read(file);
        }
        IamIds ids = IamIds.random();
        RootCredentials created = new RootCredentials(ids.accessKeyId(), ids.secretAccessKey());
        Files.createDirectories(dataDir);
        Path temporary = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temporary, JsonCodec.mapper().writeValueAsBytes(Map.of(
                "accessKeyId", created.accessKeyId(), "secretAccessKey", created.secretAccessKey())),
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return created;
    }

    public static RootCredentials read(Path file) throws IOException {
        JsonNode json = JsonCodec.mapper().readTree(file.toFile());
        return new RootCredentials(json.path("accessKeyId").asText(), json.path("secretAccessKey").asText());
    }
}
