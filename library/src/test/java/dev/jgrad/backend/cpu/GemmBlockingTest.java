package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.backend.cpu.GemmTest.Impl;
import dev.jgrad.backend.cpu.GemmTest.Layout;
import org.junit.jupiter.api.Test;

/**
 * The packed kernels under blockings other than this machine's ({@link GemmBlocking}): what another machine's
 * caches would choose must give correct products too, at shapes that leave ragged edges in every loop.
 */
class GemmBlockingTest {
    /** The packed kernels over the whole product with one blocking for each precision. */
    private static Impl packed(GemmBlocking sb, GemmBlocking db) {
        return new Impl() {
            @Override
            public void sgemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs,
                              int bcs, float[] c, int cOff, int ldc, boolean accumulate) {
                SgemmKernel.block(sb, 0, m, 0, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
            }

            @Override
            public void dgemm(int m, int n, int k, double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs,
                              int bcs, double[] c, int cOff, int ldc, boolean accumulate) {
                DgemmKernel.block(db, 0, m, 0, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
            }
        };
    }

    @Test
    void everyBlockingGivesTheProduct() {
        assumeTrue(KernelConfig.VECTOR, "the packed kernels need the Vector API");
        int smr = SgemmKernel.MR, snr = SgemmKernel.NR, dmr = DgemmKernel.MR, dnr = DgemmKernel.NR;
        int[][] shapes = {{1, 1, 1}, {7, 5, 3}, {13, 2 * snr + 3, 70}, {37, 3 * snr + 1, 257}, {61, snr - 1, 300}};
        long seed = 7000;
        for (int kc : new int[] {1, 7, 64, 256}) {
            for (int ncTiles : new int[] {1, 3}) {
                for (int mcTiles : new int[] {1, 5}) {
                    Impl impl = packed(new GemmBlocking(kc, ncTiles * snr, mcTiles * smr),
                            new GemmBlocking(kc, ncTiles * dnr, mcTiles * dmr));
                    for (int[] s : shapes) {
                        Layout la = Layout.values()[(int) (seed % 3)], lb = Layout.values()[(int) (seed / 3 % 3)];
                        GemmTest.check(impl, s[0], s[1], s[2], la, lb, seed % 2 == 0, seed);
                        seed++;
                    }
                }
            }
        }
    }

    @Test
    void thisMachinesBlockingIsDerivedFromItsCaches() {
        assumeTrue(KernelConfig.VECTOR, "the packed kernels need the Vector API");
        assumeTrue(System.getProperty("jgrad.sgemm.kc") == null && System.getProperty("jgrad.sgemm.nc") == null);
        GemmBlocking want = GemmBlocking.derive(CpuInfo.THIS, 4, SgemmKernel.MR, SgemmKernel.NR);
        org.junit.jupiter.api.Assertions.assertEquals(want.kc(), SgemmKernel.BLOCKING.kc());
        org.junit.jupiter.api.Assertions.assertEquals(want.nc(), SgemmKernel.BLOCKING.nc());
    }
}
