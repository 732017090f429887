package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.distributions.Categorical;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * pytorch/examples' reinforcement_learning/reinforce.py: a policy network (with dropout) learns CartPole
 * by REINFORCE, -log p(action) times the normalised discounted return. Seed 543 as the original; CartPole
 * is {@link CartPole}.
 */
public final class Reinforce {
    static final double GAMMA = 0.99;
    static final int LOG_INTERVAL = 10;

    private Reinforce() {}

    static final class Policy extends Module {
        final Linear affine1 = register("affine1", new Linear(4, 128));
        final Dropout dropout = register("dropout", new Dropout(0.6));
        final Linear affine2 = register("affine2", new Linear(128, 2));
        final List<Tensor> savedLogProbs = new ArrayList<>();
        final List<Double> rewards = new ArrayList<>();

        @Override public Tensor forward(Tensor x) {
            Tensor h = F.relu(dropout.forward(affine1.forward(x)));
            return F.softmax(affine2.forward(h), 1);
        }
    }

    /** Each episode's loss; the original's log lines go to log. episodes null: until solved. */
    public static List<Double> run(Integer episodes, Consumer<String> log) {
        manualSeed(543);
        CartPole env = new CartPole();
        Policy policy = new Policy();
        Adam optimizer = new Adam(policy.parameters(), 1e-2);
        double eps = Math.ulp(1.0f);
        List<Double> losses = new ArrayList<>();
        double runningReward = 10;
        for (int iEpisode = 1; ; iEpisode++) {
            Tensor state = env.reset();
            double epReward = 0;
            int t;
            for (t = 1; t < 10000; t++) {  // Don't infinite loop while learning
                long action = selectAction(policy, state);
                CartPole.Step s = env.step(action);
                state = s.observation();
                policy.rewards.add(s.reward());
                epReward += s.reward();
                if (s.done()) break;
            }
            runningReward = 0.05 * epReward + (1 - 0.05) * runningReward;
            losses.add(finishEpisode(policy, optimizer, eps));
            if (iEpisode % LOG_INTERVAL == 0) {
                log.accept("Episode " + iEpisode + "\tLast reward: " + Py.fixed(epReward, 2, false) + "\tAverage reward: "
                        + Py.fixed(runningReward, 2, false));
            }
            if (runningReward > CartPole.REWARD_THRESHOLD) {
                log.accept("Solved! Running reward is now " + Py.repr(runningReward) + " and the last episode runs to " + t + " time steps!");
                break;
            }
            if (episodes != null && iEpisode >= episodes) break;
        }
        return losses;
    }

    static long selectAction(Policy policy, Tensor state) {
        Tensor probs = policy.forward(state.unsqueeze(0));
        Categorical m = Categorical.ofProbs(probs);
        Tensor action = m.sample();
        policy.savedLogProbs.add(m.logProb(action));
        return action.itemLong();
    }

    static double finishEpisode(Policy policy, Adam optimizer, double eps) {
        double r = 0;
        Deque<Double> returnsDeque = new ArrayDeque<>();
        for (int i = policy.rewards.size() - 1; i >= 0; i--) {
            r = policy.rewards.get(i) + GAMMA * r;
            returnsDeque.addFirst(r);
        }
        Tensor returns = tensor(returnsDeque.stream().mapToDouble(Double::doubleValue).toArray());
        returns = returns.sub(returns.mean()).div(returns.std().add(eps));
        List<Tensor> policyLoss = new ArrayList<>();
        for (int i = 0; i < policy.savedLogProbs.size(); i++) policyLoss.add(policy.savedLogProbs.get(i).neg().mul(returns.get(i)));
        optimizer.zeroGrad();
        Tensor loss = cat(policyLoss).sum();
        double value = loss.item();
        loss.backward();
        optimizer.step();
        policy.rewards.clear();
        policy.savedLogProbs.clear();
        return value;
    }

    public static void main(String[] args) { run(args.length > 0 ? Integer.valueOf(args[0]) : null, System.out::println); }
}
