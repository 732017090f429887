package com.example.plugin;

import static dev.jgrad.Torch.manualSeed;
import static dev.jgrad.Torch.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.backend.Backends;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * The backend seam from outside: a provider in this Maven module (not the library) registers the
 * {@code privateuseone} device, and the library's ops, autograd and nn run on it unchanged. Its kernels
 * are the CPU's, so every result must equal the CPU's bit for bit.
 */
class PluginBackendTest {
    private static final Device DEV = Device.of(ForwardingBackend.TYPE);

    @Test
    void theRegistryFindsAProviderFromAnotherJar() {
        assertTrue(Backends.available(ForwardingBackend.TYPE));
        Tensor t = Torch.zeros(DType.FLOAT32, DEV, 2, 3);
        assertEquals(DEV, t.device());
        assertTrue(t.toString().contains("device='" + ForwardingBackend.TYPE), t.toString());
    }

    @Test
    void opsAndBackwardGiveTheCpuBits() {
        manualSeed(0);
        Tensor a = randn(3, 4), b = randn(4, 2), w = randn(2);
        Tensor pa = a.to(DEV).requiresGrad_(), pb = b.to(DEV), pw = w.to(DEV);
        Tensor py = pa.matmul(pb).add(pw).tanh().mul(pa.sum(1, true)).logSoftmax(1).sum();
        py.backward();
        Tensor ca = a.clone().requiresGrad_();
        Tensor cy = ca.matmul(b).add(w).tanh().mul(ca.sum(1, true)).logSoftmax(1).sum();
        cy.backward();
        assertEquals(DEV, py.device());
        assertEquals(DEV, pa.grad().device());
        assertEquals(cy.item(), py.item());
        assertArrayEquals(ca.grad().toFloatArray(), pa.grad().toFloatArray());
    }

    @Test
    void factoriesAndModulesTakeTheDevice() {
        manualSeed(0);
        float[] onDevice = randn(DType.FLOAT32, DEV, 7).toFloatArray();
        manualSeed(0);
        assertArrayEquals(randn(7).toFloatArray(), onDevice);

        manualSeed(1);
        Linear cpu = new Linear(5, 3);
        manualSeed(1);
        Linear plugged = new Linear(5, 3, true, DEV);
        Tensor x = randn(4, 5);
        Tensor loss = F.mseLoss(plugged.forward(x.to(DEV)), Torch.zeros(DType.FLOAT32, DEV, 4, 3), "mean");
        loss.backward();
        Tensor ref = F.mseLoss(cpu.forward(x), Torch.zeros(4, 3), "mean");
        ref.backward();
        assertEquals(ref.item(), loss.item());
        assertArrayEquals(cpu.weight.grad().toFloatArray(), plugged.weight.grad().toFloatArray());
    }

    @Test
    void mixingDevicesFailsWithPyTorchsMessage() {
        Tensor p = Torch.ones(DType.FLOAT32, DEV, 2), c = Torch.ones(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.add(c));
        assertTrue(e.getMessage().startsWith("Expected all tensors to be on the same device, but found at least two devices, "),
                e.getMessage());
        assertTrue(e.getMessage().contains(ForwardingBackend.TYPE) && e.getMessage().contains("cpu"), e.getMessage());
    }
}
