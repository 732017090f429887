package dev.jgrad.utils.tensorboard;

import dev.jgrad.Tensor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three summaries of TensorBoard's hparams plugin that PyTorch 1.13's {@code hparams()} makes: the
 * experiment (which hyperparameters and metrics exist), the session start (this run's values) and the
 * session end (status success), each an empty-valued Summary.Value whose metadata carries an
 * HParamsPluginData message.
 */
final class Hparams {
    private Hparams() {}

    static final String PLUGIN_NAME = "hparams";
    static final String EXPERIMENT_TAG = "_hparams_/experiment";
    static final String SESSION_START_INFO_TAG = "_hparams_/session_start_info";
    static final String SESSION_END_INFO_TAG = "_hparams_/session_end_info";
    private static final int DATA_TYPE_STRING = 1, DATA_TYPE_FLOAT64 = 3, STATUS_SUCCESS = 1;

    /** Returns {experiment, session start, session end}. */
    static Proto[] summaries(Map<String, ?> hparams, Map<String, ? extends Number> metrics, Map<String, ? extends List<?>> domains) {
        for (Map.Entry<String, ? extends List<?>> d : domains.entrySet()) {
            Object v = hparams.get(d.getKey());
            boolean ok = hparams.containsKey(d.getKey()) && d.getValue() != null && v != null
                    && d.getValue().stream().allMatch(x -> x != null && sameKind(x, v));
            if (!ok) {
                throw new IllegalArgumentException("parameter: hparam_domain_discrete[" + d.getKey() + "] should be a list of same type as "
                        + "hparam_dict[" + d.getKey() + "].");
            }
        }
        Proto experiment = new Proto();
        // map<string, Value> hparams: the entries in key order (protobuf's deterministic order; TensorBoard reads any)
        Map<String, Proto> values = new TreeMap<>();
        for (Map.Entry<String, ?> e : hparams.entrySet()) {
            Object v = e.getValue();
            if (v == null) continue;
            Proto info = new Proto().string(1, e.getKey());
            List<?> domain = domains.get(e.getKey());
            if (v instanceof Number || v instanceof Boolean) {
                values.put(e.getKey(), number(asNumber(v)));
                info.int64(4, DATA_TYPE_FLOAT64);
                if (domain != null) info.message(5, list(domain.stream().map(d -> number(asNumber(d))).toList()));
            } else if (v instanceof String s) {
                values.put(e.getKey(), new Proto().stringAlways(3, s));
                info.int64(4, DATA_TYPE_STRING);
                if (domain != null) info.message(5, list(domain.stream().map(d -> new Proto().stringAlways(3, (String) d)).toList()));
            } else if (v instanceof Tensor t) {
                values.put(e.getKey(), number(t.reshape(-1).get(0).item()));
                info.int64(4, DATA_TYPE_FLOAT64);
            } else {
                throw new IllegalArgumentException("value should be one of int, float, str, bool, or torch.Tensor");
            }
            experiment.message(4, info);
        }
        for (String metric : metrics.keySet()) experiment.message(5, new Proto().message(1, new Proto().string(2, metric)));

        Proto start = new Proto();
        for (Map.Entry<String, Proto> e : values.entrySet()) start.message(1, new Proto().stringAlways(1, e.getKey()).message(2, e.getValue()));
        Proto end = new Proto().int64(1, STATUS_SUCCESS);
        return new Proto[] {
            summary(EXPERIMENT_TAG, new Proto().message(2, experiment)),
            summary(SESSION_START_INFO_TAG, new Proto().message(3, start)),
            summary(SESSION_END_INFO_TAG, new Proto().message(4, end)),
        };
    }

    /** PyTorch 1.13 tests isinstance(v, int) first, and Python's bool is an int: True is the number 1. */
    private static double asNumber(Object v) { return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue(); }

    private static boolean sameKind(Object x, Object v) {
        if (v instanceof Boolean) return x instanceof Boolean;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte || x instanceof Boolean;
        }
        if (v instanceof Number) return x instanceof Double || x instanceof Float;
        return x.getClass() == v.getClass();
    }

    private static Proto number(double v) { return new Proto().double64Always(2, v); }

    private static Proto list(List<Proto> values) {
        Proto l = new Proto();
        for (Proto p : values) l.message(1, p);
        return l;
    }

    /** A Summary with one Value: the tag and plugin metadata whose content is an HParamsPluginData (version 0, left out). */
    private static Proto summary(String tag, Proto pluginData) {
        Proto metadata = new Proto().message(1, new Proto().string(1, PLUGIN_NAME).bytes(2, pluginData.toByteArray()));
        return new Proto().message(1, new Proto().string(1, tag).message(9, metadata));
    }
}
