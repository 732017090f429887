package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static dev.jgrad.autograd.PyTorchAsserts.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's {@code test/test_autograd.py} TestMultithreadAutograd: backward passes run concurrently from several
 * threads, into separate leaves or into one shared leaf.
 */
class PyTorchMultithreadAutogradTest {
    /**
     * _run_py_multithread_fn: runs fn on numThreads threads (started together at a barrier, which makes races
     * likelier than Python's GIL-bound threads do) and rethrows the first failure on join.
     */
    private static void runMultithread(int numThreads, Consumer<Integer> fn) {
        CyclicBarrier start = new CyclicBarrier(numThreads);
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < numThreads; i++) {
            int idx = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    fn.accept(idx);
                } catch (Throwable e) {
                    synchronized (failure) {
                        if (failure[0] == null) failure[0] = e;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        if (failure[0] instanceof AssertionError a) throw a;
        if (failure[0] instanceof RuntimeException r) throw r;
        if (failure[0] != null) throw new AssertionError(failure[0]);
    }

    // test_autograd.py: TestMultithreadAutograd.test_multithreaded_exception_propagation
    @Test void testMultithreadedExceptionPropagation() {
        assertThrows(AssertionError.class, () -> runMultithread(10, i -> assertTrue(false)));
    }

    // test_autograd.py: TestMultithreadAutograd.test_simple_backward
    @Test void testSimpleBackward() {
        runMultithread(10, i -> {
            Tensor x = ones(options().requiresGrad(true), 5, 5);
            Tensor y = x.add(3).mul(x.add(4)).mul(0.5);
            y.sum().backward();
            assertEqual(x.grad(), x.add(3.5));
        });
    }

    // test_autograd.py: TestMultithreadAutograd.test_simple_backward_same_input (repeated, and also on a 300x300 leaf: a lost
    // .grad update needs two threads inside the accumulation at once, which the original 5x5 leaf makes rare)
    @RepeatedTest(3) void testSimpleBackwardSameInput() {
        for (long n : new long[] {5, 300}) {
            Tensor x = ones(options().requiresGrad(true), n, n);
            runMultithread(10, i -> {
                Tensor y = x.add(3).mul(x.add(4)).mul(0.5);
                y.sum().backward();
            });
            // all threads accumulate into the same .grad: num_threads times the gradient
            assertEqual(x.grad(), x.add(3.5).mul(10));

            // the functional grad() does not accumulate anywhere
            runMultithread(10, i -> {
                Tensor y = x.add(3).mul(x.add(4)).mul(0.5);
                List<Tensor> grads = Autograd.grad(List.of(y.sum()), List.of(x), null, false, false, false);
                assertEquals(1, grads.size());
                assertEqual(grads.get(0), x.add(3.5));
            });
        }
    }

    // test_autograd.py: TestMultithreadAutograd.test_python_thread_in_middle
    @Test void testPythonThreadInMiddle() {
        // backward from several threads through one shared graph without retain_graph: at least one succeeds, the others
        // must fail with PyTorch's message
        AtomicInteger success = new AtomicInteger(), raises = new AtomicInteger();
        Tensor xNoRetain = ones(options().requiresGrad(true), 5, 5);
        Tensor yNoRetain = xNoRetain.add(xNoRetain.pow(2));
        runMultithread(5, i -> {
            Tensor y = yNoRetain.add(yNoRetain.pow(2));
            try {
                y.sum().backward();
                success.incrementAndGet();
            } catch (RuntimeException e) {
                raises.incrementAndGet();
                assertTrue(e.getMessage().contains("Specify retain_graph=True"), e.getMessage());
            }
        });
        assertTrue(success.get() >= 1);

        // with retain_graph=True, no error, and the gradients add up
        Tensor xRetain = ones(options().requiresGrad(true), 5, 5);
        Tensor yRetain = xRetain.add(xRetain.pow(2));
        runMultithread(5, i -> {
            Tensor y = yRetain.add(yRetain.pow(2));
            y.sum().backward(null, true, false);
        });
        assertEqual(xRetain.grad(), xRetain.pow(3).mul(4).add(xRetain.pow(2).mul(6)).add(xRetain.mul(4)).add(1).mul(5));
    }

    // test_autograd.py: TestAutograd.test_preserve_backtrace (Java keeps the throwing backward's frame in the stack trace)
    @Test void testPreserveBacktrace() {
        class Foo extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { throw new IllegalArgumentException("something"); }
        }
        Tensor t = rand(10).requiresGrad_();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Foo().apply(t).sum().backward());
        assertEquals("something", e.getMessage());
        assertTrue(java.util.Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getMethodName().equals("backward")
                && f.getClassName().contains("Foo")));
    }
}
