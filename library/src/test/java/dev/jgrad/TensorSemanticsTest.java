package dev.jgrad;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory sharing, version counting, the array bridge and failure atomicity: behaviour PyTorch defines by semantics, not values. */
class TensorSemanticsTest {

    @Test
    void viewsShareMemoryBothWays() {
        Tensor a = arange(0.0, 6.0).view(2, 3);
        Tensor col = a.index(":, 2");
        Tensor row = a.select(0, 1);
        Tensor tr = a.t();
        col.fill_(9);
        assertArrayEquals(new double[] {0, 1, 9, 3, 4, 9}, a.toDoubleArray());
        row.add_(1);
        assertArrayEquals(new double[] {0, 1, 9, 4, 5, 10}, a.toDoubleArray());
        assertEquals(10.0, tr.index("2, 1").item());
        assertTrue(col.sharesStorageWith(a) && tr.sharesStorageWith(a));
        assertFalse(tr.isContiguous());
    }

    @Test
    void versionCounterIsSharedByViewsAndDetach() {
        Tensor a = zeros(3);
        Tensor v = a.slice(0, 1, 3);
        Tensor d = a.detach();
        assertEquals(0, a.version());
        v.add_(1);
        assertEquals(1, a.version());
        assertEquals(1, d.version());
        d.mul_(2);
        a.zero_();
        assertEquals(3, v.version());
        a.add(1);  // out of place: no bump
        assertEquals(3, a.version());
    }

