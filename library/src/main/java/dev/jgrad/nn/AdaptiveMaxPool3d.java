package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/** The maximum of adaptive windows to a fixed output size (od, oh, ow), whatever the input's; a null size keeps the input's. */
public class AdaptiveMaxPool3d extends Module {
    /** Null where PyTorch has None (that dim keeps the input's size). */
    public final Integer od;
    /** The output height (null keeps the input's). */
    public final Integer oh;
    /** The output width (null keeps the input's). */
    public final Integer ow;
    private final boolean cube;
    /** PyTorch's return_indices: {@link #forwardWithIndices} gives them whatever its value (Java's forward returns one type). */
    public final boolean returnIndices;

    /** One value (cube output) or (od, oh, ow). */
    public AdaptiveMaxPool3d(int... outputSize) { this(outputSize, false); }

    /** {@code nn.AdaptiveMaxPool3d(output_size, return_indices)}. */
    public AdaptiveMaxPool3d(int[] outputSize, boolean returnIndices) {
        if (outputSize.length != 1 && outputSize.length != 3) throw new IllegalArgumentException("output_size must have 1 or 3 elements");
        this.od = outputSize[0];
        this.oh = outputSize[outputSize.length / 2];
        this.ow = outputSize[outputSize.length - 1];
        this.cube = outputSize.length == 1;
        this.returnIndices = returnIndices;
    }

    /** (od, oh, ow), any null for None. */
    public AdaptiveMaxPool3d(Integer od, Integer oh, Integer ow) {
        this.od = od;
        this.oh = oh;
        this.ow = ow;
        this.cube = false;
        this.returnIndices = false;
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveMaxPool3d(input, od, oh, ow); }

    /** The pooled values and each maximum's flat index in its volume (PyTorch's forward with return_indices=True). */
    public ValuesIndices forwardWithIndices(Tensor input) { return F.adaptiveMaxPool3dWithIndices(input, od, oh, ow); }

    @Override protected String extraRepr() { return "output_size=" + sizeRepr(cube, od, oh, ow); }

    static String sizeRepr(boolean cube, Integer... v) {
        if (cube) return String.valueOf(v[0]);
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) s.append(i > 0 ? ", " : "").append(v[i] == null ? "None" : v[i]);
        return s.append(")").toString();
    }
}
