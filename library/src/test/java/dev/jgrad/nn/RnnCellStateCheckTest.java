package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import org.junit.jupiter.api.Test;

/**
 * The cells check a given state's shape as PyTorch 1.13's check_rnn_cell_forward_hidden does, instead of
 * broadcasting a state of the wrong batch size into a result. The texts are what PyTorch 1.13 raises for the same
 * calls (torch.nn.RNNCell(3, 4)(torch.randn(2, 3), torch.randn(1, 4)) and so on).
 */
class RnnCellStateCheckTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void aStateOfAnotherBatchSizeIsRefused() {
        assertEquals("Input batch size 2 doesn't match hidden0 batch size 1",
                message(() -> new RNNCell(3, 4).forward(Torch.randn(2, 3), Torch.randn(1, 4))));
        assertEquals("Input batch size 2 doesn't match hidden0 batch size 1",
                message(() -> new GRUCell(3, 4).forward(Torch.randn(2, 3), Torch.randn(1, 4))));
        // PyTorch labels LSTM's c "hidden0" too
        assertEquals("Input batch size 2 doesn't match hidden0 batch size 1",
                message(() -> new LSTMCell(3, 4).forward(Torch.randn(2, 3), Torch.randn(2, 4), Torch.randn(1, 4))));
        assertEquals("Input batch size 2 doesn't match hidden0 batch size 4",
                message(() -> new RNNCell(3, 4).forward(Torch.randn(2, 3), Torch.randn(4))));
    }

    @Test
    void aStateOfAnotherWidthIsRefused() {
        assertEquals("hidden0 has inconsistent hidden_size: got 5, expected 4",
                message(() -> new RNNCell(3, 4).forward(Torch.randn(2, 3), Torch.randn(2, 5))));
        assertEquals("hidden0 has inconsistent hidden_size: got 5, expected 4",
                message(() -> new LSTMCell(3, 4).forward(Torch.randn(2, 3), Torch.randn(2, 5), Torch.randn(2, 4))));
        assertEquals("hidden0 has inconsistent hidden_size: got 5, expected 4",
                message(() -> new GRUCell(3, 4).forward(Torch.randn(3), Torch.randn(5))));
        assertEquals("hidden0 has inconsistent hidden_size: got 1, expected 4",
                message(() -> new RNNCell(3, 4).forward(Torch.randn(3), Torch.randn(1, 4))));
    }

    @Test
    void fittingStatesStillRunBatchedAndUnbatched() {
        RNNCell cell = new RNNCell(3, 4);
        Tensor x = Torch.randn(2, 3), h = Torch.randn(2, 4);
        Tensor batched = cell.forward(x, h);
        assertArrayEquals(new long[] {2, 4}, batched.shape());
        Tensor one = cell.forward(x.get(1), h.get(1));
        assertArrayEquals(new long[] {4}, one.shape());
        assertTrue(one.allclose(batched.get(1), 1e-6, 1e-6), "an unbatched step equals its row of the batched one");
        LSTMCell.State s = new LSTMCell(3, 4).forward(x, h, Torch.randn(2, 4));
        assertArrayEquals(new long[] {2, 4}, s.c().shape());
    }
}
