package dev.jgrad.backend.cpu;

import dev.jgrad.backend.CompareOp;
/** Comparisons and logical ops over one strided row, writing bool results: c[i] = a[i] op b[i]. */
public final class CompareKernels {
    private CompareKernels() {}

    public static void row(CompareOp op, float[] a, int ao, int as, float[] b, int bo, int bs,
                           boolean[] c, int co, int cs, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] == b[bo + i * bs]; }
            case NE -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] != b[bo + i * bs]; }
            case LT -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] < b[bo + i * bs]; }
            case LE -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] <= b[bo + i * bs]; }
            case GT -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] > b[bo + i * bs]; }
            case GE -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] >= b[bo + i * bs]; }
            case LOGICAL_AND -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] != 0 && b[bo + i * bs] != 0; }
            case LOGICAL_OR -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] != 0 || b[bo + i * bs] != 0; }
            case LOGICAL_XOR -> { for (int i = 0; i < n; i++) c[co + i * cs] = (a[ao + i * as] != 0) != (b[bo + i * bs] != 0); }
        }
    }

    public static void row(CompareOp op, double[] a, int ao, int as, double[] b, int bo, int bs,
                           boolean[] c, int co, int cs, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] == b[bo + i * bs]; }
            case NE -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] != b[bo + i * bs]; }
            case LT -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] < b[bo + i * bs]; }
            case LE -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] <= b[bo + i * bs]; }
            case GT -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] > b[bo + i * bs]; }
            case GE -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] >= b[bo + i * bs]; }
            case LOGICAL_AND -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] != 0 && b[bo + i * bs] != 0; }
            case LOGICAL_OR -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] != 0 || b[bo + i * bs] != 0; }
            case LOGICAL_XOR -> { for (int i = 0; i < n; i++) c[co + i * cs] = (a[ao + i * as] != 0) != (b[bo + i * bs] != 0); }
        }
    }

    public static void row(CompareOp op, long[] a, int ao, int as, long[] b, int bo, int bs,
                           boolean[] c, int co, int cs, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] == b[bo + i * bs]; }
            case NE -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] != b[bo + i * bs]; }
            case LT -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] < b[bo + i * bs]; }
            case LE -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] <= b[bo + i * bs]; }
            case GT -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] > b[bo + i * bs]; }
            case GE -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] >= b[bo + i * bs]; }
            case LOGICAL_AND -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] != 0 && b[bo + i * bs] != 0; }
            case LOGICAL_OR -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] != 0 || b[bo + i * bs] != 0; }
            case LOGICAL_XOR -> { for (int i = 0; i < n; i++) c[co + i * cs] = (a[ao + i * as] != 0) != (b[bo + i * bs] != 0); }
        }
    }
}
