package dev.jgrad.spark;

import dev.jgrad.Torch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Training state as the bytes of a PyTorch checkpoint file ({@code Torch.save}): how a state dict travels
 * between the driver and the workers, so no jgrad type needs to be {@code java.io.Serializable}.
 */
final class StateBytes {
    private StateBytes() {}

    static byte[] write(Map<String, Object> state) {
        Path file = null;
        try {
            file = Files.createTempFile("jgrad-spark-", ".pt");
            Torch.save(state, file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("jgrad-spark-", ".pt");
            Files.write(file, bytes);
            return (Map<String, Object>) Torch.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless; the state itself was read or written
        }
    }
}
