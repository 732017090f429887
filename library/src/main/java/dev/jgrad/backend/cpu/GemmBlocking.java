package dev.jgrad.backend.cpu;

/**
 * The cache blocking of a packed GEMM kernel ({@link SgemmKernel}, {@link DgemmKernel}), derived from the
 * machine's cache sizes ({@link CpuInfo}) and the kernel's register tile, so that each level of the loop nest
 * keeps its working set in the cache it was sized for:
 * <ul>
 *   <li>kc, the depth of one pass: the MR-row strip of A (MR x kc), which every B strip of the block meets
 *       in turn, fills half of L1 data, leaving the other half to the B strip streaming past it;</li>
 *   <li>nc, the packed B block's width: kc x nc fills L2. A is read once per block, so a wider block
 *       reads it less often; on the 2-core EPYC (1 MB L2) a block of all of L2 beat half of it by 2-4%,
 *       and kc = 512 beat 256 by 2-9% (float, one thread, the two interleaved in one JVM);</li>
 *   <li>mc, the rows of a transposed A packed at once: an eighth of L2.</li>
 * </ul>
 * Each is rounded to a power of two (kc) or a whole number of tiles, and kc stays within 64..1024. kc sets
 * where partial sums of C are rounded, so it is part of a machine's results (like the OpenBLAS choice, see
 * {@link GemmPlan}); nc and mc only regroup the same arithmetic. {@code -Djgrad.sgemm.kc} (and {@code .nc},
 * {@code .mc}, and the {@code jgrad.dgemm.*} twins) override the derived values.
 *
 * @param kc depth of one pass over k
 * @param nc columns of B packed per block, a multiple of NR
 * @param mc rows of A packed per block when A is not row-major, a multiple of MR
 */
record GemmBlocking(int kc, int nc, int mc) {
    GemmBlocking {
        if (kc < 1 || nc < 1 || mc < 1) throw new IllegalArgumentException("bad GEMM blocking " + kc + "/" + nc + "/" + mc);
    }

    /** The blocking for an element size and register tile on a machine, before overrides. */
    static GemmBlocking derive(CpuInfo cpu, int elementBytes, int mr, int nr) {
        int kc = Math.clamp(Integer.highestOneBit(Math.max(1, cpu.l1d() / 2 / (mr * elementBytes))), 64, 1024);
        int nc = Math.max(nr, cpu.l2() / (kc * elementBytes) / nr * nr);
        int mc = Math.max(mr, cpu.l2() / 8 / (kc * elementBytes) / mr * mr);
        return new GemmBlocking(kc, nc, mc);
    }

    /** {@link #derive} on this machine, then the {@code jgrad.PREFIX.kc/nc/mc} properties, rounded to whole tiles. */
    static GemmBlocking forThisMachine(String prefix, int elementBytes, int mr, int nr) {
        GemmBlocking d = derive(CpuInfo.THIS, elementBytes, mr, nr);
        int kc = Integer.getInteger("jgrad." + prefix + ".kc", d.kc);
        int nc = Integer.getInteger("jgrad." + prefix + ".nc", d.nc);
        int mc = Integer.getInteger("jgrad." + prefix + ".mc", d.mc);
        return new GemmBlocking(Math.max(1, kc), roundUp(Math.max(1, nc), nr), roundUp(Math.max(1, mc), mr));
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }
}
