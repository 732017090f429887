package dev.jgrad.examples;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/**
 * gym's CartPole-v1 dynamics (euler steps of 0.02 s, the episode ends past 12 degrees or 2.4 units, reward 1
 * per step) for the reinforcement-learning examples. The reset state is drawn from jgrad's generator,
 * uniform in +-0.05, as the Python twin (tools/fixtures/examples/cartpole.py) draws it from torch's.
 */
final class CartPole {
    static final double GRAVITY = 9.8, MASSCART = 1.0, MASSPOLE = 0.1, LENGTH = 0.5, FORCE_MAG = 10.0, TAU = 0.02;
    static final double TOTAL_MASS = MASSPOLE + MASSCART, POLEMASS_LENGTH = MASSPOLE * LENGTH;
    static final double THETA_THRESHOLD_RADIANS = 12 * 2 * Math.PI / 360, X_THRESHOLD = 2.4;
    static final double REWARD_THRESHOLD = 475.0;

    private double[] state;

    /** The observation after a reset: four float32 values. */
    Tensor reset() {
        double[] u = Torch.rand(DType.FLOAT64, 4).toDoubleArray();
        state = new double[4];
        for (int i = 0; i < 4; i++) state[i] = u[i] * 0.1 - 0.05;
        return observation();
    }

    /** One step: the observation, the reward and whether the episode ended. */
    record Step(Tensor observation, double reward, boolean done) {}

    Step step(long action) {
        double x = state[0], xDot = state[1], theta = state[2], thetaDot = state[3];
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        double costheta = Math.cos(theta), sintheta = Math.sin(theta);
        double temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sintheta) / TOTAL_MASS;
        double thetaacc = (GRAVITY * sintheta - costheta * temp) / (LENGTH * (4.0 / 3.0 - MASSPOLE * (costheta * costheta) / TOTAL_MASS));
        double xacc = temp - POLEMASS_LENGTH * thetaacc * costheta / TOTAL_MASS;
        x = x + TAU * xDot;
        xDot = xDot + TAU * xacc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaacc;
        state = new double[] {x, xDot, theta, thetaDot};
        boolean done = x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD_RADIANS || theta > THETA_THRESHOLD_RADIANS;
        return new Step(observation(), 1.0, done);
    }

    private Tensor observation() { return Torch.tensor(state, DType.FLOAT64).toFloat(); }
}
