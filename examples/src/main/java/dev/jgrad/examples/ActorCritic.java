package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.distributions.Categorical;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * pytorch/examples' reinforcement_learning/actor_critic.py: one network with an actor head (action
 * probabilities) and a critic head (state value) learns CartPole from whole episodes (discounted, normalised
 * returns; policy loss -log p * advantage; value loss smooth_l1). Seed 543 as the original; CartPole is
 * {@link CartPole} (the original uses gym's).
 */
public final class ActorCritic {
    static final double GAMMA = 0.99;
    static final int LOG_INTERVAL = 10;

    private ActorCritic() {}

    record SavedAction(Tensor logProb, Tensor value) {}

    static final class Policy extends Module {
        final Linear affine1 = register("affine1", new Linear(4, 128));
        final Linear actionHead = register("action_head", new Linear(128, 2));  // actor's layer
        final Linear valueHead = register("value_head", new Linear(128, 1));    // critic's layer
        final List<SavedAction> savedActions = new ArrayList<>();
        final List<Double> rewards = new ArrayList<>();

        /** (action probabilities, state value). */
        Tensor[] act(Tensor x) {
            Tensor h = F.relu(affine1.forward(x));
            return new Tensor[] {F.softmax(actionHead.forward(h), -1), valueHead.forward(h)};
        }
    }

    /** Each episode's loss; the original's log lines go to log. episodes null: until solved. */
    public static List<Double> run(Integer episodes, Consumer<String> log) {
        manualSeed(543);
        CartPole env = new CartPole();
        Policy model = new Policy();
        Adam optimizer = new Adam(model.parameters(), 3e-2);
        double eps = Math.ulp(1.0f);
        List<Double> losses = new ArrayList<>();
        double runningReward = 10;
        for (int iEpisode = 1; ; iEpisode++) {
            Tensor state = env.reset();
            double epReward = 0;
            int t;
            for (t = 1; t < 10000; t++) {
                long action = selectAction(model, state);
                CartPole.Step s = env.step(action);
                state = s.observation();
                model.rewards.add(s.reward());
                epReward += s.reward();
                if (s.done()) break;
            }
            runningReward = 0.05 * epReward + (1 - 0.05) * runningReward;
            losses.add(finishEpisode(model, optimizer, eps));
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

    static long selectAction(Policy model, Tensor state) {
        Tensor[] out = model.act(state);
        Categorical m = Categorical.ofProbs(out[0]);
        Tensor action = m.sample();
        model.savedActions.add(new SavedAction(m.logProb(action), out[1]));
        return action.itemLong();
    }

    static double finishEpisode(Policy model, Adam optimizer, double eps) {
        double r = 0;
        List<Double> returnsList = new ArrayList<>();
        for (int i = model.rewards.size() - 1; i >= 0; i--) {
            r = model.rewards.get(i) + GAMMA * r;
            returnsList.add(0, r);
        }
        Tensor returns = tensor(returnsList.stream().mapToDouble(Double::doubleValue).toArray());
        returns = returns.sub(returns.mean()).div(returns.std().add(eps));
        List<Tensor> policyLosses = new ArrayList<>(), valueLosses = new ArrayList<>();
        for (int i = 0; i < model.savedActions.size(); i++) {
            SavedAction sa = model.savedActions.get(i);
            Tensor bigR = returns.get(i);
            Tensor advantage = bigR.sub(sa.value().item());
            policyLosses.add(sa.logProb().neg().mul(advantage));
            valueLosses.add(F.smoothL1Loss(sa.value(), bigR.reshape(1)));
        }
        optimizer.zeroGrad();
        Tensor loss = stack(policyLosses).sum().add(stack(valueLosses).sum());
        double value = loss.item();
        loss.backward();
        optimizer.step();
        model.rewards.clear();
        model.savedActions.clear();
        return value;
    }

    public static void main(String[] args) { run(args.length > 0 ? Integer.valueOf(args[0]) : null, System.out::println); }
}
