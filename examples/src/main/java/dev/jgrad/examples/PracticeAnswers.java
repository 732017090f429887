package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.Functional;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Worked answers to every "Practice Questions" item of the PyTorch introduction tutorial, in Java with
 * jgrad, each under its question. Java arrays play NumPy's part: {@code fromArray} and {@code as*Array}
 * share memory both ways as {@code torch.from_numpy} and {@code .numpy()} do, and {@link Py#numpy}
 * prints them as NumPy does. With {@code manualSeed(0)} the random tensors are PyTorch's for seed 0.
 */
public final class PracticeAnswers {
    private PracticeAnswers() {}

    public static void main(String[] args) {
        manualSeed(0);
        keyFeatures();
        cpuVsGpu();
        creatingTensors();
        tensorAttributes();
        operations();
        numpyBridge();
        cudaTensors();
        autograd();
        jacobians();
    }

    static void section(String title) { TensorsTutorial.section("Practice questions: " + title); }

    static void question(String text) {
        System.out.println();
        System.out.println("### " + text);
    }

    static void print(Object... values) {
        StringBuilder line = new StringBuilder();
        for (Object v : values) line.append(line.isEmpty() ? "" : " ").append(Py.str(v));
        System.out.println(line);
    }

    /** The device the GPU answers use, chosen as the tutorial does: CUDA when there is one. */
    static Device device() { return cudaIsAvailable() ? Device.of("cuda") : Device.CPU; }

    static void keyFeatures() {
        section("key features of PyTorch");

        question("Q1) Write a PyTorch code snippet to create a tensor with requires_grad=True, perform a simple "
                + "operation, and compute its gradient dynamically.");
        Tensor x = tensor(1.0, 2.0, 3.0).requiresGrad_(true);
        Tensor y = x.mul(x);
        int doublings = 0;
        while (y.detach().sum().item() < 100) {  // a loop whose length is known only at run time
            y = y.mul(2);
            doublings++;
        }
        Tensor out = y.sum();
        print(y);
        print("doublings:", doublings);
        out.backward();  // the graph that actually ran: d(out)/dx = 2x * 2^doublings
        print(x.grad());

        question("Q2) Show how PyTorch integrates with NumPy by converting a NumPy array into a PyTorch tensor "
                + "and back.");
        double[] array = {1.5, 2.5, 3.5};
        Tensor t = fromArray(array);  // torch.from_numpy(array)
        print(t);
        double[] back = t.asDoubleArray();  // t.numpy()
        print(Py.numpy(back));
        print("shares memory:", back == array);
    }

    static void cpuVsGpu() {
        section("CPU vs GPU");

        question("Q1) Write a PyTorch code snippet to check if GPU is available and print the device name.");
        print("CUDA available:", cudaIsAvailable());
        if (cudaIsAvailable()) {
            print("Device name:", Device.cuda(0));
        } else {
            print("No GPU: computing on", Device.CPU);
        }
    }

    static void creatingTensors() {
        section("directly from data");

        question("Q1) Create a 3x3 tensor with all elements equal to 5.");
        print(full(new long[] {3, 3}, 5.0));

        question("Q2) Convert a Python list [[10, 20], [30, 40]] into a PyTorch tensor.");
        List<List<Integer>> data = List.of(List.of(10, 20), List.of(30, 40));
        Tensor fromList = tensor(data);
        print(fromList);
        print(fromList.dtype());

        section("from a NumPy array");

        question("Q1) Convert a NumPy array of shape (2,3) filled with random numbers into a PyTorch tensor.");
        double[] array = rand(DType.FLOAT64, 2, 3).toDoubleArray();  // a plain array of random numbers
        Tensor t = fromArray(array, 2, 3);
        print(Py.numpy(array, 2, 3));
        print(t);

        question("Q2) Modify the NumPy array and observe whether the PyTorch tensor also changes.");
        array[0] = 42.0;  // array[0, 0] = 42.
        print(t);
        print("t[0, 0] =", t.get(0).get(0).item());

        question("Q3) Convert a PyTorch tensor to a NumPy array and change a value. Observe the behavior.");
        Tensor ones = ones(2, 3);
        float[] view = ones.asFloatArray();  // ones.numpy()
        view[1 * 3 + 2] = 7;  // view[1, 2] = 7
        print(Py.numpy(view, 2, 3));
        print(ones);

        section("with random or constant values");

        question("Q1) Create a tensor of shape (4,4) filled with random numbers.");
        print(rand(4, 4));

        question("Q2) Create a tensor of shape (3,3) with all values set to 7.");
        print(full(new long[] {3, 3}, 7.0));

        section("new tensors from existing ones");

        question("Q1) Given a tensor x = torch.tensor([[3, 4], [5, 6]]), create a new tensor filled with zeros "
                + "that has the same shape and dtype as x.");
        Tensor x = tensor(new long[][] {{3, 4}, {5, 6}});
        Tensor zeros = x.newZeros(x.shape());
        print(zeros);
        print(zeros.size(), zeros.dtype());

        question("Q2) Write a PyTorch code snippet to create a random tensor of the same size as x but with "
                + "dtype torch.float64.");
        print(randLike(x, DType.FLOAT64));

        question("Q3) Given a = torch.ones(5, 5), create a new tensor filled with twos that has the same dtype "
                + "and device as a.");
        Tensor a = ones(5, 5);
        Tensor twos = a.newFull(new long[] {5, 5}, 2.0);
        print(twos);
        print(twos.dtype(), twos.device());
    }

    static void tensorAttributes() {
        section("attributes of a tensor");

        question("Q1) Create a 5x5 tensor of random values and check its data type.");
        Tensor r = rand(5, 5);
        print(r);
        print(r.dtype());

        question("Q2) Move a tensor to GPU if available.");
        Tensor t = tensor(1.0, 2.0, 3.0);
        if (cudaIsAvailable()) t = t.to(Device.of("cuda"));
        print(t);
        print(t.device());

        question("Q3) Create a tensor on the GPU directly and move it back to CPU.");
        Tensor g = ones(2, 2).to(device());  // torch.ones(2, 2, device=device)
        print(g.device());
        Tensor back = g.to(Device.CPU);
        print(back, back.device());
    }

    static void operations() {
        section("operations");

        question("Q1) Perform element-wise multiplication of two tensors of shape (3,3).");
        Tensor a = arange(1.0, 10.0).reshape(3, 3);
        Tensor b = arange(9.0, 0.0, -1.0).reshape(3, 3);
        print(a.mul(b));  // a * b
        print(mul(a, b));  // torch.mul(a, b)

        question("Q2) Subtract one tensor from another using different PyTorch syntax options.");
        print("operator / method:");
        print(a.sub(b));  // a - b, a.sub(b)
        print("function:");
        print(sub(a, b));  // torch.sub(a, b)
        Tensor result = empty(3, 3);
        sub(a, b, result);  // torch.sub(a, b, out=result)
        print("into an out tensor:");
        print(result);
        Tensor c = a.clone();
        c.sub_(b);
        print("in place:");
        print(c);
        print("add with alpha=-1:");
        print(a.add(b, -1));

        section("resizing");

        question("Q1) Reshape a tensor of shape (2,6) into shape (3,4)");
        Tensor t = arange(12).reshape(2, 6);
        print(t);
        Tensor r = t.reshape(3, 4);
        print(r);
        print(t.size(), "->", r.size());

        question("Q2) Flatten a 3D tensor into a 1D tensor.");
        Tensor t3 = arange(24).reshape(2, 3, 4);
        Tensor flat = t3.flatten();
        print(t3.size(), "->", flat.size());
        print(flat);
        print(equal(flat, t3.view(-1)));
    }

    static void numpyBridge() {
        section("the NumPy bridge");

        question("Q1) Convert a NumPy array of shape (3,3) to a PyTorch tensor and back to a NumPy array.");
        double[] arr = {1, 2, 3, 4, 5, 6, 7, 8, 9};  // np.arange(1., 10.).reshape(3, 3)
        Tensor t = fromArray(arr, 3, 3);
        double[] back = t.asDoubleArray();
        print(t);
        print(Py.numpy(back, 3, 3));

        question("Q2) Change a PyTorch tensor and check if its NumPy counterpart also changes.");
        t.mul_(10);
        print(t);
        print(Py.numpy(back, 3, 3));
        print("shares memory:", back == arr);
    }

    static void cudaTensors() {
        section("CUDA tensors");

        question("Q1) Check if CUDA is available and move a tensor to the GPU.");
        print("CUDA available:", cudaIsAvailable());
        Device device = device();
        Tensor x = arange(4.0).to(device);
        print(x, x.device());

        question("Q2) Perform a matrix multiplication on GPU and move the result back to CPU.");
        Tensor a = arange(6.0).reshape(2, 3).to(device);
        Tensor b = arange(6.0).reshape(3, 2).to(device);
        Tensor c = a.matmul(b).to(Device.CPU);
        print(c);
        print(c.device());

        question("Q3) Create a large tensor (1000x1000) on GPU, compute its mean, and move the result to CPU.");
        Tensor big = rand(1000, 1000).to(device);
        Tensor mean = big.mean().to(Device.CPU);
        print(mean, mean.device());
    }

    static void autograd() {
        section("autograd");

        question("Q1) Create a tensor with requires_grad=True and perform some operations on it.");
        Tensor x = tensor(1.0, 2.0, 3.0).requiresGrad_(true);
        Tensor y = x.mul(2).add(1);
        Tensor z = y.pow(2).mean();
        print(x);
        print(y);
        print(z);
        print(y.gradFn(), z.gradFn());

        question("Q2) Perform backpropagation on a scalar output and print the gradients.");
        z.backward();
        print(x.grad());  // dz/dx = 4 (2x + 1) / 3

        question("Q3) Disable gradient tracking temporarily and show how it affects computation.");
        Tensor w;
        try (var g = noGrad()) {
            w = x.mul(2);
        }
        print(w.requiresGrad(), w.gradFn());
        Tensor tracked = x.mul(2);
        print(tracked.requiresGrad(), tracked.gradFn());
        print(x.detach().mul(2).requiresGrad());

        section("gradients");

        question("Q1) Create a tensor with requires_grad=True, perform operations, and compute gradients.");
        x = tensor(0.5, 1.0, 1.5).requiresGrad_(true);
        y = x.mul(sin(x)).sum();
        y.backward();
        print(x.grad());  // d/dx x sin(x) = sin(x) + x cos(x)
        Tensor xd = x.detach();
        Tensor analytic = sin(xd).add(xd.mul(cos(xd)));
        print(analytic);
        print(allclose(x.grad(), analytic));

        question("Q2) Create a function f(x) = 3x^3 + 2x^2 - 4x + 5 and compute its gradient at x=2.");
        x = scalarTensor(2.0).requiresGrad_(true);
        Tensor f = x.pow(3).mul(3).add(x.pow(2).mul(2)).sub(x.mul(4)).add(5);
        print(f);
        f.backward();
        print(x.grad());  // f'(x) = 9x^2 + 4x - 4 = 40 at x = 2
        print("f'(2) = 9*4 + 4*2 - 4 =", 9 * 4 + 4 * 2 - 4);

        question("Q3) Compute gradients for a 2D tensor and verify results.");
        Tensor m = tensor(new double[][] {{1, 2}, {3, 4}}).requiresGrad_(true);
        Tensor s = m.pow(2).add(m.mul(3)).sum();
        s.backward();
        print(m.grad());
        Tensor expected = m.detach().mul(2).add(3);  // d/dm (m^2 + 3m) = 2m + 3
        print(equal(m.grad(), expected));
    }

    /** f(x) = (x0^2 x1, 5 x0 + sin x1): a function from R^2 to R^2 with a full Jacobian. */
    static Tensor f(Tensor x) {
        return stack(List.of(x.get(0).pow(2).mul(x.get(1)), x.get(0).mul(5).add(sin(x.get(1)))));
    }

    static void jacobians() {
        section("Jacobians and vectors");
        UnaryOperator<Tensor> fn = PracticeAnswers::f;

        question("Q1) Compute the Jacobian matrix for a given function using PyTorch.");
        Tensor x = tensor(1.0, 2.0);
        Tensor jac = Functional.jacobian(fn, x);
        print(jac);  // [[2 x0 x1, x0^2], [5, cos x1]]

        question("Q2) Compute the Hessian matrix for a function using PyTorch.");
        Tensor hess = Functional.hessian(t -> t.get(0).pow(2).mul(t.get(1)).add(t.get(1).pow(3)), x);
        print(hess);  // [[2 x1, 2 x0], [2 x0, 6 x1]]

        question("Q3) Use vector-Jacobian product (VJP) to compute gradients efficiently");
        Tensor v = tensor(1.0, 0.5);
        Functional.Result<Tensor> vjp = Functional.vjp(fn, x, v);
        print(Py.tuple(vjp.output(), vjp.result()));
        print(allclose(vjp.result(), v.matmul(jac)));  // v^T J without forming J
        Tensor xr = x.clone().requiresGrad_(true);
        f(xr).backward(v);  // the same product through backward(gradient)
        print(xr.grad());
    }
}
