package io.berth.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.edge.json.JsonCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The account root's long-term access key: made at first start and kept, readable by its
 * owner only, in the data directory — or fixed by configuration (for CI).
 */
public record RootCredentials(String accessKeyId, String secretAccessKey) {

    public static final String FILE = "root-credentials.json";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** Reads the stored pair, creating it on first use. */
    public static RootCredentials loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return read(file);
        }
        RootCredentials created = new RootCredentials("AKIA" + random(KEY_ALPHABET, 16), random(SECRET_ALPHABET, 40));
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

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
