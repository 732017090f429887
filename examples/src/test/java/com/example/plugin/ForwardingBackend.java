package com.example.plugin;

import dev.jgrad.Device;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Backends;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.View;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A backend from outside the library, written only against the exported SPI: the device type
 * {@code privateuseone} (PyTorch's slot for out-of-tree backends), whose storages wrap CPU storages and
 * whose kernels are the CPU backend's, reached by unwrapping every storage a call hands in. A real
 * accelerator would put its own memory and kernels where this forwards.
 */
final class ForwardingBackend {
    private ForwardingBackend() {}

    static final String TYPE = "privateuseone";

    /** A storage on the plugin's device, holding the CPU storage that has its elements. */
    static final class WrappedStorage extends Storage {
        final Storage inner;
        private final Backend owner;

        WrappedStorage(Storage inner, Device device, Backend owner) {
            super(inner.dtype(), device, inner.size());
            this.inner = inner;
            this.owner = owner;
        }

        @Override public Backend backend() { return owner; }
    }

    static Backend create() {
        // looked up on first use: create() runs while the registry is still being filled
        Backend[] self = new Backend[1], cpu = new Backend[1];
        InvocationHandler forward = (proxy, method, args) -> {
            switch (method.getName()) {
                case "deviceType": return TYPE;
                case "hashCode": return System.identityHashCode(proxy);
                case "equals": return proxy == args[0];
                case "toString": return "ForwardingBackend(" + TYPE + ")";
                default: break;
            }
            Device device = null;
            Object[] in = args == null ? new Object[0] : args.clone();
            for (int i = 0; i < in.length; i++) {
                if (in[i] instanceof Device d) {
                    device = d;
                    in[i] = Device.CPU;
                } else if (in[i] instanceof View v && v.storage() instanceof WrappedStorage w) {
                    in[i] = new View(w.inner, v.shape(), v.strides(), v.offset());
                } else if (in[i] instanceof WrappedStorage w) {
                    in[i] = w.inner;
                }
            }
            if (cpu[0] == null) cpu[0] = Backends.of(Device.CPU);
            Object out = call(method, cpu[0], in);
            return out instanceof Storage s ? new WrappedStorage(s, device, self[0]) : out;
        };
        self[0] = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, forward);
        return self[0];
    }

    private static Object call(Method m, Backend target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
