package dev.jgrad.io;

import java.nio.file.Path;

/**
 * PyTorch's {@code .pt} files ({@code torch.save} / {@code torch.load}, the zip format of PyTorch 1.6 and
 * later), so checkpoints move between jgrad and PyTorch both ways.
 *
 * <p>Values map as: Tensor ↔ tensor (float32, float64, int64, int32, bool, float16, bfloat16; uint8 loads widened
 * to int32; views of one storage stay views of one storage), {@link dev.jgrad.nn.Parameter} ↔ nn.Parameter, Map ↔ dict / OrderedDict (insertion
 * order kept; loads as LinkedHashMap), List ↔ list (ArrayList), Object[] ↔ tuple, Long ↔ int, Double ↔
 * float, String ↔ str, Boolean ↔ bool, null ↔ None, {@link Counter} ↔ collections.Counter. Saving also takes
 * Integer, Short, Byte and Float.
 * A saved map whose values are all tensors (a state dict) becomes an OrderedDict, as PyTorch's are.
 *
 * <p>Loading is as safe as {@code torch.load(weights_only=True)}: the pickle may name only OrderedDict,
 * Counter (a dict of counts), the tensor and parameter rebuild functions and storage types, nothing else is ever constructed, and a
 * malformed or hostile file gives an IllegalArgumentException that says what is wrong (an
 * UncheckedIOException only when the file cannot be read at all). Tensors load on
 * the CPU whatever device they were saved from; a state dict's {@code _metadata} (per-module versions) is
 * dropped. Only the zip format is read (not the legacy pre-1.6 one). PyTorch 1.13's {@code weights_only=True} itself cannot
 * read Python floats (plain {@code torch.load} can); a file without Double/Float values avoids that.
 */
public final class PtFiles {
    private PtFiles() {}

    /**
     * A Python {@code collections.Counter} ({element: count}, in insertion order): PyTorch's MultiStepLR keeps its
     * milestones in one. Saved as a Counter, so PyTorch gets one back; a Counter in a loaded file loads as this class.
     */
    public static final class Counter extends java.util.LinkedHashMap<Object, Object> {
        /** An empty counter. */
        public Counter() {}

        /** A counter holding the given counts. */
        public Counter(java.util.Map<?, ?> counts) { putAll(counts); }
    }

    /** Writes obj as {@code torch.save} does; the file at path is replaced only once the new one is complete. */
    public static void save(Object obj, Path path) { PtWriter.save(obj, path); }

    /** Reads a file written by {@code torch.save} (or {@link #save}). */
    public static Object load(Path path) { return PtReader.load(path); }
}
