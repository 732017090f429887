package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.BCELoss;
import dev.jgrad.nn.BatchNorm2d;
import dev.jgrad.nn.Conv2d;
import dev.jgrad.nn.ConvTranspose2d;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;
import dev.jgrad.optim.Adam;
import dev.jgrad.utils.data.DataLoader;
import dev.jgrad.utils.data.TensorDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * pytorch/examples' dcgan: a transposed-convolution generator and a convolution discriminator (with
 * BatchNorm2d, weights initialised through {@code apply(weights_init)}) trained against each other with
 * BCELoss and Adam (lr 2e-4, beta1 0.5) on {@link Digits} resized to 64x64 (one channel). The original's
 * image files are not written; its in-place ReLUs are the out-of-place ones (the same values).
 */
public final class Dcgan {
    private Dcgan() {}

    /** weights_init: N(0, 0.02) for every (transposed) convolution, N(1, 0.02) and zero bias for batch norms. */
    static void weightsInit(Module m) {
        if (m instanceof Conv2d c) Init.normal_(c.weight, 0.0, 0.02);
        else if (m instanceof ConvTranspose2d c) Init.normal_(c.weight, 0.0, 0.02);
        else if (m instanceof BatchNorm2d b) {
            Init.normal_(b.weight, 1.0, 0.02);
            Init.zeros_(b.bias);
        }
    }

    static final class Generator extends Module {
        final Sequential main;

        Generator(int nz, int ngf, int nc) {
            main = register("main", new Sequential(
                    new ConvTranspose2d(nz, ngf * 8, 4, 1, 0, 0, 1, false, 1), new BatchNorm2d(ngf * 8), new ReLU(),
                    new ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, 0, 1, false, 1), new BatchNorm2d(ngf * 4), new ReLU(),
                    new ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, 0, 1, false, 1), new BatchNorm2d(ngf * 2), new ReLU(),
                    new ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, 0, 1, false, 1), new BatchNorm2d(ngf), new ReLU(),
                    new ConvTranspose2d(ngf, nc, 4, 2, 1, 0, 1, false, 1), new Tanh()));
        }

        @Override public Tensor forward(Tensor input) { return main.forward(input); }
    }

    static final class Discriminator extends Module {
        final Sequential main;

        Discriminator(int ndf, int nc) {
            main = register("main", new Sequential(
                    conv(nc, ndf, 2, 1), new LeakyReLU(0.2),
                    conv(ndf, ndf * 2, 2, 1), new BatchNorm2d(ndf * 2), new LeakyReLU(0.2),
                    conv(ndf * 2, ndf * 4, 2, 1), new BatchNorm2d(ndf * 4), new LeakyReLU(0.2),
                    conv(ndf * 4, ndf * 8, 2, 1), new BatchNorm2d(ndf * 8), new LeakyReLU(0.2),
                    conv(ndf * 8, 1, 1, 0), new Sigmoid()));
        }

        private static Conv2d conv(int in, int out, int stride, int padding) {
            return new Conv2d(in, out, new int[] {4}, new int[] {stride}, new int[] {padding}, new int[] {1}, 1, false);
        }

        @Override public Tensor forward(Tensor input) { return main.forward(input).view(-1, 1).squeeze(1); }
    }

    /** The losses, errD and errG for every iteration in turn; the original's progress lines go to log. maxIters null: whole epochs. */
    public static List<Double> run(int niter, int batchSize, int nz, int ngf, int ndf, Integer maxIters, Consumer<String> log) {
        manualSeed(999);
        Tensor[] d = Digits.load(false);
        Tensor images = F.interpolate(d[0], new int[] {64, 64}, "bilinear", false).sub(0.5).div(0.5);
        DataLoader dataloader = new DataLoader(new TensorDataset(images, d[1]), batchSize, true);
        int nc = 1;
        Generator netG = new Generator(nz, ngf, nc);
        netG.apply(Dcgan::weightsInit);
        Discriminator netD = new Discriminator(ndf, nc);
        netD.apply(Dcgan::weightsInit);
        BCELoss criterion = new BCELoss();
        randn(batchSize, nz, 1, 1);  // the original's fixed_noise, drawn here so the later draws stay in step
        double realLabel = 1, fakeLabel = 0;
        Adam optimizerD = new Adam(netD.parameters(), 0.0002, 0.5, 0.999, 1e-8, 0, false);
        Adam optimizerG = new Adam(netG.parameters(), 0.0002, 0.5, 0.999, 1e-8, 0, false);
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < niter; epoch++) {
            int i = 0;
            for (List<Tensor> data : dataloader) {
                // (1) Update D network: maximize log(D(x)) + log(1 - D(G(z)))
                netD.zeroGrad();
                Tensor realCpu = data.get(0);
                long b = realCpu.size(0);
                Tensor label = full(new long[] {b}, realLabel);
                Tensor output = netD.forward(realCpu);
                Tensor errDReal = criterion.forward(output, label);
                errDReal.backward();
                double dX = output.mean().item();
                Tensor noise = randn(b, nz, 1, 1);
                Tensor fake = netG.forward(noise);
                label.fill_(fakeLabel);
                output = netD.forward(fake.detach());
                Tensor errDFake = criterion.forward(output, label);
                errDFake.backward();
                double dGz1 = output.mean().item();
                Tensor errD = errDReal.add(errDFake);
                optimizerD.step();
                // (2) Update G network: maximize log(D(G(z)))
                netG.zeroGrad();
                label.fill_(realLabel);  // fake labels are real for generator cost
                output = netD.forward(fake);
                Tensor errG = criterion.forward(output, label);
                errG.backward();
                double dGz2 = output.mean().item();
                optimizerG.step();
                losses.add(errD.item());
                losses.add(errG.item());
                log.accept(String.format(Locale.ROOT, "[%d/%d][%d/%d] Loss_D: %s Loss_G: %s D(x): %s D(G(z)): %s / %s", epoch, niter, i,
                        dataloader.size(), Py.fixed(errD.item(), 4, false), Py.fixed(errG.item(), 4, false), Py.fixed(dX, 4, false),
                        Py.fixed(dGz1, 4, false), Py.fixed(dGz2, 4, false)));
                i++;
                if (maxIters != null && i >= maxIters) return losses;
            }
        }
        return losses;
    }

    public static void main(String[] args) { run(args.length > 0 ? Integer.parseInt(args[0]) : 25, 64, 100, 64, 64, null, System.out::println); }
}
