package dev.jgrad.internal.compile;

import dev.jgrad.Device;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Backends;
import dev.jgrad.backend.View;
import java.util.Arrays;

/**
 * One recorded kernel call: what the fuser needs to know about it (its kind, op, scalar parameter, the views it
 * reads and writes) and how to replay it on the CPU backend with the run's real storages.
 */
final class Call implements Step {
    /** The kinds the fuser can put into a generated kernel (SUM: a floating sum over all dims); everything else is OTHER and replays as recorded. */
    enum Kind { UNARY, BINARY, ACTIVATION, COPY, THRESHOLD_BACKWARD, SUM, OTHER }

    /** Replays the call on a backend, with views re-pointed at the run's storages by env. */
    @FunctionalInterface
    interface Replay {
        void run(Backend cpu, Env env);
    }

    static final Backend CPU = Backends.of(Device.CPU);

    final String name;
    final Kind kind;
    final Enum<?> op;
    final double param;
    final View[] reads;
    final View[] writes;
    private final Replay replay;

    Call(String name, Kind kind, Enum<?> op, double param, View[] reads, View[] writes, Replay replay) {
        this.name = name;
        this.kind = kind;
        this.op = op;
        this.param = param;
        this.reads = reads;
        this.writes = writes;
        this.replay = replay;
    }

    /** The one view an elementwise call writes. */
    View out() { return writes[0]; }

    @Override public void run(Env env) { replay.run(CPU, env); }

    @Override public String describe() {
        StringBuilder b = new StringBuilder(name);
        if (op != null) b.append(' ').append(op);
        b.append(" reads ");
        for (View v : reads) b.append(slotName(v)).append(' ');
        b.append("writes");
        for (View v : writes) b.append(' ').append(slotName(v));
        return b.toString();
    }

    static String slotName(View v) {
        if (v == null) return "-";
        String where = v.storage() instanceof TraceStorage ts ? "%" + ts.slot : "const";
        return where + Arrays.toString(v.shape()) + Arrays.toString(v.strides()) + "+" + v.offset();
    }
}
