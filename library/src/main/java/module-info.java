/**
 * jgrad: PyTorch's programming model in Java. The exported packages are the public API (see the README)
 * plus {@code dev.jgrad.backend}, the interface a device backend implements. Everything under
 * {@code dev.jgrad.internal}, the CPU and meta backends and the random-number kernels are not exported.
 */
module dev.jgrad {
    // Optional: the Vector API fast paths are used when the JVM runs with --add-modules jdk.incubator.vector.
    requires static jdk.incubator.vector;

    exports dev.jgrad;
    exports dev.jgrad.autograd;
    exports dev.jgrad.compile;
    exports dev.jgrad.backend;
    exports dev.jgrad.distributions;
    exports dev.jgrad.io;
    exports dev.jgrad.nn;
    exports dev.jgrad.nn.functional;
    exports dev.jgrad.nn.init;
    exports dev.jgrad.nn.utils;
    exports dev.jgrad.optim;
    exports dev.jgrad.optim.lr;
    exports dev.jgrad.profiler;
    exports dev.jgrad.utils;
    exports dev.jgrad.utils.data;
    exports dev.jgrad.utils.tensorboard;

    uses dev.jgrad.backend.BackendProvider;
    provides dev.jgrad.backend.BackendProvider with
            dev.jgrad.backend.cpu.CpuProvider,
            dev.jgrad.backend.meta.MetaProvider;
}
