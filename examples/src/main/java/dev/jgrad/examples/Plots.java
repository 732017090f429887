package dev.jgrad.examples;

import dev.jgrad.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** matplotlib's {@code plt.plot(x, y)} for the tutorials: one line, saved as a PNG the tour names. */
public final class Plots {
    public static final int WIDTH = 640, HEIGHT = 400;

    /** Where the tour writes its pictures (override with -Djgrad.plots=DIR). */
    public static Path directory() {
        return Path.of(System.getProperty("jgrad.plots", "tour-output"));
    }

    private Plots() {}

    /**
     * torchviz's {@code make_dot(...).render(name, format="svg")}: writes DIR/name (the DOT text) and, when
     * Graphviz's dot is installed, DIR/name.svg; returns the file to look at.
     */
    public static Path graph(String name, dev.jgrad.utils.GraphViz.Dot dot) {
        try {
            Path dir = directory();
            Files.createDirectories(dir);
            Path source = dir.resolve(name);
            if (dev.jgrad.utils.GraphViz.dotAvailable()) return dot.render(source, "svg");
            Files.writeString(source, dot.source());  // without Graphviz: the DOT text, for any viewer
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plots y against x (detached 1-d tensors) into DIR/name.png and returns the file. */
    public static Path line(String name, String title, Tensor x, Tensor y) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = chart(title, x, y);
        try {
            Path dir = directory();
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart of y against x (detached 1-d tensors) as one line: a notebook shows it as a picture. */
    public static XYChart chart(String title, Tensor x, Tensor y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("a").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("0.##");  // ticks like matplotlib's, not 1.832595825195312
        chart.addSeries(title, x.toDoubleArray(), y.toDoubleArray()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }
}
