package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.util.List;

/** Every other tensor operation the tutorials use: math, broadcasting, reductions, matmul, joins. */
public final class TensorOpsTour {
    private TensorOpsTour() {}

    public static void main(String[] args) {
        manualSeed(0);
        TensorsTutorial.section("Math, broadcasting and reductions");
        Tensor a = linspace(0.0, 2 * Math.PI, 25);
        System.out.println(a);
        Tensor b = sin(a);
        System.out.println(b);
        System.out.println(b.mul(2).add(1).sum());
        Tensor m = tensor(new double[][] {{1, 2, 3}, {4, 5, 6}});
        System.out.println(m.mul(tensor(10.0, 100.0, 1000.0)));  // a row broadcast over both rows
        System.out.println(m.sum(0) + " " + m.mean(1, true) + " " + m.max(1, false).values() + " " + m.argmax(1));
        System.out.println(m.gt(2.5) + " " + m.gt(2.5).any() + " " + m.eq(m).all());
        System.out.println(where(m.gt(2.5), m, zerosLike(m)));

        TensorsTutorial.section("Matrix products and joins");
        System.out.println(m.matmul(m.t()));
        System.out.println(cat(List.of(m, m), 1));
        System.out.println(stack(List.of(m, m), 0).size());
        System.out.println(arange(10) + " " + eye(2) + " " + full(new long[] {2, 2}, 7.0));

        TensorsTutorial.section("Type promotion");
        System.out.println(tensor(1, 2, 3).add(1.5));
        System.out.println(tensor(1, 2, 3).div(2));
        System.out.println(ones(DType.INT32, 2).add(scalarTensor(2.5).to(DType.FLOAT64)));

        TensorsTutorial.section("Errors carry PyTorch's messages");
        try {
            m.view(4, 2);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            m.add(ones(2));
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
    }
}
