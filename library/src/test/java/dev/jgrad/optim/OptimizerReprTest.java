package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Parameter;
import dev.jgrad.optim.lr.StepLR;
import dev.jgrad.testutil.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code toString()} of every optimizer against {@code repr(optimizer)} of PyTorch 1.13 for the same
 * construction (tools/fixtures/gen_optim_repr.py writes fixtures/optim_repr.json; the case names are the
 * Python calls).
 */
class OptimizerReprTest {
    private static List<Tensor> params() {
        return List.of(new Parameter(Torch.zeros(2)));
    }

    private static Map<String, Supplier<Optimizer>> cases() {
        Map<String, Supplier<Optimizer>> c = new LinkedHashMap<>();
        c.put("SGD(lr=0.1)", () -> new SGD(params(), 0.1));
        c.put("Adam()", () -> new Adam(params()));
        c.put("AdamW()", () -> new AdamW(params()));
        c.put("RMSprop()", () -> new RMSprop(params()));
        c.put("Adadelta()", () -> new Adadelta(params()));
        c.put("Adagrad()", () -> new Adagrad(params()));
        c.put("Adamax()", () -> new Adamax(params()));
        c.put("NAdam()", () -> new NAdam(params()));
        c.put("RAdam()", () -> new RAdam(params()));
        c.put("ASGD()", () -> new ASGD(params()));
        c.put("Rprop()", () -> new Rprop(params()));
        c.put("LBFGS()", () -> new LBFGS(params()));
        c.put("SGD(lr=0.01, momentum=0.9, dampening=0.1, weight_decay=1e-4, nesterov=False)",
                () -> new SGD(params(), 0.01, 0.9, 0.1, 1e-4, false));
        c.put("Adam(lr=3e-4, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.01, amsgrad=True)",
                () -> new Adam(params(), 3e-4, 0.8, 0.99, 1e-6, 0.01, true));
        c.put("LBFGS(lr=0.5, line_search_fn='strong_wolfe')", () -> new LBFGS(params(), 0.5, 20, null, 1e-7, 1e-9, 100, "strong_wolfe"));
        c.put("Rprop(lr=0.02, etas=(0.4, 1.5), step_sizes=(1e-05, 10.5))", () -> new Rprop(params(), 0.02, 0.4, 1.5, 1e-5, 10.5));
        c.put("SGD(lr=0.1, momentum=0.9) + group(lr=0.5)", () -> {
            SGD sgd = new SGD(params(), 0.1, 0.9);
            sgd.addParamGroup(params(), Map.of("lr", 0.5));
            return sgd;
        });
        c.put("Adam(lr=0.01) + StepLR(step_size=10)", () -> {
            Adam adam = new Adam(params(), 0.01);
            new StepLR(adam, 10);
            return adam;
        });
        return c;
    }

    @Test
    void printsAsPyTorchPrintsAnOptimizer() {
        Map<String, Object> want = Json.asMap(Json.resource("/fixtures/optim_repr.json"));
        Map<String, Supplier<Optimizer>> cases = cases();
        assertEquals(want.keySet(), cases.keySet());
        for (var e : cases.entrySet()) assertEquals(want.get(e.getKey()), e.getValue().get().toString(), e.getKey());
    }

    @Test
    void aUsersOwnOptimizerPrintsItsOwnOptions() {
        Optimizer custom = new Optimizer(params(), Map.of("lr", 0.25, "beta", 0.0)) {
            @Override public void step() {}
        };
        // an anonymous class has an empty simple name, as a Python class has its name: only the body is compared
        assertTrue(custom.toString().endsWith(" (\nParameter Group 0\n    beta: 0.0\n    lr: 0.25\n)"), custom.toString());
    }
}
