package com.example.mlp;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;

/**
 * What a new user writes first: a small MLP fitted to y = sin(3x) with Adam. It prints the loss before
 * and after training and "ok" when training brought it down by a factor of 20; any other output comes
 * from the JVM or from jgrad, which is what run.sh checks.
 */
public final class TrainMlp {
    private TrainMlp() {}

    public static void main(String[] args) {
        Torch.manualSeed(0);
        Tensor x = Torch.linspace(-1.0, 1.0, 256).unsqueeze(1);
        Tensor y = x.mul(3).sin();
        Sequential model = new Sequential(new Linear(1, 32), new Tanh(), new Linear(32, 32), new Tanh(), new Linear(32, 1));
        Adam optimizer = new Adam(model.parameters(), 0.01);
        double first = Double.NaN, last = Double.NaN;
        for (int step = 0; step < 300; step++) {
            Tensor loss = F.mseLoss(model.forward(x), y);
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item();
            last = loss.item();
        }
        System.out.printf("loss %.4f -> %.4f%n", first, last);
        if (!(last < first / 20)) {
            System.out.println("FAILED: the loss did not fall by a factor of 20");
            System.exit(1);
        }
        System.out.println("ok");
    }
}
