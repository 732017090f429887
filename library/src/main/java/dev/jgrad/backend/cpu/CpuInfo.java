package dev.jgrad.backend.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the running machine is, as far as the GEMM kernels care: the CPU's name and its data cache sizes.
 *
 * <p>Read once from Linux's {@code /proc/cpuinfo} and {@code /sys/devices/system/cpu/cpu0/cache}; elsewhere,
 * or where a file is missing or odd, the sizes fall back to what nearly every x86 and ARM server core of the
 * last decade has at least (32 KiB L1 data, 512 KiB L2, 4 MiB L3), so the blocking derived from them is safe
 * rather than tuned. The vector width is not here: it comes from the Vector API's preferred species, in
 * the kernel classes that may load it.
 *
 * @param model the CPU model name ({@code model name} of /proc/cpuinfo), or the OS architecture when unknown
 * @param l1d bytes of level-1 data cache per core
 * @param l2 bytes of level-2 cache per core
 * @param l3 bytes of level-3 cache (shared), or of L2 where there is no L3
 */
record CpuInfo(String model, int l1d, int l2, int l3) {
    static final int FALLBACK_L1D = 32 << 10, FALLBACK_L2 = 512 << 10, FALLBACK_L3 = 4 << 20;

    /** This machine, detected once. */
    static final CpuInfo THIS = detect(Path.of("/proc/cpuinfo"), Path.of("/sys/devices/system/cpu/cpu0/cache"));

    /** Detects from a cpuinfo file and a sysfs cache directory; either may be missing. */
    static CpuInfo detect(Path cpuinfo, Path cacheDir) {
        String model = modelName(cpuinfo);
        int l1d = 0, l2 = 0, l3 = 0;
        for (int index = 0; index < 8; index++) {
            Path dir = cacheDir.resolve("index" + index);
            String level = read(dir.resolve("level")), type = read(dir.resolve("type"));
            int size = parseSize(read(dir.resolve("size")));
            if (level == null || type == null || size <= 0 || type.equals("Instruction")) continue;
            switch (level) {
                case "1" -> l1d = size;
                case "2" -> l2 = size;
                case "3" -> l3 = size;
                default -> { }
            }
        }
        if (l1d < 4096) l1d = FALLBACK_L1D;
        if (l2 < l1d) l2 = Math.max(FALLBACK_L2, 8 * l1d);
        if (l3 < l2) l3 = Math.max(l2, FALLBACK_L3);
        return new CpuInfo(model, l1d, l2, l3);
    }

    /** The first {@code model name} (x86) or {@code Model}/{@code CPU part} line; the architecture if none. */
    private static String modelName(Path cpuinfo) {
        try {
            List<String> lines = Files.readAllLines(cpuinfo);
            for (String key : new String[] {"model name", "Model", "CPU part"}) {
                for (String line : lines) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                        String value = line.substring(colon + 1).trim();
                        if (!value.isEmpty()) return value;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch", "unknown");
    }

    /** Sysfs sizes look like {@code 32K}, {@code 1024K} or {@code 32M}; 0 when it is none of those. */
    static int parseSize(String s) {
        if (s == null || s.isEmpty()) return 0;
        long unit = switch (Character.toUpperCase(s.charAt(s.length() - 1))) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long v = Long.parseLong(digits.trim()) * unit;
            return v > 0 && v <= Integer.MAX_VALUE ? (int) v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
