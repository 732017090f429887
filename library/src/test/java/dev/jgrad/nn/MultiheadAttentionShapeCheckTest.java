package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import org.junit.jupiter.api.Test;

/**
 * MultiheadAttention refuses inputs and masks that do not fit with PyTorch 1.13's texts (its _mha_shape_check and
 * multi_head_attention_forward checks), instead of failing later inside a view or a broadcast with a message about
 * something else. Each expected text is what torch.nn.MultiheadAttention(8, 2) raised for the same call in PyTorch
 * 1.13.
 */
class MultiheadAttentionShapeCheckTest {
    private final MultiheadAttention m = new MultiheadAttention(8, 2);

    private static Tensor r(long... shape) { return Torch.randn(shape); }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void ranks() {
        assertEquals("query should be unbatched 2D or batched 3D tensor but received 4-D query tensor",
                message(() -> m.forward(r(5, 2, 3, 8), r(5, 2, 3, 8), r(5, 2, 3, 8))));
        assertEquals("For batched (3-D) `query`, expected `key` and `value` to be 3-D but found 2-D and 2-D tensors respectively",
                message(() -> m.forward(r(5, 2, 8), r(7, 8), r(7, 8))));
        assertEquals("For unbatched (2-D) `query`, expected `key` and `value` to be 2-D but found 3-D and 3-D tensors respectively",
                message(() -> m.forward(r(5, 8), r(7, 2, 8), r(7, 2, 8))));
        assertEquals("For batched (3-D) `query`, expected `key_padding_mask` to be `None` or 2-D but found 3-D tensor instead",
                message(() -> m.forward(r(5, 2, 8), r(7, 2, 8), r(7, 2, 8), Torch.zeros(DType.BOOL, 2, 7, 1), true, null, true)));
        assertEquals("For unbatched (2-D) `query`, expected `key_padding_mask` to be `None` or 1-D but found 2-D tensor instead",
                message(() -> m.forward(r(5, 8), r(7, 8), r(7, 8), Torch.zeros(DType.BOOL, 1, 7), true, null, true)));
        assertEquals("For batched (3-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D but found 1-D tensor instead",
                message(() -> m.forward(r(5, 2, 8), r(7, 2, 8), r(7, 2, 8), null, true, Torch.zeros(7), true)));
    }

    @Test
    void shapesAndDtypes() {
        assertEquals("Expected `attn_mask` shape to be (2, 5, 7) but got torch.Size([3, 5, 7])",
                message(() -> m.forward(r(5, 8), r(7, 8), r(7, 8), null, true, Torch.zeros(3, 5, 7), true)));
        assertEquals("The shape of the 2D attn_mask is torch.Size([5, 5]), but should be (5, 7).",
                message(() -> m.forward(r(5, 2, 8), r(7, 2, 8), r(7, 2, 8), null, true, Torch.zeros(5, 5), true)));
        assertEquals("The shape of the 3D attn_mask is torch.Size([2, 5, 7]), but should be (4, 5, 7).",
                message(() -> m.forward(r(5, 2, 8), r(7, 2, 8), r(7, 2, 8), null, true, Torch.zeros(2, 5, 7), true)));
        assertEquals("expecting key_padding_mask shape of (2, 7), but got torch.Size([2, 5])",
                message(() -> m.forward(r(5, 2, 8), r(7, 2, 8), r(7, 2, 8), Torch.zeros(DType.BOOL, 2, 5), true, null, true)));
        assertEquals("key shape torch.Size([7, 2, 8]) does not match value shape torch.Size([6, 2, 8])",
                message(() -> m.forward(r(5, 2, 8), r(7, 2, 8), r(6, 2, 8))));
        assertEquals("was expecting embedding dimension of 8, but got 6", message(() -> m.forward(r(5, 2, 6), r(7, 2, 6), r(7, 2, 6))));
        assertEquals("Only float, byte, and bool types are supported for attn_mask, not torch.int64",
                message(() -> m.forward(r(5, 2, 8), r(7, 2, 8), r(7, 2, 8), null, true, Torch.zeros(DType.INT64, 5, 7), true)));
    }

    @Test
    void fittingMasksStillRun() {
        var batched = m.forward(r(5, 2, 8), r(7, 2, 8), r(7, 2, 8), Torch.zeros(DType.BOOL, 2, 7), true, Torch.zeros(4, 5, 7), true);
        assertArrayEquals(new long[] {5, 2, 8}, batched.output().shape());
        assertArrayEquals(new long[] {2, 5, 7}, batched.weights().shape());
        var unbatched = m.forward(r(5, 8), r(7, 8), r(7, 8), Torch.zeros(DType.BOOL, 7), true, Torch.zeros(2, 5, 7), false);
        assertArrayEquals(new long[] {2, 5, 7}, unbatched.weights().shape());
    }
}
