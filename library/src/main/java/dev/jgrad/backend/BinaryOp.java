package dev.jgrad.backend;

/** The elementwise binary primitives with a numeric result. */
public enum BinaryOp {
    /** {@code torch.add}: a + b. */
    ADD,
    /** {@code torch.sub}: a - b. */
    SUB,
    /** {@code torch.mul}: a * b. */
    MUL,
    /** {@code torch.div}: true division a / b. */
    DIV,
    /** {@code torch.pow}: a^b. */
    POW,
    /** {@code torch.maximum}: the larger, NaN if either is NaN. */
    MAXIMUM,
    /** {@code torch.minimum}: the smaller, NaN if either is NaN. */
    MINIMUM,
    /** {@code torch.atan2}: the angle of (b, a). */
    ATAN2,
    /** {@code torch.remainder}: the remainder of floor division, with the divisor's sign. */
    REMAINDER,
    /** {@code torch.floor_divide}: floor(a / b). */
    FLOOR_DIVIDE,
    /** {@code torch.special.zeta}: the Hurwitz zeta function zeta(a, b), computed in floating point. */
    ZETA,
    /** {@code torch.fmod}: C's fmod, the remainder of truncated division, with the dividend's sign. */
    FMOD,
    /** {@code torch.nextafter}: the next representable value after a towards b. */
    NEXTAFTER,
    /** {@code torch.igamma}: the regularized lower incomplete gamma function. */
    IGAMMA,
    /** {@code torch.igammac}: the regularized upper incomplete gamma function. */
    IGAMMAC,
    /** {@code torch.bitwise_and} of integers (bool inputs use the logical ops). */
    BITWISE_AND,
    /** {@code torch.bitwise_or} of integers. */
    BITWISE_OR,
    /** {@code torch.bitwise_xor} of integers. */
    BITWISE_XOR,
    /** {@code torch.bitwise_left_shift}: a &lt;&lt; b. */
    LEFT_SHIFT,
    /** {@code torch.bitwise_right_shift}: a &gt;&gt; b (arithmetic). */
    RIGHT_SHIFT
}