    @Test
    void arrayBridgeSharesMemoryBothWays() {
        float[] data = {1, 2, 3, 4};
        Tensor t = fromArray(data, 2, 2);
        data[0] = 9;
        assertEquals(9.0, t.index("0, 0").item());
        t.add_(1);
        assertArrayEquals(new float[] {10, 3, 4, 5}, data);
        assertSame(data, t.asFloatArray());
        float[] copy = t.toFloatArray();
        copy[0] = -1;
        assertEquals(10.0, t.index("0, 0").item());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.t().asFloatArray());
        assertTrue(e.getMessage().contains("contiguous"));
        assertThrows(IllegalStateException.class, () -> t.asDoubleArray());
        double[] dd = {1, 2};
        assertEquals(DType.FLOAT64, fromArray(dd).dtype());
        assertEquals(DType.INT64, fromArray(new long[] {1}).dtype());
        assertEquals(DType.INT32, fromArray(new int[] {1}).dtype());
    }

    @Test
    void contiguousReturnsSelfAndReshapeViewsWhenItCan() {
        Tensor a = ones(2, 3);
        assertSame(a, a.contiguous());
        assertTrue(a.reshape(3, 2).sharesStorageWith(a));
        Tensor t = a.t();
        assertFalse(t.reshape(6).sharesStorageWith(a));  // a transpose can't be flattened without a copy
        assertTrue(t.reshape(3, 2).sharesStorageWith(a));
        assertNotSame(t, t.contiguous());
        assertTrue(t.contiguous().isContiguous());
    }

    @Test
    void outArgumentIsResizedAndWritten() {
        Tensor a = ones(2, 2), b = ones(2, 2);
        Tensor out = empty(0);
        Tensor r = add(a, b, out);
        assertSame(out, r);
        assertArrayEquals(new long[] {2, 2}, out.shape());
        assertArrayEquals(new double[] {2, 2, 2, 2}, out.toDoubleArray());
        Tensor longOut = zeros(DType.INT64, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> add(a, b, longOut));
        assertEquals("result type Float can't be cast to the desired output type Long", e.getMessage());
    }

    @Test
    void failedInPlaceOpsLeaveTheTargetUntouched() {
        Tensor a = tensor(1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> a.add_(1.5));
        assertThrows(IllegalArgumentException.class, () -> a.add_(ones(DType.INT64, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> a.copy_(ones(2)));
        assertArrayEquals(new long[] {1, 2, 3}, a.toLongArray());
        assertEquals(0, a.version());
    }

    @Test
    void inPlaceWritesRefusePartialOverlapLikePyTorch() {
        Tensor a = arange(0.0, 4.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.slice(0, 1, 4).copy_(a.slice(0, 0, 3)));
        assertTrue(e.getMessage().startsWith("unsupported operation: some elements of the input tensor"));
        assertArrayEquals(new double[] {0, 1, 2, 3}, a.toDoubleArray());
        a.slice(0, 0, 4, 2).add_(a.slice(0, 1, 4, 2));  // interleaved views share no element: allowed
        assertArrayEquals(new double[] {1, 1, 5, 3}, a.toDoubleArray());
        Tensor m = arange(0.0, 4.0).view(2, 2);
        m.add_(m);
        assertArrayEquals(new double[] {0, 2, 4, 6}, m.toDoubleArray());
        Tensor expanded = ones(1, 3).expand(2, 3);
        assertThrows(IllegalArgumentException.class, () -> expanded.add_(1));
        expanded.fill_(2);  // fill_ may write through aliases
        assertEquals(12.0, expanded.sum().item());
    }

    @Test
    void nullArgumentsGetClearErrors() {
        Tensor a = ones(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add((Tensor) null));
        assertEquals("add(): argument 'other' (position 1) must be Tensor, not null", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.matmul(null));
        assertThrows(IllegalArgumentException.class, () -> tensor((Object) null));
        assertThrows(IllegalArgumentException.class, () -> cat(null, 0));
        assertThrows(IllegalArgumentException.class, () -> a.index((String) null));
    }

    @Test
    void nestedListsAndArraysInferDtypes() {
        assertEquals(DType.INT64, tensor(List.of(List.of(1, 2), List.of(3, 4))).dtype());
        assertEquals(DType.FLOAT32, tensor(List.of(1.5, 2.0)).dtype());
        assertEquals(DType.BOOL, tensor(true, false).dtype());
        assertEquals(DType.INT64, tensor(1, 2, 3).dtype());
        assertEquals(DType.FLOAT32, tensor(new float[][] {{1}, {2}}).dtype());
        assertEquals(DType.INT64, tensor(new int[] {1, 2}).dtype());
        assertEquals(DType.FLOAT64, tensor(new double[] {1}, DType.FLOAT64).dtype());
        Tensor big = tensor(9007199254740993L);  // one Java number: a 0-dim tensor, like torch.tensor(5)
        assertEquals(0, big.dim());
        assertEquals(9007199254740993L, big.itemLong());
        assertEquals(0, tensor(2.5).dim());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tensor(new double[][] {{1, 2}, {3}}));
        assertEquals("expected sequence of length 2 at dim 1 (got 1)", e.getMessage());
    }

    @Test
    void sizeAndShapeAccessors() {
        Tensor a = zeros(2, 3, 4);
        assertEquals("torch.Size([2, 3, 4])", a.size().toString());
        assertEquals(4, a.size(-1));
        assertArrayEquals(new long[] {12, 4, 1}, a.stride());
        assertEquals(24, a.numel());
        assertEquals(3, a.dim());
        assertEquals(Device.CPU, a.device());
        assertEquals("cpu", a.device().toString());
        assertEquals(new Size(2, 3, 4), a.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.size(3));
        assertEquals("Dimension out of range (expected to be in range of [-3, 2], but got 3)", e.getMessage());
        assertThrows(IllegalStateException.class, () -> a.to(Device.of("cuda")));
        assertFalse(cudaIsAvailable());
    }

    @Test
    void itemNeedsExactlyOneElement() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ones(3).item());
        assertEquals("only one element tensors can be converted to Java scalars", e.getMessage());
        assertEquals(2.5, scalarTensor(2.5).item());
        assertEquals(7L, ones(DType.INT64, 1, 1).mul(7L).itemLong());
        assertTrue(ones(DType.BOOL, 1).itemBool());
    }

    @Test
    void requiresGradOnlyForFloatingTensors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tensor(1, 2).requiresGrad_());
        assertEquals("only Tensors of floating point dtype can require gradients", e.getMessage());
        Tensor a = ones(2, 2).requiresGrad_();
        assertEquals("tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)", a.toString());
    }

    @Test
    void expandIsAZeroStrideView() {
        Tensor a = tensor(1.0, 2.0, 3.0).view(1, 3);
        Tensor e = a.expand(4, 3);
        assertArrayEquals(new long[] {0, 1}, e.stride());
        a.mul_(2);
        assertEquals(6.0, e.index("3, 2").item());
        assertEquals(48.0, e.sum().item());
    }
}
