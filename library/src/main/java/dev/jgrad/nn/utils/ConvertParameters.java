package dev.jgrad.nn.utils;

import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.List;

/** {@code torch.nn.utils.parameters_to_vector} / {@code vector_to_parameters}: a model's weights as one flat vector and back. */
public final class ConvertParameters {
    private ConvertParameters() {}

    /**
     * {@code torch.nn.utils.parameters_to_vector(parameters)}: the parameters flattened with view(-1) and
     * concatenated, in order. It stays in the graph (the gradient flows back to each parameter).
     *
     * @param parameters the tensors to flatten, all on one device
     * @return a new 1-D tensor of their total number of elements
     * @throws IllegalArgumentException if parameters is empty ("torch.cat(): expected a non-empty list of Tensors"),
     *     a parameter cannot be viewed flat, as in PyTorch (view's message, "view size is not compatible with input
     *     tensor's size and stride ..."), or two are on different devices ("Found two parameters on different
     *     devices, this is currently not supported.")
     */
    public static Tensor parametersToVector(Iterable<? extends Tensor> parameters) {
        Device first = null;
        List<Tensor> flat = new ArrayList<>();
        for (Tensor p : parameters) {
            first = checkDevice(p, first);
            flat.add(p.view(-1));
        }
        return Torch.cat(flat);
    }

    /**
     * {@code torch.nn.utils.vector_to_parameters(vec, parameters)}: makes each parameter, in order, a view of the
     * next numel elements of vec ({@code param.data = ...}): the parameters then share vec's memory and dtype. Extra
     * elements are left unused.
     *
     * @param vec a 1-D tensor holding at least the parameters' total number of elements
     * @param parameters the tensors to overwrite, all on one device
     * @throws IllegalArgumentException if vec is null ("expected torch.Tensor, but got: NoneType"), too short
     *     (view_as's message, "shape '[3, 4]' is invalid for input of size 5"), or two parameters are on different
     *     devices ("Found two parameters on different devices, this is currently not supported.")
     */
    public static void vectorToParameters(Tensor vec, Iterable<? extends Tensor> parameters) {
        if (vec == null) throw new IllegalArgumentException("expected torch.Tensor, but got: NoneType");
        Device first = null;
        long pointer = 0;
        for (Tensor p : parameters) {
            first = checkDevice(p, first);
            long n = p.numel();
            p.setData(vec.slice(0, pointer, pointer + n).viewAs(p).detach());
            pointer += n;
        }
    }

    /** PyTorch's _check_param_device: CPU tensors count as one device, CUDA ones by index. */
    private static Device checkDevice(Tensor p, Device first) {
        Device d = p.device().isCuda() ? p.device() : Device.CPU;
        if (first != null && !first.equals(d)) {
            throw new IllegalArgumentException("Found two parameters on different devices, this is currently not supported.");
        }
        return d;
    }
}
