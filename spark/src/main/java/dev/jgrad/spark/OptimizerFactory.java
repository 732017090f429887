package dev.jgrad.spark;

import dev.jgrad.nn.Parameter;
import dev.jgrad.optim.Optimizer;
import java.io.Serializable;
import java.util.List;

/** Builds the optimizer on a worker for the parameters of the model that {@link ModelFactory} made there. */
@FunctionalInterface
public interface OptimizerFactory extends Serializable {
    /** An optimizer over {@code parameters} (in {@code model.parameters()} order), e.g. {@code p -> new SGD(p, 0.1)}. */
    Optimizer create(List<Parameter> parameters);
}
