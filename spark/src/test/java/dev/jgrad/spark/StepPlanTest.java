package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** StepPlan against DistributedSampler's definition (rank r takes order[r::W], then batches of B / W, drop_last). */
class StepPlanTest {
    @Test void everyUseMatchesDistributedSamplerAndDataLoader() {
        int n = 103, b = 12, w = 3, shard = b / w;
        StepPlan plan = new StepPlan(n, b, w, true, 5);
        assertEquals(8, plan.stepsPerEpoch());
        for (int epoch = 0; epoch < 3; epoch++) {
            long[] order = plan.order(epoch);
            assertArrayEquals(new dev.jgrad.Generator(5 + epoch).randperm(n), order);
            int usedTotal = (n / w) / shard * shard * w;   // what the ranks' DataLoaders consume per epoch
            int[] position = StepPlan.positions(order);
            int used = 0;
            for (int i = 0; i < n; i++) {
                long[] place = plan.placement(epoch, position[i]);
                int p = position[i];
                int rank = p % w, inRankList = p / w;   // DistributedSampler: rank's list is order[rank::w]
                int batch = inRankList / shard, slot = inRankList % shard;
                if (p >= usedTotal) {
                    assertNull(place, "position " + p + " is dropped");
                } else {
                    used++;
                    assertArrayEquals(new long[] {epoch * 8L + batch, rank, slot}, place);
                }
            }
            assertEquals(8 * b, used);
        }
        assertTrue(plan.epochOf(8) == 1 && plan.epochOf(7) == 0);
    }

    @Test void unevenShardsAndTinyDatasetsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StepPlan(100, 10, 3, false, 0));
        assertTrue(e.getMessage().contains("multiple of the number of workers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StepPlan(5, 8, 2, false, 0));
    }
}
