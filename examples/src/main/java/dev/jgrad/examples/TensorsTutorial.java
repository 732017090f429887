package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;

/**
 * The "Tensors" part of the PyTorch introduction tutorial (everything before Autograd), cell by cell,
 * printing what the Python prints. Random values differ from the tutorial's (it used no seed); with
 * {@code manualSeed} jgrad draws the same numbers PyTorch draws for the same seed.
 */
public final class TensorsTutorial {
    private TensorsTutorial() {}

    public static void main(String[] args) {
        manualSeed(0);

        section("Directly from data");
        Tensor xData = tensor(new long[][] {{1, 2}, {3, 4}});
        System.out.println(xData);

        section("From another tensor");
        Tensor xOnes = onesLike(xData);  // retains the properties of xData
        System.out.println("Ones Tensor: \n " + xOnes + " \n");
        Tensor xRand = randLike(xData, DType.FLOAT32);  // overrides the datatype of xData
        System.out.println("Random Tensor: \n " + xRand + " \n");

        section("With random or constant values");
        long[] shape = {2, 3};
        Tensor randTensor = rand(shape);
        Tensor onesTensor = ones(shape);
        Tensor zerosTensor = zeros(shape);
        System.out.println("Random Tensor: \n " + randTensor + " \n");
        System.out.println("Ones Tensor: \n " + onesTensor + " \n");
        System.out.println("Zeros Tensor: \n " + zerosTensor);

        section("Different types of tensors");
        Tensor tensor1d = tensor(1.0, 2.0, 3.0);
        System.out.println("1D Tensor: " + tensor1d);
        Tensor tensor2d = tensor(new double[][] {{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}});
        System.out.println("\n2D Tensor:\n " + tensor2d);
        Tensor tensor3d = randn(2, 3, 4);
        System.out.println("\n3D Tensor:\n " + tensor3d);

        section("Uninitialised, random and typed tensors");
        System.out.println(empty(6, 3));
        System.out.println(rand(4, 3));
        System.out.println(zeros(DType.LONG, 4, 3));
        Tensor a = tensor(7.8, 5);
        a = a.newOnes(DType.DOUBLE, 6, 5);  // new_* methods take sizes
        System.out.println(a);
        a = randnLike(a, DType.FLOAT);  // override dtype, same size
        System.out.println(a);

        section("Attributes of a tensor");
        System.out.println(a.size());
        Tensor t = rand(3, 4);
        System.out.println("Shape of tensor: " + t.size());
        System.out.println("Datatype of tensor: " + t.dtype());
        System.out.println("Device tensor is stored on: " + t.device());

        section("Operations: four ways to add");
        Tensor b = rand(6, 5);
        System.out.println(a.add(b));
        System.out.println(add(a, b));
        Tensor result = empty(6, 5);
        add(a, b, result);
        System.out.println(result);
        b.add_(a);  // adds a to b, in place
        System.out.println(b);

        section("Indexing, view, item");
        System.out.println(a.index(":, 2"));
        a = randn(2, 3);
        Tensor v = a.view(6);
        Tensor c = a.view(-1, 6);  // the size -1 is inferred from other dimensions
        System.out.println(a);
        System.out.println(v);
        System.out.println(c);
        System.out.println(a.size() + " " + v.size() + " " + c.size());
        a = randn(1);
        System.out.println(a);
        System.out.println(a.item());

        section("The array bridge (PyTorch's NumPy bridge)");
        Tensor x = ones(4);
        System.out.println(x);
        float[] y = x.asFloatArray();  // shares memory with x
        System.out.println(Py.numpy(y));  // print(y): NumPy's way
        x.add_(1);
        System.out.println(x);
        System.out.println(Py.numpy(y));
        double[] f = {1, 1, 1, 1};
        Tensor g = fromArray(f);
        for (int i = 0; i < f.length; i++) f[i] += 1;  // np.add(f, 1, out=f)
        System.out.println(Py.numpy(f));
        System.out.println(g);

        section("Devices");
        if (cudaIsAvailable()) {
            Device device = Device.of("cuda");
            Tensor onDevice = onesLike(x).to(device);
            Tensor z = x.to(device).add(onDevice);
            System.out.println(z);
            System.out.println(z.to(Device.CPU, DType.DOUBLE));
        } else {
            System.out.println("# cudaIsAvailable() = false: tensors stay on " + x.device());
        }
    }

    static void section(String title) {
        System.out.println();
        System.out.println("## " + title);
    }
}
