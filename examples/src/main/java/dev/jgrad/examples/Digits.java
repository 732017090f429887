package dev.jgrad.examples;

import dev.jgrad.Tensor;
import dev.jgrad.io.Npy;
import dev.jgrad.nn.functional.F;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The digits the MNIST ports train on, as tools/fixtures/examples/digits.py makes them: scikit-learn's 8x8
 * digits (shipped in resources/data/digits.npz) scaled to [0, 1], resized to 28x28 bilinearly and normalised
 * with MNIST's mean and std; the first 1437 train, the other 360 test.
 */
final class Digits {
    static final int TRAIN = 1437;

    /** {train images (N, 1, 28, 28), train labels, test images, test labels}. */
    static Tensor[] load(boolean normalize) {
        Map<String, Tensor> d = npz();
        Tensor images = d.get("images").toFloat().div(16.0).unsqueeze(1);
        images = F.interpolate(images, new int[] {28, 28}, "bilinear", false);
        if (normalize) images = images.sub(0.1307).div(0.3081);
        Tensor labels = d.get("labels");
        long n = images.size(0);
        return new Tensor[] {images.narrow(0, 0, TRAIN), labels.narrow(0, 0, TRAIN), images.narrow(0, TRAIN, n - TRAIN),
            labels.narrow(0, TRAIN, n - TRAIN)};
    }

    private static Map<String, Tensor> npz() {
        try (InputStream in = Digits.class.getResourceAsStream("/data/digits.npz")) {
            if (in == null) throw new IllegalStateException("data/digits.npz is missing from the examples' resources");
            Path tmp = Files.createTempFile("digits", ".npz");
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return Npy.loadNpz(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Digits() {}
}
