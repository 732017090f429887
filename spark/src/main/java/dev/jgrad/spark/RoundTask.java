package dev.jgrad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/** The function each barrier task runs on its partition: group the examples by step, then {@link Worker#run}. */
final class RoundTask<T> extends AbstractFunction1<Iterator<Tuple2<Integer, Placed<T>>>, Iterator<RoundOutput>>
        implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RoundSpec<T> spec;
    private final Broadcast<byte[]> state;

    RoundTask(RoundSpec<T> spec, Broadcast<byte[]> state) {
        this.spec = spec;
        this.state = state;
    }

    @Override public Iterator<RoundOutput> apply(Iterator<Tuple2<Integer, Placed<T>>> rows) {
        BarrierTaskContext context = BarrierTaskContext.get();
        Map<Long, List<Placed<T>>> byStep = new HashMap<>();
        while (rows.hasNext()) {
            Tuple2<Integer, Placed<T>> row = rows.next();
            if (row._1() != context.partitionId()) {
                throw new IllegalStateException("example for rank " + row._1() + " arrived at partition " + context.partitionId());
            }
            byStep.computeIfAbsent(row._2().step(), s -> new ArrayList<>()).add(row._2());
        }
        Map<Long, List<T>> shards = new HashMap<>();
        for (Map.Entry<Long, List<Placed<T>>> e : byStep.entrySet()) {
            List<Placed<T>> placed = e.getValue();
            placed.sort(Comparator.comparingInt(Placed::slot));
            List<T> shard = new ArrayList<>(placed.size());
            for (Placed<T> p : placed) shard.add(p.example());
            shards.put(e.getKey(), shard);
        }
        RoundOutput out = Worker.run(new SparkCoordinator(context), spec, state.value(), shards);
        return CollectionConverters.asScala(List.of(out).iterator());
    }
}
