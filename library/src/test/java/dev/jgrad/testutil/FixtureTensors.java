package dev.jgrad.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Tensors described by fixture specs ({"dtype", "shape", "values", optional "layout"}), rebuilt through
 * the public API with the memory layout the spec asks for (contiguous, transposed, sliced, expanded or
 * at a storage offset), so every op is also tested on non-contiguous inputs.
 */
public final class FixtureTensors {
    /** Storage offset of the "offset" layout; matches OFFSET in the tools/fixtures generators. */
    private static final int OFFSET = 3;

    private FixtureTensors() {}

    public static DType dtype(String name) {
        return switch (name) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "int64" -> DType.INT64;
            case "int32" -> DType.INT32;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalArgumentException("unknown dtype " + name);
        };
    }

    /** The logical tensor of a spec, with the memory layout it asks for. */
    public static Tensor tensor(Map<String, Object> spec) {
        DType dt = dtype((String) spec.get("dtype"));
        long[] shape = Json.asLongArray(spec.get("shape"));
        List<Object> values = Json.asList(spec.get("values"));
        String layout = (String) spec.getOrDefault("layout", "contiguous");
        int n = values.size();
        assertEquals(numel(shape), n, "fixture values vs shape");
        Tensor x;
        switch (layout) {
            case "contiguous" -> x = flat(dt, values).reshape(shape);
            case "transposed" -> {
                int nd = shape.length;
                long[] swapped = shape.clone();
                swapped[nd - 1] = shape[nd - 2];
                swapped[nd - 2] = shape[nd - 1];
                // base[..., j, i] = logical[..., i, j]
                int rows = (int) shape[nd - 2], cols = (int) shape[nd - 1];
                List<Object> base = new ArrayList<>(n);
                for (int b = 0; b < n / Math.max(1, rows * cols); b++) {
                    for (int j = 0; j < cols; j++) {
                        for (int i = 0; i < rows; i++) base.add(values.get(b * rows * cols + i * cols + j));
                    }
                }
                x = flat(dt, base).reshape(swapped).transpose(-1, -2);
                assertTrue(!x.isContiguous(), "transposed input must not be contiguous");
            }
            case "sliced" -> {
                long[] big = shape.clone();
                big[0] = 2 * shape[0];
                int row = (int) (n / shape[0]);
                List<Object> base = new ArrayList<>(2 * n);
                for (int r = 0; r < shape[0]; r++) {
                    base.addAll(values.subList(r * row, (r + 1) * row));
                    for (int k = 0; k < row; k++) base.add(filler(dt, k));
                }
                x = flat(dt, base).reshape(big).slice(0, 0, big[0], 2);
                assertTrue(!x.isContiguous(), "sliced input must not be contiguous");
            }
            case "expanded" -> {
                int d = (int) Json.asLong(spec.get("dim"));
                long[] small = shape.clone();
                small[d] = 1;
                long inner = 1;
                for (int i = d + 1; i < shape.length; i++) inner *= shape[i];
                List<Object> base = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long along = (i / inner) % shape[d];
                    if (along == 0) base.add(values.get(i));
                }
                x = flat(dt, base).reshape(small).expand(shape);
                assertTrue(!x.isContiguous(), "expanded input must not be contiguous");
            }
            case "offset" -> {
                List<Object> base = new ArrayList<>(n + OFFSET);
                for (int k = 0; k < OFFSET; k++) base.add(filler(dt, k));
                base.addAll(values);
                x = flat(dt, base).narrow(0, OFFSET, n).view(shape);
                assertEquals(OFFSET, x.storageOffset(), "offset input's storage offset");
            }
            default -> throw new IllegalArgumentException("unknown layout " + layout);
        }
        assertEquals(dt, x.dtype());
        assertEquals(Arrays.toString(shape), Arrays.toString(x.shape()), "rebuilt input shape");
        return x;
    }

    /** Values that should never show up in a result: a layout bug that reads them is visible. */
    private static Object filler(DType dt, int k) {
        return switch (dt) {
            case BOOL -> Boolean.TRUE;
            case FLOAT32, FLOAT64 -> -77.25 - k;
            default -> (long) (-77 - k);
        };
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }

    /** A contiguous 1-d tensor of the given values. */
    public static Tensor flat(DType dt, List<Object> values) {
        int n = values.size();
        Object data;
        switch (dt) {
            case FLOAT32, FLOAT64 -> {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) d[i] = values.get(i) instanceof Boolean b ? (b ? 1 : 0) : Json.asDouble(values.get(i));
                data = d;
            }
            case INT64, INT32 -> {
                long[] l = new long[n];
                for (int i = 0; i < n; i++) l[i] = Json.asLong(values.get(i));
                data = l;
            }
            case BOOL -> {
                boolean[] b = new boolean[n];
                for (int i = 0; i < n; i++) b[i] = (Boolean) values.get(i);
                data = b;
            }
            default -> throw new IllegalArgumentException(dt.toString());
        }
        Tensor t = Torch.tensor(data, dt);
        assertEquals(dt, t.dtype(), "Torch.tensor(data, dtype) dtype");
        return t;
    }

}
