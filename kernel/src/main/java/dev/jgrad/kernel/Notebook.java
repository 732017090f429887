package dev.jgrad.kernel;

import java.util.function.Consumer;

/**
 * What notebook cells can call besides jgrad (the kernel imports these statically):
 * {@code display(chart)} shows a value below the cell at once, as IPython's {@code display()} does,
 * where the cell's last expression is shown only at its end.
 */
public final class Notebook {
    private static volatile Consumer<Object> sink = value -> System.out.println(value);

    private Notebook() {}

    /**
     * Shows a value in the notebook now: a tensor or any object as text, an XChart chart or a
     * {@code BufferedImage} as a PNG picture. Outside a notebook it prints the value.
     */
    public static void display(Object value) {
        sink.accept(value);
    }

    /** Where {@link #display} sends values; the kernel points it at its Jupyter connection. */
    static void setSink(Consumer<Object> newSink) {
        sink = newSink;
    }
}
