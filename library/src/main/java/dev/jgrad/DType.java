package dev.jgrad;

/**
 * Element types, as {@code torch.dtype}. Prints as PyTorch does: {@code torch.float32}.
 *
 * <p>The promotion category orders bool &lt; integral &lt; floating point (see {@link #category()}).
 * The 16-bit floating types (float16, bfloat16) are stored as their bit patterns and computed in float32.
 */
public enum DType {
    /** {@code torch.float32} ({@code torch.float}): the default floating dtype, 4 bytes. */
    FLOAT32("float32", "Float", 4, Category.FLOATING),
    /** {@code torch.float64} ({@code torch.double}), 8 bytes. */
    FLOAT64("float64", "Double", 8, Category.FLOATING),
    /** {@code torch.int64} ({@code torch.long}): the dtype of integer literals and indices, 8 bytes. */
    INT64("int64", "Long", 8, Category.INTEGRAL),
    /** {@code torch.int32} ({@code torch.int}), 4 bytes. */
    INT32("int32", "Int", 4, Category.INTEGRAL),
    /** {@code torch.bool}: the dtype of comparisons and masks, 1 byte. */
    BOOL("bool", "Bool", 1, Category.BOOLEAN),
    /** IEEE 754 half precision ({@code torch.float16}, {@code torch.half}): 1 sign, 5 exponent, 10 fraction bits; 2 bytes. */
    FLOAT16("float16", "Half", 2, Category.FLOATING),
    /** Brain floating point ({@code torch.bfloat16}): float32's upper 16 bits (8 exponent, 7 fraction bits); 2 bytes. */
    BFLOAT16("bfloat16", "BFloat16", 2, Category.FLOATING);

    /** torch.float */
    public static final DType FLOAT = FLOAT32;
    /** torch.double */
    public static final DType DOUBLE = FLOAT64;
    /** torch.long */
    public static final DType LONG = INT64;
    /** torch.int */
    public static final DType INT = INT32;
    /** torch.half */
    public static final DType HALF = FLOAT16;

    /** Promotion categories, lowest first. */
    public enum Category {
        /** bool. */
        BOOLEAN,
        /** The integer dtypes. */
        INTEGRAL,
        /** The floating-point dtypes. */
        FLOATING
    }

    private final String torchName;
    private final String scalarTypeName;
    private final int itemSize;
    private final Category category;

    DType(String torchName, String scalarTypeName, int itemSize, Category category) {
        this.torchName = torchName;
        this.scalarTypeName = scalarTypeName;
        this.itemSize = itemSize;
        this.category = category;
    }

    /** {@return the bytes per element ({@code dtype.itemsize}): 4 for float32, 1 for bool} */
    public int itemSize() { return itemSize; }

    /** {@return whether this is a floating dtype ({@code dtype.is_floating_point}): float32, float64, float16, bfloat16} */
    public boolean isFloatingPoint() { return category == Category.FLOATING; }

    /** {@return the promotion category (bool, integral, floating), as PyTorch's type promotion ranks it} */
    public Category category() { return category; }

    /** {@return whether this is one of the 16-bit floating types (float16, bfloat16), which kernels compute in float32} */
    public boolean isReducedFloatingPoint() { return this == FLOAT16 || this == BFLOAT16; }

    /** {@return the short name PyTorch uses inside messages: Float, Double, Long, Int, Bool, Half, BFloat16} */
    public String scalarTypeName() { return scalarTypeName; }

    /** {@return the legacy tensor type name used in autograd messages and {@code Tensor.type()}: {@code torch.FloatTensor}} */
    public String legacyTensorTypeName() { return "torch." + scalarTypeName + "Tensor"; }

    /** {@return the bare name: float32, int64, ... ({@code str(dtype)} without {@code torch.})} */
    public String shortName() { return torchName; }

    @Override public String toString() { return "torch." + torchName; }
}
