package dev.jgrad.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * 3x3, stride-1 float32 convolutions by Winograd's minimal filtering (Lavin and Gray, "Fast Algorithms for
 * Convolutional Neural Networks", 2015), with 4x4 output tiles and the points 0, 1, -1, 2, -2 and infinity:
 * a 6x6 input tile d and a 3x3 filter g give the 4x4 correlation as A^T [(G g G^T) (.) (B^T d B)] A, 36
 * multiplications where im2col + GEMM does 144. The 36 element-wise products of a batch of tiles are 36
 * independent matrix products (out-channels x in-channels times in-channels x tiles), run on
 * {@link SgemmKernel}. The same tiling gives all three products of training:
 * <ul>
 *   <li>{@link #forward}: F(4x4, 3x3);</li>
 *   <li>{@link #inputGrad}: the forward's adjoint on the forward's tiles, B [U (.) (A g A^T)] B^T per gradient
 *       tile g, the 6x6 results added where input patches overlap;</li>
 *   <li>{@link #weightGrad}: F(3x3, 4x4), where the 4x4 gradient tile is the filter and the 3x3 weight
 *       gradient the output. Its input transform is the forward's (same points, same 6x6 tiles); its filter and
 *       output transforms are G' (6x4) and A'^T (3x6).</li>
 * </ul>
 * The tiles of a few images (about {@value #CHUNK_TILES}) form one chunk, transformed and multiplied while
 * they are in cache; chunks run in parallel (the weight gradient's in at most {@value #WEIGHT_GRAD_PARTIALS} groups,
 * each summing its chunks into one partial). Layers whose scratch or partial sums would pass {@link #MAX_FLOATS}
 * floats are left to im2col ({@link #fits}). Rounding differs from the im2col sums (the transforms scale by up
 * to 8 and 1/24), within float32 tolerance of them; which algorithm a shape runs is decided before its first
 * call and kept ({@link ConvChoice}), so a shape's results are the same bits on every call. Chunks and the weight
 * gradient's groups are cut by the problem's shape alone, and partial sums are added in group order, so the thread
 * count does not change results either (the vector width does: it rounds the tiles per chunk up).
 */
final class ConvWinograd {
    private ConvWinograd() {}

    private static final VectorSpecies<Float> S = SgemmKernel.S;
    private static final int VL = S.length();
    private static final VectorSpecies<Float> HALF = ConvDirect.HALF;
    /** Transformed points per tile (6 x 6). */
    static final int POINTS = 36;
    /** Tiles per chunk aimed at: the chunk's transformed input and products stay within L2. */
    static final int CHUNK_TILES = 160;

    /** Whether the window is one this class computes: 3x3, stride 1, no dilation. */
    static boolean handles(ConvKernels.Window k) {
        return k.kh() == 3 && k.kw() == 3 && k.sh() == 1 && k.sw() == 1 && k.dh() == 1 && k.dw() == 1;
    }

    /** Images per chunk for tiles per image: by the shape alone, never by the thread count. */
    static int imagesPerChunk(int tilesPerImage) {
        return Math.max(1, CHUNK_TILES / tilesPerImage);
    }

    private static int roundUp(int x) {
        return (x + VL - 1) / VL * VL;
    }

    // ---------------------------------------------------------------- the three transforms' matrices

    /** G (6x3), filter transform of F(4x4, 3x3). */
    private static final double[][] G = {
            {1 / 4.0, 0, 0}, {-1 / 6.0, -1 / 6.0, -1 / 6.0}, {-1 / 6.0, 1 / 6.0, -1 / 6.0},
            {1 / 24.0, 1 / 12.0, 1 / 6.0}, {1 / 24.0, -1 / 12.0, 1 / 6.0}, {0, 0, 1}};

    /** D: the rows of G' (the weight gradient's filter transform) are A's rows times these. */
    private static final double[] D = {1 / 4.0, -1 / 6.0, -1 / 6.0, 1 / 24.0, 1 / 24.0, 1};

    /**
     * The filters' transforms U = G g G^T, computed in double and rounded once: as (36, cout, cin) for the forward,
     * or with {@code adjoint} as (36, cin, cout) divided by D_a D_b at point (a, b), for {@link #inputGrad}.
     */
    static float[] filterTransform(float[] ws, int cout, int cin, boolean adjoint) {
        float[] u = new float[POINTS * cout * cin];
        double[] g = new double[9], t = new double[18];
        for (int o = 0; o < cout; o++) {
            for (int c = 0; c < cin; c++) {
                for (int r = 0; r < 9; r++) g[r] = ws[(o * cin + c) * 9 + r];
                for (int a = 0; a < 6; a++) {  // t = G g
                    for (int s = 0; s < 3; s++) t[a * 3 + s] = G[a][0] * g[s] + G[a][1] * g[3 + s] + G[a][2] * g[6 + s];
                }
                for (int a = 0; a < 6; a++) {  // u = t G^T
                    for (int b = 0; b < 6; b++) {
                        double v = t[a * 3] * G[b][0] + t[a * 3 + 1] * G[b][1] + t[a * 3 + 2] * G[b][2];
                        int p = a * 6 + b;
                        if (adjoint) u[(p * cin + c) * cout + o] = (float) (v / (D[a] * D[b]));
                        else u[(p * cout + o) * cin + c] = (float) v;
                    }
                }
            }
        }
        return u;
    }

    /**
     * B^T on six vectors (src[off + k*stride], k = 0..5), into dst[dOff + k*dStride]. The transforms load their own
     * vectors: a helper taking vectors as arguments that C2 declines to inline (these loops are large) gets them boxed.
     */
    private static void inputRows(float[] src, int off, int stride, float[] dst, int dOff, int dStride) {
        FloatVector d0 = FloatVector.fromArray(S, src, off), d1 = FloatVector.fromArray(S, src, off + stride);
        FloatVector d2 = FloatVector.fromArray(S, src, off + 2 * stride), d3 = FloatVector.fromArray(S, src, off + 3 * stride);
        FloatVector d4 = FloatVector.fromArray(S, src, off + 4 * stride), d5 = FloatVector.fromArray(S, src, off + 5 * stride);
        FloatVector d4m2 = d4.sub(d2), d3p4 = d3.add(d4), d1p2 = d1.add(d2), d4m3 = d4.sub(d3), d1m2 = d1.sub(d2);
        FloatVector d3m1 = d3.sub(d1);
        d0.mul(4f).add(d4m2).sub(d2.mul(4f)).intoArray(dst, dOff);                    // 4 d0 - 5 d2 + d4
        d3p4.sub(d1p2.mul(4f)).intoArray(dst, dOff + dStride);                          // -4 d1 - 4 d2 + d3 + d4
        d4m3.add(d1m2.mul(4f)).intoArray(dst, dOff + 2 * dStride);                      // 4 d1 - 4 d2 - d3 + d4
        d4m2.add(d3m1.mul(2f)).intoArray(dst, dOff + 3 * dStride);                      // -2 d1 - d2 + 2 d3 + d4
        d4m2.sub(d3m1.mul(2f)).intoArray(dst, dOff + 4 * dStride);                      // 2 d1 - d2 - 2 d3 + d4
        d1.mul(4f).add(d5.sub(d3)).sub(d3.mul(4f)).intoArray(dst, dOff + 5 * dStride); // 4 d1 - 5 d3 + d5
    }

    /** B (the transpose of B^T) on six vectors, into six: the input gradient's transform back to a 6x6 patch. */
    private static void patchRows(float[] src, int off, int stride, float[] dst, int dOff, int dStride) {
        FloatVector m0 = FloatVector.fromArray(S, src, off), m1 = FloatVector.fromArray(S, src, off + stride);
        FloatVector m2 = FloatVector.fromArray(S, src, off + 2 * stride), m3 = FloatVector.fromArray(S, src, off + 3 * stride);
        FloatVector m4 = FloatVector.fromArray(S, src, off + 4 * stride), m5 = FloatVector.fromArray(S, src, off + 5 * stride);
        FloatVector p12 = m1.add(m2), p34 = m3.add(m4), n43 = m4.sub(m3);
        m0.mul(4f).intoArray(dst, dOff);                                                  // 4 m0
        m2.sub(m1).add(m5).mul(4f).add(n43.mul(2f)).intoArray(dst, dOff + dStride);       // -4 m1 + 4 m2 - 2 m3 + 2 m4 + 4 m5
        p12.mul(4f).add(p34).add(m0.mul(5f)).neg().intoArray(dst, dOff + 2 * dStride);    // -5 m0 - 4 m1 - 4 m2 - m3 - m4
        m1.sub(m2).sub(n43.mul(2f)).sub(m5.mul(5f)).intoArray(dst, dOff + 3 * dStride);   // m1 - m2 + 2 m3 - 2 m4 - 5 m5
        m0.add(p12).add(p34).intoArray(dst, dOff + 4 * dStride);                          // m0 + m1 + m2 + m3 + m4
        m5.intoArray(dst, dOff + 5 * dStride);                                            // m5
    }

    /** A^T (4x6) on six vectors, into four. */
    private static void outputRows(float[] src, int off, int stride, float[] dst, int dOff, int dStride) {
        FloatVector m0 = FloatVector.fromArray(S, src, off), m1 = FloatVector.fromArray(S, src, off + stride);
        FloatVector m2 = FloatVector.fromArray(S, src, off + 2 * stride), m3 = FloatVector.fromArray(S, src, off + 3 * stride);
        FloatVector m4 = FloatVector.fromArray(S, src, off + 4 * stride), m5 = FloatVector.fromArray(S, src, off + 5 * stride);
        FloatVector p12 = m1.add(m2), n12 = m1.sub(m2), p34 = m3.add(m4), n34 = m3.sub(m4);
        m0.add(p12).add(p34).intoArray(dst, dOff);
        n12.add(n34.mul(2f)).intoArray(dst, dOff + dStride);
        p12.add(p34.mul(4f)).intoArray(dst, dOff + 2 * dStride);
        n12.add(n34.mul(8f)).add(m5).intoArray(dst, dOff + 3 * dStride);
    }

    /** G' (6x4) on four vectors (src[off + k*stride], k = 0..3), into six: the weight gradient's transform of a 4x4 gradient tile. */
    private static void gradRows(float[] src, int off, int stride, float[] dst, int dOff, int dStride) {
        FloatVector g0 = FloatVector.fromArray(S, src, off), g1 = FloatVector.fromArray(S, src, off + stride);
        FloatVector g2 = FloatVector.fromArray(S, src, off + 2 * stride), g3 = FloatVector.fromArray(S, src, off + 3 * stride);
        FloatVector p02 = g0.add(g2), p13 = g1.add(g3);
        FloatVector e = g0.mul(1 / 24f).add(g2.mul(1 / 6f)), f = g1.mul(1 / 12f).add(g3.mul(1 / 3f));
        g0.mul(0.25f).intoArray(dst, dOff);
        p02.add(p13).mul(-1 / 6f).intoArray(dst, dOff + dStride);
        p02.sub(p13).mul(-1 / 6f).intoArray(dst, dOff + 2 * dStride);
        e.add(f).intoArray(dst, dOff + 3 * dStride);
        e.sub(f).intoArray(dst, dOff + 4 * dStride);
        g3.intoArray(dst, dOff + 5 * dStride);
    }

    // ---------------------------------------------------------------- per-thread scratch

    /** One thread's buffers: transformed input, products (or transformed gradient), patch rows, two 36-vector tiles. */
    private static final class Scratch {
        float[] v = new float[0], m = new float[0], plane = new float[0];
        final float[] d = new float[POINTS * VL], e = new float[POINTS * VL];

        float[] v(int size) { return v.length >= size ? v : (v = new float[size]); }

        float[] m(int size) { return m.length >= size ? m : (m = new float[size]); }

        float[] plane(int size) { return plane.length >= size ? plane : (plane = new float[size]); }
    }

    private static final ThreadLocal<Scratch[]> SCRATCH = ThreadLocal.withInitial(() -> new Scratch[1]);

    /** Takes this thread's scratch out of its slot (a nested use gets a fresh one), see {@link #give}. */
    private static Scratch take() {
        Scratch[] slot = SCRATCH.get();
        Scratch s = slot[0];
        slot[0] = null;
        return s != null ? s : new Scratch();
    }

    private static void give(Scratch s) { SCRATCH.get()[0] = s; }

    // ---------------------------------------------------------------- tiles

    /** Where a chunk's tiles come from: images i0.., th x tw tiles each, origin (4 ty - ph, 4 tx - pw). */
    private record Tiling(int i0, int tiles, int th, int tw, int ph, int pw) {
        int perImage() { return th * tw; }
    }

    /*
     * Moving data between planes and tiles. A tile's 6x6 (or 4x4) patch starts every 4 columns, so the patches of a
     * row of tiles overlap, and the lanes of a transform are tiles: its vector for patch element (a, b) holds element
     * b of row a of VL tiles. Gathering those lane by lane is what an im2col does; instead, each of a tile's patch rows
     * is copied as 4 consecutive floats per tile (rows[a][4 t + k] = row 4 ty + a, column 4 tx + k, every tile t of
     * the chunk in order, a plain copy per row of tiles), and the lanes are then sorted out with two-vector permutes
     * (selectFrom): element k of VL tiles from 4 vectors. The patch's columns 4 and 5 (the next tile's 0 and 1) come
     * from the same copy shifted by 4 columns. The output goes the other way: 4 vectors of a row of outputs, interleaved
     * into 4 floats per tile, then copied out per row of tiles. Transformed tiles are kept channel-major, (channel, 36,
     * tiles): a transform's reads and writes for one channel are one block, and the products take each point's
     * (channel x tiles) matrix at a row stride of 36 tiles' widths.
     */

    /** Lane indexes for selectFrom(v1, v2), whose lanes are numbered 0..2 VL - 1: even lanes, odd lanes. */
    private static final FloatVector EVEN = indexes(0, 2), ODD = indexes(1, 2);
    /** Lanes 0, VL, 1, VL + 1, ...: the low halves of two vectors interleaved; and the high halves. */
    private static final FloatVector ZIP_LO = zip(0), ZIP_HI = zip(VL / 2);

    private static FloatVector indexes(int first, int step) {
        float[] f = new float[VL];
        for (int i = 0; i < VL; i++) f[i] = first + step * i;
        return FloatVector.fromArray(S, f, 0);
    }

    private static FloatVector zip(int from) {
        float[] f = new float[VL];
        for (int i = 0; i < VL; i++) f[i] = (i & 1) == 0 ? from + i / 2 : VL + from + i / 2;
        return FloatVector.fromArray(S, f, 0);
    }

    /**
     * Columns x0 .. x0 + len - 1 of row y of the plane at src[plane..] (h x w; zero outside it) into dst[at..].
     */
    private static void segment(float[] src, int plane, int y, int h, int w, int x0, float[] dst, int at, int len) {
        int from = Math.max(0, -x0), to = Math.min(len, w - x0);
        if (y < 0 || y >= h || to <= from) {
            java.util.Arrays.fill(dst, at, at + len, 0f);
            return;
        }
        // the zeros at either end are a few floats: loops, not calls
        for (int k = 0; k < from; k++) dst[at + k] = 0f;
        copyRow(src, plane + y * w + x0 + from, dst, at + from, to - from);
        for (int k = to; k < len; k++) dst[at + k] = 0f;
    }

    /*
     * The rows that move between planes and tiles are an image row long, a vector or two. C2 leaves loops that short
     * to its scalar pre- and post-loops (its vector loop is unrolled past them), and arraycopy pays a stub call per
     * row; these go a vector at a time, then a half vector, then element by element (a masked tail measured slower:
     * its bounds check near an array's end).
     */

    /** dst[d + k] = src[s + k] + add for k in 0..n-1. */
    private static void copyRow(float[] src, int s, float[] dst, int d, int n, float add) {
        int k = 0;
        for (; k <= n - VL; k += VL) FloatVector.fromArray(S, src, s + k).add(add).intoArray(dst, d + k);
        if (VL > HALF.length() && n - k >= HALF.length()) {
            FloatVector.fromArray(HALF, src, s + k).add(add).intoArray(dst, d + k);
            k += HALF.length();
        }
        for (; k < n; k++) dst[d + k] = src[s + k] + add;
    }

    /** dst[d + k] = src[s + k] for k in 0..n-1. */
    private static void copyRow(float[] src, int s, float[] dst, int d, int n) {
        int k = 0;
        for (; k <= n - VL; k += VL) FloatVector.fromArray(S, src, s + k).intoArray(dst, d + k);
        if (VL > HALF.length() && n - k >= HALF.length()) {
            FloatVector.fromArray(HALF, src, s + k).intoArray(dst, d + k);
            k += HALF.length();
        }
        for (; k < n; k++) dst[d + k] = src[s + k];
    }

    /**
     * The patch rows of the chunk's tiles from the planes of channel c of src (n, channels, h, w): for a = 0..rows-1,
     * dst[a * rowLen + 4 t + k] = column 4 tx + shift + k - pw of row 4 ty + a - ph of tile t's image (zero outside).
     */
    private static void patchRows(float[] src, int c, int channels, int h, int w, Tiling t, int rows, int shift,
                                  float[] dst, int dOff, int rowLen) {
        int tpi = t.perImage(), images = t.tiles / tpi;
        for (int i = 0; i < images; i++) {
            int plane = ((t.i0 + i) * channels + c) * h * w;
            for (int ty = 0; ty < t.th; ty++) {
                int at = dOff + 4 * (i * tpi + ty * t.tw);
                for (int a = 0; a < rows; a++) segment(src, plane, 4 * ty + a - t.ph, h, w, shift - t.pw, dst, at + a * rowLen, 4 * t.tw);
            }
        }
    }

    /** Element k = 0..3 of VL tiles (4 floats per tile at src[s..]) into dst[dOff + k * VL]. */
    private static void unzip4(float[] src, int s, float[] dst, int dOff) {
        FloatVector v0 = FloatVector.fromArray(S, src, s), v1 = FloatVector.fromArray(S, src, s + VL);
        FloatVector v2 = FloatVector.fromArray(S, src, s + 2 * VL), v3 = FloatVector.fromArray(S, src, s + 3 * VL);
        FloatVector e01 = EVEN.selectFrom(v0, v1), o01 = ODD.selectFrom(v0, v1);  // elements 0, 2 and 1, 3 of VL/2 tiles
        FloatVector e23 = EVEN.selectFrom(v2, v3), o23 = ODD.selectFrom(v2, v3);
        EVEN.selectFrom(e01, e23).intoArray(dst, dOff);
        EVEN.selectFrom(o01, o23).intoArray(dst, dOff + VL);
        ODD.selectFrom(e01, e23).intoArray(dst, dOff + 2 * VL);
        ODD.selectFrom(o01, o23).intoArray(dst, dOff + 3 * VL);
    }

    /** Elements 0 and 1 of VL tiles (4 floats per tile at src[s..]) into dst[dOff] and dst[dOff + VL]. */
    private static void unzip2(float[] src, int s, float[] dst, int dOff) {
        FloatVector v0 = FloatVector.fromArray(S, src, s), v1 = FloatVector.fromArray(S, src, s + VL);
        FloatVector v2 = FloatVector.fromArray(S, src, s + 2 * VL), v3 = FloatVector.fromArray(S, src, s + 3 * VL);
        EVEN.selectFrom(EVEN.selectFrom(v0, v1), EVEN.selectFrom(v2, v3)).intoArray(dst, dOff);
        EVEN.selectFrom(ODD.selectFrom(v0, v1), ODD.selectFrom(v2, v3)).intoArray(dst, dOff + VL);
    }

    /** Four vectors (src[s + k * VL], k = 0..3) interleaved into 4 floats per lane at dst[d..]. */
    private static void zip4(float[] src, int s, float[] dst, int d) {
        FloatVector a = FloatVector.fromArray(S, src, s), b = FloatVector.fromArray(S, src, s + VL);
        FloatVector c = FloatVector.fromArray(S, src, s + 2 * VL), e = FloatVector.fromArray(S, src, s + 3 * VL);
        FloatVector acLo = ZIP_LO.selectFrom(a, c), acHi = ZIP_HI.selectFrom(a, c);
        FloatVector beLo = ZIP_LO.selectFrom(b, e), beHi = ZIP_HI.selectFrom(b, e);
        ZIP_LO.selectFrom(acLo, beLo).intoArray(dst, d);
        ZIP_HI.selectFrom(acLo, beLo).intoArray(dst, d + VL);
        ZIP_LO.selectFrom(acHi, beHi).intoArray(dst, d + 2 * VL);
        ZIP_HI.selectFrom(acHi, beHi).intoArray(dst, d + 3 * VL);
    }

    /** {@link #zip4} of src[s], src[s + VL] and two vectors of zeros. */
    private static void zip2(float[] src, int s, float[] dst, int d) {
        FloatVector a = FloatVector.fromArray(S, src, s), b = FloatVector.fromArray(S, src, s + VL), zero = FloatVector.zero(S);
        FloatVector aLo = ZIP_LO.selectFrom(a, zero), aHi = ZIP_HI.selectFrom(a, zero);
        FloatVector bLo = ZIP_LO.selectFrom(b, zero), bHi = ZIP_HI.selectFrom(b, zero);
        ZIP_LO.selectFrom(aLo, bLo).intoArray(dst, d);
        ZIP_HI.selectFrom(aLo, bLo).intoArray(dst, d + VL);
        ZIP_LO.selectFrom(aHi, bHi).intoArray(dst, d + 2 * VL);
        ZIP_HI.selectFrom(aHi, bHi).intoArray(dst, d + 3 * VL);
    }

    /** Zeroes the lanes past the chunk's last tile in each of rows rows of rowLen (4 floats per tile). */
    private static void zeroTail(float[] rows, int count, int rowLen, int tiles) {
        for (int r = 0; r < count; r++) java.util.Arrays.fill(rows, r * rowLen + 4 * tiles, (r + 1) * rowLen, 0f);
    }

    /**
     * The chunk's input tiles, transformed (B^T d B), into v (cin, 36, tp): the 6x6 patches of channel c of
     * x (n, c, h, w), zero outside the image and in lanes past the last tile.
     */
    private static void inputTransform(float[] xs, int cin, int h, int w, Tiling t, int tp, float[] v, Scratch sc) {
        float[] d = sc.d, e = sc.e;
        int rowLen = 4 * tp;
        float[] rows = sc.plane(12 * rowLen);  // patch rows: columns 0..3 of each tile, then columns 4..7
        zeroTail(rows, 12, rowLen, t.tiles);
        for (int c = 0; c < cin; c++) {
            patchRows(xs, c, cin, h, w, t, 6, 0, rows, 0, rowLen);
            patchRows(xs, c, cin, h, w, t, 6, 4, rows, 6 * rowLen, rowLen);
            for (int t0 = 0; t0 < tp; t0 += VL) {
                for (int a = 0; a < 6; a++) {
                    unzip4(rows, a * rowLen + 4 * t0, d, a * 6 * VL);
                    unzip2(rows, (6 + a) * rowLen + 4 * t0, d, (a * 6 + 4) * VL);
                }
                for (int b = 0; b < 6; b++) inputRows(d, b * VL, 6 * VL, e, b * VL, 6 * VL);
                for (int a = 0; a < 6; a++) inputRows(e, a * 6 * VL, VL, v, (c * POINTS + a * 6) * tp + t0, tp);
            }
        }
    }

    /**
     * The forward's output tiles: out tile = A^T m A (+ bias) for each out-channel and tile of the chunk, from
     * products m (cout, 36, tp), interleaved into rows of 4 floats per tile and copied into out (n, cout, oh, ow)
     * where they fall inside it.
     */
    private static void outputTransform(float[] m, int cout, int tp, Tiling t, float[] bs, float[] os, int oh, int ow, Scratch sc) {
        float[] f = sc.d, y = sc.e;
        int rowLen = 4 * tp, tpi = t.perImage(), images = t.tiles / tpi;
        float[] rows = sc.plane(4 * rowLen);
        for (int o = 0; o < cout; o++) {
            for (int t0 = 0; t0 < tp; t0 += VL) {
                for (int b = 0; b < 6; b++) outputRows(m, (o * POINTS + b) * tp + t0, 6 * tp, f, b * VL, 6 * VL);
                for (int a = 0; a < 4; a++) {
                    outputRows(f, a * 6 * VL, VL, y, a * 4 * VL, VL);
                    zip4(y, a * 4 * VL, rows, a * rowLen + 4 * t0);
                }
            }
            float bias = bs == null ? 0f : bs[o];
            for (int i = 0; i < images; i++) {
                int plane = ((t.i0 + i) * cout + o) * oh * ow;
                for (int ty = 0; ty < t.th; ty++) {
                    int from = 4 * (i * tpi + ty * t.tw);
                    for (int a = 0; a < 4 && 4 * ty + a < oh; a++) {
                        int to = plane + (4 * ty + a) * ow, at = a * rowLen + from;
                        copyRow(rows, at, os, to, ow, bias);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- the products

    /**
     * out (n, cout, oh, ow) = x (n, cin, h, w), padded by (ph, pw), correlated with 3x3 filters, plus bias (or
     * null). Filters as {@link #filterTransform} reads them; oh = h + 2 ph - 2, ow = w + 2 pw - 2.
     */
    static void forward(float[] xs, int n, int cin, int h, int w, int ph, int pw, float[] ws, float[] bs, int cout, float[] os) {
        int oh = h + 2 * ph - 2, ow = w + 2 * pw - 2;
        if (n == 0 || oh <= 0 || ow <= 0 || cout == 0) return;
        if (cin == 0) {  // an empty sum: the bias alone
            for (int i = 0; i < n * cout; i++) java.util.Arrays.fill(os, i * oh * ow, (i + 1) * oh * ow, bs == null ? 0f : bs[i % cout]);
            return;
        }
        float[] u = filterTransform(ws, cout, cin, false);
        forEachChunk(n, oh, ow, ph, pw, chunks(n, oh, ow), (g, first, t, tp, sc) -> {
            float[] v = sc.v(POINTS * cin * tp), m = sc.m(POINTS * cout * tp);
            inputTransform(xs, cin, h, w, t, tp, v, sc);
            for (int p = 0; p < POINTS; p++) {
                SgemmKernel.block(0, cout, 0, tp, cin, u, p * cout * cin, cin, 1, v, p * tp, POINTS * tp, 1, m, p * tp, POINTS * tp, false);
            }
            outputTransform(m, cout, tp, t, bs, os, oh, ow, sc);
        });
    }

    /** What is done with one chunk: its group, whether it is the group's first, its tiles, tiles rounded up to whole vectors, and the thread's scratch. */
    private interface ChunkBody {
        void run(int group, boolean first, Tiling t, int tp, Scratch sc);
    }

    /** The number of chunks that n images of (oh, ow) output are cut into. */
    private static int chunks(int n, int oh, int ow) {
        int ipc = imagesPerChunk(((oh + 3) / 4) * ((ow + 3) / 4));
        return (n + ipc - 1) / ipc;
    }

    /**
     * Runs body on every chunk of n images whose outputs are (oh, ow): the chunks cut into groups of consecutive
     * chunks (by the shape alone), each group's chunks in order on one thread, the groups over the threads.
     */
    private static void forEachChunk(int n, int oh, int ow, int ph, int pw, int groups, ChunkBody body) {
        int th = (oh + 3) / 4, tw = (ow + 3) / 4, ipc = imagesPerChunk(th * tw), chunks = chunks(n, oh, ow);
        Parallel.forRange(groups, 1, (from, to) -> {
            Scratch sc = take();
            for (int g = from; g < to; g++) {
                int first = (int) ((long) chunks * g / groups), last = (int) ((long) chunks * (g + 1) / groups);
                for (int ch = first; ch < last; ch++) {
                    int i0 = ch * ipc, images = Math.min(n, i0 + ipc) - i0;
                    Tiling t = new Tiling(i0, images * th * tw, th, tw, ph, pw);
                    body.run(g, ch == first, t, roundUp(t.tiles), sc);
                }
            }
            give(sc);
        });
    }

    /** At most this many partial sums of a weight gradient: the parallelism its chunks can be split into. */
    static final int WEIGHT_GRAD_PARTIALS = 16;
    /** Scratch and partial sums a product may take, in floats (64 MB): larger layers run im2col. */
    static final long MAX_FLOATS = 1L << 24;

    /** Whether a layer's Winograd products stay within {@link #MAX_FLOATS}: per-thread scratch, and the weight gradient's partials. */
    static boolean fits(int n, int cin, int cout, int oh, int ow) {
        int tpi = ((oh + 3) / 4) * ((ow + 3) / 4);
        long tp = roundUp(imagesPerChunk(tpi) * tpi);
        long scratch = POINTS * tp * ((long) cin + cout);
        long partials = (long) Math.min(chunks(n, oh, ow), WEIGHT_GRAD_PARTIALS) * POINTS * cin * cout;
        return scratch <= MAX_FLOATS && partials <= MAX_FLOATS;
    }

    /**
     * The gradient tiles' transforms G' g G'^T into q (cout, 36, tp): the 4x4 tiles of grad (n, cout, oh, ow),
     * zero past its edges and in lanes past the last tile.
     */
    private static void gradTransform(float[] gs, int cout, int oh, int ow, Tiling t, int tp, float[] q, Scratch sc) {
        float[] d = sc.d, e = sc.e;
        int rowLen = 4 * tp;
        float[] rows = sc.plane(4 * rowLen);
        zeroTail(rows, 4, rowLen, t.tiles);
        Tiling unpadded = new Tiling(t.i0, t.tiles, t.th, t.tw, 0, 0);
        for (int o = 0; o < cout; o++) {
            patchRows(gs, o, cout, oh, ow, unpadded, 4, 0, rows, 0, rowLen);
            for (int t0 = 0; t0 < tp; t0 += VL) {
                for (int a = 0; a < 4; a++) unzip4(rows, a * rowLen + 4 * t0, d, a * 4 * VL);
                for (int b = 0; b < 4; b++) gradRows(d, b * VL, 4 * VL, e, b * VL, 4 * VL);
                for (int a = 0; a < 6; a++) gradRows(e, a * 4 * VL, VL, q, (o * POINTS + a * 6) * tp + t0, tp);
            }
        }
    }

    /**
     * gradWeight (cout, cin, 3, 3) of the forward that made grad (n, cout, oh, ow) from x (n, cin, h, w) padded by
     * (ph, pw): per chunk, the transformed gradient (cout x tiles) times the transformed input's transpose, the 36
     * products summed over a group's chunks in order and then over the groups in order, then A'^T (.) A' back to 3x3.
     */
    static void weightGrad(float[] gs, float[] xs, int n, int cin, int h, int w, int ph, int pw, int cout, float[] gw) {
        int oh = h + 2 * ph - 2, ow = w + 2 * pw - 2, size = POINTS * cout * cin;
        if (n == 0 || oh <= 0 || ow <= 0) {
            java.util.Arrays.fill(gw, 0, cout * cin * 9, 0f);
            return;
        }
        int groups = Math.min(chunks(n, oh, ow), WEIGHT_GRAD_PARTIALS);
        float[] partials = new float[groups * size];
        forEachChunk(n, oh, ow, ph, pw, groups, (g, first, t, tp, sc) -> {
            float[] v = sc.v(POINTS * cin * tp), q = sc.m(POINTS * cout * tp);
            inputTransform(xs, cin, h, w, t, tp, v, sc);
            gradTransform(gs, cout, oh, ow, t, tp, q, sc);
            for (int p = 0; p < POINTS; p++) {
                SgemmKernel.block(0, cout, 0, cin, tp, q, p * tp, POINTS * tp, 1, v, p * tp, 1, POINTS * tp,
                        partials, g * size + p * cout * cin, cin, !first);
            }
        });
        // the groups' partials added in group order, element by element: spread over the threads, same bits
        Parallel.forRange(size, 16384, (from, to) -> {
            for (int g = 1; g < groups; g++) {
                int at = g * size;
                for (int i = from; i < to; i++) partials[i] += partials[at + i];
            }
        });
        float[] z = new float[18];
        int pc = cout * cin;
        for (int oc = 0; oc < pc; oc++) {
            for (int b = 0; b < 6; b++) {  // z = A'^T M over rows: 6 columns, 3 rows each
                float m0 = partials[b * pc + oc], m1 = partials[(6 + b) * pc + oc], m2 = partials[(12 + b) * pc + oc];
                float m3 = partials[(18 + b) * pc + oc], m4 = partials[(24 + b) * pc + oc], m5 = partials[(30 + b) * pc + oc];
                z[b] = m0 + (m1 + m2) + (m3 + m4);
                z[6 + b] = (m1 - m2) + 2f * (m3 - m4);
                z[12 + b] = (m1 + m2) + 4f * (m3 + m4) + m5;
            }
            for (int a = 0; a < 3; a++) {  // then over columns
                float m0 = z[a * 6], m1 = z[a * 6 + 1], m2 = z[a * 6 + 2], m3 = z[a * 6 + 3], m4 = z[a * 6 + 4], m5 = z[a * 6 + 5];
                gw[oc * 9 + a * 3] = m0 + (m1 + m2) + (m3 + m4);
                gw[oc * 9 + a * 3 + 1] = (m1 - m2) + 2f * (m3 - m4);
                gw[oc * 9 + a * 3 + 2] = (m1 + m2) + 4f * (m3 + m4) + m5;
            }
        }
    }

    /**
     * gradInput (n, cin, h, w), overwritten, of the forward (filters ws (cout, cin, 3, 3), padding (ph, pw)) that made
     * grad (n, cout, oh, ow): the forward's adjoint on the forward's own 4x4 output tiles. Per tile and out-channel,
     * the gradient tile's transform A g A^T (computed as {@link #gradTransform}'s G' g G'^T, whose rows are A's times
     * D, with 1 / (D_a D_b) folded into the filters); the 36 products U^T (cin x cout) times those; then B (.) B^T back
     * to each tile's 6x6 input patch, and the patches added into the image where they overlap, in a fixed order.
     */
    static void inputGrad(float[] gs, float[] ws, int n, int cin, int h, int w, int ph, int pw, int cout, float[] gi) {
        int oh = h + 2 * ph - 2, ow = w + 2 * pw - 2;
        if (n == 0 || oh <= 0 || ow <= 0 || cin == 0 || cout == 0) {
            java.util.Arrays.fill(gi, 0, n * cin * h * w, 0f);
            return;
        }
        float[] u = filterTransform(ws, cout, cin, true);
        forEachChunk(n, oh, ow, ph, pw, chunks(n, oh, ow), (g, first, t, tp, sc) -> {
            float[] q = sc.v(POINTS * cout * tp), m = sc.m(POINTS * cin * tp);
            // a chunk's patches fall only on its own images, so it clears them itself, on its own thread
            int plane = cin * h * w, images = t.tiles / t.perImage();
            java.util.Arrays.fill(gi, t.i0 * plane, (t.i0 + images) * plane, 0f);
            gradTransform(gs, cout, oh, ow, t, tp, q, sc);
            for (int p = 0; p < POINTS; p++) {
                SgemmKernel.block(0, cin, 0, tp, cout, u, p * cin * cout, cout, 1, q, p * tp, POINTS * tp, 1, m, p * tp, POINTS * tp, false);
            }
            patchTransform(m, cin, tp, t, gi, h, w, sc);
        });
    }

    /**
     * The input gradient's patches B m B^T for each in-channel and tile of the chunk, from products m (cin, 36, tp):
     * columns 0..3 of each patch row interleaved into 4 floats per tile, columns 4 and 5 likewise (with two zeros), then
     * per row of tiles added into gi (n, cin, h, w) at the patch's place, clipped to the image.
     */
    private static void patchTransform(float[] m, int cin, int tp, Tiling t, float[] gi, int h, int w, Scratch sc) {
        float[] f = sc.d, z = sc.e;
        int rowLen = 4 * tp, tpi = t.perImage(), images = t.tiles / tpi, len = 4 * t.tw;
        float[] rows = sc.plane(12 * rowLen);  // patch rows: columns 0..3 of each tile, then 4, 5 and two zeros
        for (int c = 0; c < cin; c++) {
            for (int t0 = 0; t0 < tp; t0 += VL) {
                for (int b = 0; b < 6; b++) patchRows(m, (c * POINTS + b) * tp + t0, 6 * tp, f, b * VL, 6 * VL);
                for (int a = 0; a < 6; a++) {
                    patchRows(f, a * 6 * VL, VL, z, a * 6 * VL, VL);
                    zip4(z, a * 6 * VL, rows, a * rowLen + 4 * t0);
                    zip2(z, (a * 6 + 4) * VL, rows, (6 + a) * rowLen + 4 * t0);
                }
            }
            for (int i = 0; i < images; i++) {
                int plane = ((t.i0 + i) * cin + c) * h * w;
                for (int ty = 0; ty < t.th; ty++) {
                    int at = 4 * (i * tpi + ty * t.tw);
                    for (int a = 0; a < 6; a++) {
                        int y = 4 * ty + a - t.ph;
                        if (y < 0 || y >= h) continue;
                        addSegment(rows, a * rowLen + at, len, -t.pw, gi, plane + y * w, w);
                        addSegment(rows, (6 + a) * rowLen + at, len, 4 - t.pw, gi, plane + y * w, w);
                    }
                }
            }
        }
    }

    /** dst[row + x0 + k] += src[s + k] for k in 0..len-1 where 0 <= x0 + k < w. */
    private static void addSegment(float[] src, int s, int len, int x0, float[] dst, int row, int w) {
        int from = Math.max(0, -x0), to = Math.min(len, w - x0);
        if (from < to) ConvDirect.addInto(src, s + from, dst, row + x0 + from, to - from);
    }
}
