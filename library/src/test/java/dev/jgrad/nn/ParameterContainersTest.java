package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ParameterList and ParameterDict: registration names, wrapping, reprs and errors as PyTorch 1.13 prints them. */
class ParameterContainersTest {
    static class Holder extends Module {
        final ParameterList ps = register("ps", new ParameterList(Torch.ones(2, 3), new Parameter(Torch.zeros(DType.FLOAT64, 4))));
    }

    @Test
    void parameterList() {
        Holder h = new Holder();
        ParameterList l = h.ps;
        assertEquals("ParameterList(\n    (0): Parameter containing: [torch.float32 of size 2x3]\n"
                + "    (1): Parameter containing: [torch.float64 of size 4]\n)", l.toString());
        assertEquals(List.of("ps.0", "ps.1"), List.copyOf(h.namedParameters().keySet()));
        assertTrue(l.get(0).requiresGrad());
        assertEquals(4, l.get(-1).size(0));
        assertEquals(2, l.size());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> l.get(3));
        assertEquals("index 3 is out of range", e.getMessage());
        Parameter p = new Parameter(Torch.ones(1));
        l.set(1, p);
        assertSame(p, l.get(1));
        assertSame(p, h.namedParameters().get("ps.1"));
        assertEquals("ParameterList()", new ParameterList().toString());
        assertEquals("ParameterList(  (0): Parameter containing: [torch.float32 of size ])", new ParameterList(Torch.scalarTensor(1.0)).toString());
    }

    @Test
    void parameterDict() {
        Tensor b = Torch.zeros(DType.FLOAT64);  // 0-dim
        ParameterDict d = new ParameterDict(Map.of("w", Torch.ones(2), "b", b));  // a plain map: sorted, as for a Python dict
        assertEquals("ParameterDict(\n    (b): Parameter containing: [torch.DoubleTensor of size ]\n"
                + "    (w): Parameter containing: [torch.FloatTensor of size 2]\n)", d.toString());
        assertEquals(List.of("b", "w"), List.copyOf(d.keySet()));
        assertEquals(List.of("b", "w"), List.copyOf(d.namedParameters().keySet()));
        assertTrue(d.get("w").requiresGrad());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.get("x"));
        assertEquals("'ParameterDict' object has no attribute 'x'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.put("a.b", Torch.ones(1)));
        assertEquals("parameter name can't contain \".\", got: a.b", e.getMessage());
        var ordered = new java.util.LinkedHashMap<String, Tensor>();
        ordered.put("z", Torch.ones(1));
        ordered.put("a", Torch.ones(1));
        assertEquals(List.of("z", "a"), List.copyOf(new ParameterDict(ordered).keySet()));
    }
}
