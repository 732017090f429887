package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machine detection from Linux's files, its fallbacks, and the blocking derived from it. */
class CpuInfoTest {
    @TempDir
    Path dir;

    private void cache(int index, String level, String type, String size) throws IOException {
        Path d = Files.createDirectories(dir.resolve("cache").resolve("index" + index));
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
    }

    @Test
    void readsModelAndCaches() throws IOException {
        Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel\t\t: 17\n"
                + "model name\t: AMD EPYC 9654 96-Core Processor\nflags\t\t: fpu avx512f\n");
        cache(0, "1", "Data", "32K");
        cache(1, "1", "Instruction", "32K");
        cache(2, "2", "Unified", "1024K");
        cache(3, "3", "Unified", "32768K");
        CpuInfo cpu = CpuInfo.detect(dir.resolve("cpuinfo"), dir.resolve("cache"));
        assertEquals(new CpuInfo("AMD EPYC 9654 96-Core Processor", 32 << 10, 1 << 20, 32 << 20), cpu);
        // the values measured best on the 2-core AVX-512 EPYC come out of the formula: float kc 512, nc 512
        // (A's 6 x 512 strip is half of L1, the 512 x 512 B block all of L2); double 256 and 512
        assertEquals(512, GemmBlocking.derive(cpu, 4, 6, 32).kc());
        assertEquals(512, GemmBlocking.derive(cpu, 4, 6, 32).nc());
        assertEquals(256, GemmBlocking.derive(cpu, 8, 6, 16).kc());
        assertEquals(512, GemmBlocking.derive(cpu, 8, 6, 16).nc());
    }

    @Test
    void armStyleCpuinfoAndMissingCachesFallBack() throws IOException {
        Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nCPU part\t: 0xd0c\n");
        CpuInfo cpu = CpuInfo.detect(dir.resolve("cpuinfo"), dir.resolve("nothing-here"));
        assertEquals(new CpuInfo("0xd0c", CpuInfo.FALLBACK_L1D, CpuInfo.FALLBACK_L2, CpuInfo.FALLBACK_L3), cpu);
        CpuInfo none = CpuInfo.detect(dir.resolve("missing"), dir.resolve("missing"));
        assertEquals(System.getProperty("os.arch"), none.model());
    }

    @Test
    void oddSizesAreIgnored() throws IOException {
        cache(0, "1", "Data", "lots");
        cache(1, "2", "Unified", "-5K");
        cache(2, "3", "Unified", "8M");
        CpuInfo cpu = CpuInfo.detect(dir.resolve("missing"), dir.resolve("cache"));
        assertEquals(CpuInfo.FALLBACK_L1D, cpu.l1d());
        assertEquals(CpuInfo.FALLBACK_L2, cpu.l2());
        assertEquals(8 << 20, cpu.l3());
        assertEquals(0, CpuInfo.parseSize(""));
        assertEquals(48 << 10, CpuInfo.parseSize("48K"));
        assertEquals(0, CpuInfo.parseSize("99999999G"));
    }

    @Test
    void derivedBlockingStaysSaneOnAnyCaches() {
        for (int l1 : new int[] {4 << 10, 32 << 10, 48 << 10, 128 << 10, 1 << 20}) {
            for (int l2 : new int[] {l1, 256 << 10, 2 << 20, 64 << 20}) {
                for (int[] tile : new int[][] {{6, 16, 4}, {6, 32, 4}, {6, 8, 8}, {6, 16, 8}, {6, 4, 4}}) {
                    GemmBlocking b = GemmBlocking.derive(new CpuInfo("x", l1, l2, l2), tile[2], tile[0], tile[1]);
                    assertTrue(b.kc() >= 64 && b.kc() <= 1024 && Integer.bitCount(b.kc()) == 1, b.toString());
                    assertTrue(b.nc() >= tile[1] && b.nc() % tile[1] == 0, b.toString());
                    assertTrue(b.mc() >= tile[0] && b.mc() % tile[0] == 0, b.toString());
                }
            }
        }
    }

    @Test
    void thisMachineIsDetected() {
        assertTrue(CpuInfo.THIS.l1d() >= 4096 && CpuInfo.THIS.l2() >= CpuInfo.THIS.l1d() && CpuInfo.THIS.l3() >= CpuInfo.THIS.l2());
        assertTrue(!CpuInfo.THIS.model().isEmpty());
    }
}
