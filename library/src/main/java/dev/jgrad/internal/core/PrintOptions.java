package dev.jgrad.internal.core;

/**
 * torch.set_printoptions' global state, read by {@link TensorPrinter} each time a tensor is printed: one immutable
 * snapshot swapped atomically, so a print never mixes two settings.
 *
 * @param threshold   elements above which a tensor is summarized (Long.MAX_VALUE for the "full" profile's inf)
 * @param sciMode     null: PyTorch chooses per tensor; true/false forces scientific or fixed notation
 */
public record PrintOptions(int precision, long threshold, int edgeItems, int lineWidth, Boolean sciMode) {
    public static final PrintOptions DEFAULT = new PrintOptions(4, 1000, 3, 80, null);

    private static volatile PrintOptions current = DEFAULT;

    public static PrintOptions current() { return current; }

    /**
     * set_printoptions: a named profile ("default", "short", "full") or null for the current values, then each
     * non-null argument; sciMode is always replaced, as PyTorch's None resets it to automatic.
     */
    public static void set(Integer precision, Long threshold, Integer edgeItems, Integer lineWidth, String profile, Boolean sciMode) {
        PrintOptions base = current;
        if (profile != null) {
            base = switch (profile) {
                case "default" -> DEFAULT;
                case "short" -> new PrintOptions(2, 1000, 2, 80, null);
                case "full" -> new PrintOptions(4, Long.MAX_VALUE, 3, 80, null);
                default -> base;  // PyTorch ignores an unknown profile
            };
        }
        current = new PrintOptions(precision != null ? precision : base.precision, threshold != null ? threshold : base.threshold,
                edgeItems != null ? edgeItems : base.edgeItems, lineWidth != null ? lineWidth : base.lineWidth, sciMode);
    }
}
