package io.berth.runtime.docker;

import io.berth.runtime.RuntimeUnavailableException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The image of task sandboxes, made on this machine rather than pulled: a root file system
 * holding only a static busybox (Debian's busybox-static), whose {@code sleep} holds the task's
 * namespaces open.
 */
final class SandboxImage {

    static final String REPOSITORY = "berth/sandbox";
    static final String TAG = "1";
    static final String REFERENCE = REPOSITORY + ":" + TAG;
    static final List<String> COMMAND = List.of("/bin/sleep", "2147483647");

    private static final List<Path> BUSYBOX = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"));

    private SandboxImage() {
    }

    /** The image as a tar root file system, ready for a Docker import. */
    static byte[] rootFileSystem() {
        Path busybox = BUSYBOX.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new RuntimeUnavailableException(
                        "no static busybox to build the task sandbox image from: apt-get install busybox-static", null));
        try {
            byte[] binary = Files.readAllBytes(busybox);
            ByteArrayOutputStream out = new ByteArrayOutputStream(binary.length + 4096);
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                TarArchiveEntry bin = new TarArchiveEntry("bin/");
                bin.setMode(0755);
                tar.putArchiveEntry(bin);
                tar.closeArchiveEntry();
                TarArchiveEntry file = new TarArchiveEntry("bin/busybox");
                file.setMode(0755);
                file.setSize(binary.length);
                tar.putArchiveEntry(file);
                tar.write(binary);
                tar.closeArchiveEntry();
                TarArchiveEntry sleep = new TarArchiveEntry("bin/sleep", TarArchiveEntry.LF_SYMLINK);
                sleep.setLinkName("busybox");
                tar.putArchiveEntry(sleep);
                tar.closeArchiveEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new RuntimeUnavailableException("cannot read " + busybox + ": " + e.getMessage(), e);
        }
    }
}
