package dev.jgrad.compile;

import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompileSmokeTest {
    @Test void smoke() {
        Torch.manualSeed(0);
        Tensor a = Torch.randn(5, 7), b = Torch.randn(5, 7);
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).mul(in.get(1)).add(in.get(0).sin())));
        Tensor y = f.call(a, b);
        System.out.println(f.explain(a, b));
        assertArrayEquals(a.mul(b).add(a.sin()).toFloatArray(), y.toFloatArray());
        Tensor ag = a.clone().requiresGrad_(true);
        Tensor yg = f.call(ag, b);
        System.out.println(yg.gradFn());
        yg.sum().backward();
        System.out.println(f.explain(ag, b));
        Tensor ae = a.clone().requiresGrad_(true);
        ae.mul(b).add(ae.sin()).sum().backward();
        assertArrayEquals(ae.grad().toFloatArray(), ag.grad().toFloatArray());
    }
}
