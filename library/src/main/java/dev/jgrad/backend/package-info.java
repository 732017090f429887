/**
 * The device SPI: what a backend implements so that tensors can live on its device.
 * {@link dev.jgrad.backend.Backend} lists the kernels (elementwise, reductions, matmul, convolutions,
 * random fills, ...), each reading and writing {@link dev.jgrad.backend.View}s over the backend's own
 * {@link dev.jgrad.backend.Storage}; the op enums ({@link dev.jgrad.backend.UnaryOp},
 * {@link dev.jgrad.backend.BinaryOp}, ...) name the primitives. A backend registers a
 * {@link dev.jgrad.backend.BackendProvider} with {@link java.util.ServiceLoader}, and
 * {@link dev.jgrad.backend.Backends} finds it by device type. Backends never see tensors, autograd or
 * grad mode: the op layer checks arguments, sizes outputs and records derivatives before calling them.
 */
package dev.jgrad.backend;
