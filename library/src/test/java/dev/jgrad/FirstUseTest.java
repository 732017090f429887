package dev.jgrad;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The frictions a new user met first (issue 13): printing a shape, and passing a size to randperm.
 * Expected values are PyTorch 1.13's ({@code str(x.shape)}, {@code torch.manual_seed(0); torch.randperm(6)}).
 */
class FirstUseTest {
    @Test
    void sizePrintsAsTorchSizeAndShapeIsTheSameNumbers() {
        Tensor x = zeros(2, 3);
        assertEquals("torch.Size([2, 3])", x.size().toString());     // print(x.shape) in PyTorch
        assertEquals("torch.Size([])", scalarTensor(1.0).size().toString());
        // shape() stays a long[] (java-api.md): print it with Arrays.toString, or print size()
        assertArrayEquals(new long[] {2, 3}, x.shape());
        assertEquals("[2, 3]", Arrays.toString(x.shape()));
        assertArrayEquals(x.shape(), x.size().toLongArray());
    }

    @Test
    void randpermTakesTheLongThatSizeReturns() {
        Tensor x = zeros(6, 2);
        manualSeed(0);
        Tensor p = randperm(x.size(0));  // compiles without a cast: size(d) is a long
        assertArrayEquals(new long[] {2, 5, 3, 0, 1, 4}, p.toLongArray());
        assertEquals(DType.INT64, p.dtype());
        assertEquals(0, randperm(0L).numel());
        assertEquals("Trying to create tensor with negative dimension -1: [-1]",
                assertThrows(IllegalArgumentException.class, () -> randperm(-1)).getMessage());
        assertEquals("jgrad CPU tensors hold at most 2^31 - 17 elements; size [3000000000] is too large",
                assertThrows(IllegalArgumentException.class, () -> randperm(3_000_000_000L)).getMessage());
    }
}
