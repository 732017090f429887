package dev.jgrad.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file only once its new contents are complete and on disk: the writers fill a temp file beside
 * the target, force it to the device, then rename it over the target. A failure at any point (an
 * unsavable value, a full disk, a killed process) leaves the old file as it was; the temp file is removed
 * unless the process itself dies.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** What fills the temp file; it may throw anything, and the target is then left untouched. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    static void write(Path path, Body body) throws IOException {
        Path target = path.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();  // replace the file the link names, keeping the link
            } catch (IOException dangling) {
                // a link to nothing: replace the link itself
            }
        }
        Path temp = createTemp(target);
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                // a body may close its stream (ZipOutputStream does); the channel must stay open for force()
                body.write(new FilterOutputStream(out) {
                    @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

                    @Override public void close() throws IOException { out.flush(); }
                });
                out.flush();
                ch.force(true);
            }
            keepPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // a file system without atomic rename: replacing is still better than writing in place
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            syncDirectory(target.getParent());
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the failure that got us here matters more than a leftover temp file
                }
            }
        }
    }

    /** A fresh file beside the target (same file system, so the final move is a rename), with the usual permissions. */
    private static Path createTemp(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** A replaced file keeps its permissions: a private checkpoint must not become world-readable by being saved again. */
    private static void keepPermissions(Path target, Path temp) {
        try {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        } catch (IOException | UnsupportedOperationException ignored) {
            // no previous file, or a file system without POSIX permissions: the new file has the usual ones
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; the file's own contents were already forced
        }
    }
}
