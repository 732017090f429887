package dev.jgrad.backend.cpu;

import dev.jgrad.backend.AdadeltaStep;
import dev.jgrad.backend.AdamStep;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of {@link OptimizerKernels#adamFloat} and {@link OptimizerKernels#adadeltaFloat}, kept apart so that jgrad links without the
 * jdk.incubator.vector module: only calls behind {@link KernelConfig#VECTOR} reach this class. Lane operations
 * (mul, div, fma, sqrt, add) round exactly as the scalar loop does.
 */
final class OptimizerVector {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private OptimizerVector() {}

    /** The whole vectors of the float32 Adam update; returns how many leading elements it did. */
    static int adam(AdamStep s, float[] p, int po, float[] g, int go, float[] m, int mo, float[] v, int vo, float[] mx, int xo, int n) {
        int i = 0, bound = S.loopBound(n), l = S.length();
        FloatVector b1 = FloatVector.broadcast(S, (float) s.beta1()), oneMinusB1 = FloatVector.broadcast(S, (float) (1 - s.beta1()));
        FloatVector b2 = FloatVector.broadcast(S, (float) s.beta2()), oneMinusB2 = FloatVector.broadcast(S, (float) (1 - s.beta2()));
        FloatVector wd = FloatVector.broadcast(S, (float) s.weightDecay()), decay = FloatVector.broadcast(S, (float) (1 - s.lr() * s.weightDecay()));
        FloatVector bc2 = FloatVector.broadcast(S, (float) s.biasCorrection2Sqrt()), eps = FloatVector.broadcast(S, (float) s.eps());
        FloatVector negStep = FloatVector.broadcast(S, (float) -s.stepSize());
        boolean decoupled = s.decoupled(), coupled = !decoupled && s.weightDecay() != 0, maximize = s.maximize();
        for (; i < bound; i += l) {
            FloatVector gi = FloatVector.fromArray(S, g, go + i);
            if (maximize) gi = gi.neg();
            FloatVector pi = FloatVector.fromArray(S, p, po + i);
            if (decoupled) pi = pi.mul(decay);
            else if (coupled) gi = pi.fma(wd, gi);
            FloatVector mi = gi.fma(oneMinusB1, FloatVector.fromArray(S, m, mo + i).mul(b1));
            FloatVector vi = oneMinusB2.mul(gi).fma(gi, FloatVector.fromArray(S, v, vo + i).mul(b2));
            mi.intoArray(m, mo + i);
            vi.intoArray(v, vo + i);
            if (mx != null) {
                FloatVector old = FloatVector.fromArray(S, mx, xo + i);
                // maximum's lanes as FloatBinaryVector computes them: NaN if either is NaN
                vi = old.blend(vi, old.lt(vi)).blend(vi, vi.test(VectorOperators.IS_NAN));
                vi.intoArray(mx, xo + i);
            }
            FloatVector d = vi.sqrt().div(bc2).add(eps);
            pi.add(negStep.mul(mi).div(d)).intoArray(p, po + i);
        }
        return i;
    }

    /** The whole vectors of the float32 Adadelta update; returns how many leading elements it did. */
    static int adadelta(AdadeltaStep s, float[] p, int po, float[] g, int go, float[] sq, int so, float[] acc, int ao, int n) {
        int i = 0, bound = S.loopBound(n), l = S.length();
        FloatVector rho = FloatVector.broadcast(S, (float) s.rho()), oneMinusRho = FloatVector.broadcast(S, (float) (1 - s.rho()));
        FloatVector eps = FloatVector.broadcast(S, (float) s.eps()), wd = FloatVector.broadcast(S, (float) s.weightDecay());
        FloatVector negLr = FloatVector.broadcast(S, (float) -s.lr());
        boolean decay = s.weightDecay() != 0, maximize = s.maximize();
        for (; i < bound; i += l) {
            FloatVector gi = FloatVector.fromArray(S, g, go + i);
            if (maximize) gi = gi.neg();
            FloatVector pi = FloatVector.fromArray(S, p, po + i);
            if (decay) gi = pi.fma(wd, gi);
            FloatVector si = oneMinusRho.mul(gi).fma(gi, FloatVector.fromArray(S, sq, so + i).mul(rho));
            si.intoArray(sq, so + i);
            FloatVector ai = FloatVector.fromArray(S, acc, ao + i);
            FloatVector delta = ai.add(eps).sqrt().div(si.add(eps).sqrt()).mul(gi);
            oneMinusRho.mul(delta).fma(delta, ai.mul(rho)).intoArray(acc, ao + i);
            delta.fma(negLr, pi).intoArray(p, po + i);
        }
        return i;
    }
}
