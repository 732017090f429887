package dev.jgrad.optim;

import dev.jgrad.Tensor;
import java.util.function.BiFunction;

/**
 * The strong-Wolfe line search LBFGS uses (PyTorch's lbfgs.py, after minFunc): bracket a step length satisfying
 * sufficient decrease (c1) and the curvature condition (c2), then zoom in with safeguarded cubic interpolation.
 */
final class StrongWolfe {
    private StrongWolfe() {}

    private static final double C1 = 1e-4, C2 = 0.9;

    /** A loss and flat gradient at some step. */
    record Point(double loss, Tensor grad) {}

    /** The step length chosen, its loss and gradient, and how many evaluations it took. */
    record Result(double loss, Tensor grad, double t, int evaluations) {}

    /** The minimiser of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to bounds (default: between them). */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.min(Math.max(minPos, lo), hi);
        }
        return (lo + hi) / 2;
    }

    private static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2) {
        return cubicInterpolate(x1, f1, g1, x2, f2, g2, Math.min(x1, x2), Math.max(x1, x2));
    }

    /** objective(t, d): the loss and gradient at x + t d; f, g, gtd: those at t = 0. */
    static Result search(BiFunction<Double, Tensor, Point> objective, double t, Tensor d, double f, Tensor g, double gtd,
                         double toleranceChange, int maxLs) {
        double dNorm = d.abs().max().item();
        g = g.clone();
        Point p = objective.apply(t, d);
        double fNew = p.loss();
        Tensor gNew = p.grad();
        int evals = 1;
        double gtdNew = gNew.dot(d).item();
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        Tensor gPrev = g;
        boolean done = false;
        int lsIter = 0;
        double[] bracket = null, bracketF = null, bracketGtd = null;
        Tensor[] bracketG = null;
        while (lsIter < maxLs) {
            if (fNew > f + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
                bracket = new double[] {tPrev, t};
                bracketF = new double[] {fPrev, fNew};
                bracketG = new Tensor[] {gPrev, gNew.clone()};
                bracketGtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            if (Math.abs(gtdNew) <= -C2 * gtd) {
                bracket = new double[] {t};
                bracketF = new double[] {fNew};
                bracketG = new Tensor[] {gNew};
                done = true;
                break;
            }
            if (gtdNew >= 0) {
                bracket = new double[] {tPrev, t};
                bracketF = new double[] {fPrev, fNew};
                bracketG = new Tensor[] {gPrev, gNew.clone()};
                bracketGtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            double minStep = t + 0.01 * (t - tPrev), maxStep = t * 10, tmp = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            p = objective.apply(t, d);
            fNew = p.loss();
            gNew = p.grad();
            evals++;
            gtdNew = gNew.dot(d).item();
            lsIter++;
        }
        if (lsIter == maxLs) {
            bracket = new double[] {0, t};
            bracketF = new double[] {f, fNew};
            bracketG = new Tensor[] {g, gNew};
            if (bracketGtd == null) bracketGtd = new double[] {gtd, gtdNew};
        }
        boolean insufficientProgress = false;
        int low = bracketF[0] <= bracketF[bracketF.length - 1] ? 0 : 1, high = 1 - low;
        while (!done && lsIter < maxLs) {
            if (Math.abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) break;
            t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1]);
            double hi = Math.max(bracket[0], bracket[1]), lo = Math.min(bracket[0], bracket[1]);
            double eps = 0.1 * (hi - lo);
            if (Math.min(hi - t, t - lo) < eps) {
                if (insufficientProgress || t >= hi || t <= lo) {
                    t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            p = objective.apply(t, d);
            fNew = p.loss();
            gNew = p.grad();
            evals++;
            gtdNew = gNew.dot(d).item();
            lsIter++;
            if (fNew > f + C1 * t * gtd || fNew >= bracketF[low]) {
                bracket[high] = t;
                bracketF[high] = fNew;
                bracketG[high] = gNew.clone();
                bracketGtd[high] = gtdNew;
                low = bracketF[0] <= bracketF[1] ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew) <= -C2 * gtd) {
                    done = true;
                } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
                    bracket[high] = bracket[low];
                    bracketF[high] = bracketF[low];
                    bracketG[high] = bracketG[low];
                    bracketGtd[high] = bracketGtd[low];
                }
                bracket[low] = t;
                bracketF[low] = fNew;
                bracketG[low] = gNew.clone();
                bracketGtd[low] = gtdNew;
            }
        }
        return new Result(bracketF[low], bracketG[low], bracket[low], evals);
    }
}
