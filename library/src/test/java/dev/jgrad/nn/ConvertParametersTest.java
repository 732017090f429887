package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.utils.ConvertParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * nn.utils parameters_to_vector / vector_to_parameters, with the values and messages PyTorch 1.13 gives for
 * the same calls (a = arange(6).reshape(2, 3), b = [7, 8]).
 */
class ConvertParametersTest {
    private static Parameter a() { return new Parameter(Torch.arange(6.0).reshape(2, 3)); }

    private static Parameter b() { return new Parameter(Torch.tensor(new double[] {7, 8}, DType.FLOAT32)); }

    @Test
    void parametersToVectorConcatenatesInOrderAndStaysInTheGraph() {
        Parameter a = a(), b = b();
        Tensor v = ConvertParameters.parametersToVector(List.of(a, b));
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 7, 8}, v.toDoubleArray());
        assertEquals("CatBackward0", v.gradFn().name());
        v.mul(Torch.arange(8.0)).sum().backward();
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {6, 7}, b.grad().toDoubleArray());
    }

    @Test
    void parametersToVectorErrors() {
        Parameter t = new Parameter(Torch.arange(6.0).reshape(2, 3).t());
        RuntimeException e = assertThrows(RuntimeException.class, () -> ConvertParameters.parametersToVector(List.of(t)));
        assertEquals("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous "
                + "subspaces). Use .reshape(...) instead.", e.getMessage());
        e = assertThrows(RuntimeException.class, () -> ConvertParameters.parametersToVector(List.of()));
        assertEquals("torch.cat(): expected a non-empty list of Tensors", e.getMessage());
    }

    @Test
    void vectorToParametersMakesViewsOfTheVector() {
        Parameter a = a(), b = b();
        Tensor vec = Torch.arange(10.0).to(DType.FLOAT64);
        ConvertParameters.vectorToParameters(vec, List.of(a, b));
        assertEquals(DType.FLOAT64, a.dtype());
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, a.toDoubleArray());
        assertArrayEquals(new double[] {6, 7}, b.toDoubleArray());
        assertEquals(true, a.requiresGrad());
        vec.fill_(100.0);  // PyTorch: a[0, 0] is then 100 (param.data is a view of vec)
        assertEquals(100.0, a.toDoubleArray()[0]);
        assertEquals(100.0, b.toDoubleArray()[1]);
    }

    @Test
    void vectorToParametersErrors() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ConvertParameters.vectorToParameters(Torch.arange(4.0), List.of(a(), b())));
        assertEquals("shape '[2, 3]' is invalid for input of size 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvertParameters.vectorToParameters(null, List.of(a())));
        assertEquals("expected torch.Tensor, but got: NoneType", e.getMessage());
        e = assertThrows(RuntimeException.class, () -> ConvertParameters.vectorToParameters(Torch.scalarTensor(3.0), List.of(a())));
        assertEquals("slice() cannot be applied to a 0-dim tensor.", e.getMessage());
    }

    @Test
    void roundTripThroughAModule() {
        Torch.manualSeed(0);
        Linear lin = new Linear(3, 2);
        Tensor flat = ConvertParameters.parametersToVector(lin.parameters()).detach().mul(2.0);
        ConvertParameters.vectorToParameters(flat, lin.parameters());
        assertArrayEquals(flat.toDoubleArray(), ConvertParameters.parametersToVector(lin.parameters()).detach().toDoubleArray());
    }
}
