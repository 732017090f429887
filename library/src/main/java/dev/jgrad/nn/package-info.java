/**
 * {@code torch.nn}: {@link dev.jgrad.nn.Module} and the layers built on it (Linear, Conv2d, MaxPool2d,
 * BatchNorm1d/2d, LayerNorm, Embedding, Dropout, the activations, Sequential, ModuleList, the loss
 * modules, MultiheadAttention and the Transformer family), {@link dev.jgrad.nn.Parameter} (and ParameterList /
 * ParameterDict), {@code nn.functional} as {@link dev.jgrad.nn.functional.F}, {@code nn.init} as
 * {@link dev.jgrad.nn.init.Init}, {@code nn.utils.clip_grad_norm_} in {@link dev.jgrad.nn.utils.ClipGrad} and
 * {@code parameters_to_vector} / {@code vector_to_parameters} in {@link dev.jgrad.nn.utils.ConvertParameters}.
 *
 * <pre>{@code
 * import dev.jgrad.nn.Module;          // import it by name: java.lang.Module makes "dev.jgrad.nn.*" ambiguous
 * import dev.jgrad.nn.*;
 *
 * class TinyModel extends Module {
 *     final Linear layer1 = register("layer1", new Linear(1000, 100));
 *     final ReLU relu = register("relu", new ReLU());
 *     final Linear layer2 = register("layer2", new Linear(100, 10));
 *     @Override public Tensor forward(Tensor x) { return layer2.forward(relu.forward(layer1.forward(x))); }
 * }
 * }</pre>
 *
 * <p>Where Java differs from Python: call {@code forward} (no {@code __call__}); register children,
 * parameters and buffers explicitly ({@code register}, {@code registerParameter}, {@code registerBuffer})
 * instead of by attribute assignment; loss modules take {@code forward(input, target)}. Everything a
 * PyTorch user compares is PyTorch's: dotted names, state-dict order, reprs, {@code loadStateDict}
 * messages, initial weights after {@code Torch.manualSeed(s)}, dropout masks.
 *
 * <p>Saving: {@code SafeTensors.saveModel(model, path)} / {@code SafeTensors.loadModel(model, path)} in
 * {@code dev.jgrad.io.SafeTensors} write and read {@code model.stateDict()} as a .safetensors file.
 */
package dev.jgrad.nn;
