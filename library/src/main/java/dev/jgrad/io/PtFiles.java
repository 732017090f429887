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

        /**
         * A counter holding the given counts.
         *
         * @param counts element to count, in the order to keep
         */
        public Counter(java.util.Map<?, ?> counts) { putAll(counts); }
    }

    /**
     * {@code torch.save(obj, path)}: writes obj in PyTorch's zip format; the file at path is replaced only once the
     * new one is complete. Tensors sharing a storage are saved once, as views of it.
     *
     * @param obj a value built of the types the class comment lists (a state dict, a tensor, a list of them, ...)
     * @param path the file to write
     * @throws IllegalArgumentException if obj holds a type that cannot be saved ("cannot save a java.lang.Object in a
     *     .pt file: supported are Tensor, ..."), a dict key Python cannot hash, a tensor not on the CPU, or objects
     *     nested too deep (a cycle)
     * @throws java.io.UncheckedIOException if the file cannot be written ("could not write " + path)
     */
    public static void save(Object obj, Path path) { PtWriter.save(obj, path); }

    /**
     * {@code torch.load(path, weights_only=True)}: reads a file written by {@code torch.save} (or {@link #save}).
     *
     * @param path the .pt file (PyTorch 1.6+'s zip format)
     * @return the saved value, built of the types the class comment lists, tensors on the CPU
     * @throws IllegalArgumentException if the file is not a valid .pt file, or its pickle names anything beyond the
     *     allowed types and functions (the message says what is wrong)
     * @throws java.io.UncheckedIOException if the file cannot be read at all (a missing file:
     *     {@link java.nio.file.NoSuchFileException})
     */
    public static Object load(Path path) { return PtReader.load(path); }
}
