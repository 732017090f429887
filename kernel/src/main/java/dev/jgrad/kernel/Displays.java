package dev.jgrad.kernel;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns a cell's value into Jupyter display data: XChart charts and images become image/png (with a short
 * text/plain for consoles), everything else, tensors included, becomes its {@code toString()} as text/plain.
 */
final class Displays {
    private Displays() {}

    static DisplayData of(Object value) {
        if (value instanceof DisplayData data) return data;
        if (value instanceof Chart<?, ?> chart) {
            return png(pngBytes(chart), "<" + chart.getClass().getSimpleName() + " " + chart.getWidth() + "x" + chart.getHeight() + ">");
        }
        if (value instanceof RenderedImage image) {
            return png(pngBytes(image), "<" + image.getClass().getSimpleName() + " " + image.getWidth() + "x" + image.getHeight() + ">");
        }
        return new DisplayData(text(value));
    }

    /** JShell's way of writing a value: strings and characters quoted, the rest by toString(). */
    static String text(Object value) {
        if (value instanceof String s) return '"' + s + '"';
        if (value instanceof Character c) return "'" + c + "'";
        return String.valueOf(value);
    }

    static byte[] pngBytes(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pngBytes(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static DisplayData png(byte[] bytes, String text) {
        DisplayData data = new DisplayData(text);
        data.putData("image/png", Base64.getEncoder().encodeToString(bytes));
        return data;
    }
}
