package dev.jgrad.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks and prints one line per workload in the peer script's format and units
 * ({@code NAME<TAB>value<TAB>unit}), each the median of the measured iterations.
 * Args: an optional regex of benchmarks to run.
 */
public final class PeerSuite {
    private PeerSuite() {}

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : "dev\\.jgrad\\.bench\\..*Benchmarks";
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(include)
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        List<String> lines = new ArrayList<>();
        for (RunResult rr : results) {
            String bench = rr.getParams().getBenchmark();
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            String n = rr.getParams().getParam("n");
            double us = medianMicros(rr);
            switch (method) {
                case "smallOps2000" -> lines.add(line("small_op_fwd_us", us / 2000, "us/op"));
                case "smallOpsFwdBwd200" -> lines.add(line("small_op_fwd_bwd_us", us / 200, "us/op"));
                case "hessian100" -> lines.add(line("hessian_100_ms", us / 1e3, "ms"));
                case "tinymodelStep" -> lines.add(line("tinymodel_step_us", us, "us/step"));
                case "mlpStep" -> lines.add(line("mlp_step_ms", us / 1e3, "ms/step"));
                case "elementwise10m" -> lines.add(line("elementwise_10m_ms", us / 1e3, "ms"));
                case "compiledElementwise10m" -> lines.add(line("compiled_elementwise_10m_ms", us / 1e3, "ms"));
                case "eagerElementwise10m" -> lines.add(line("eager_twin_elementwise_10m_ms", us / 1e3, "ms"));
                case "compiledGeluMlp" -> lines.add(line("compiled_gelu_mlp_step_ms", us / 1e3, "ms/step"));
                case "eagerGeluMlp" -> lines.add(line("eager_twin_gelu_mlp_step_ms", us / 1e3, "ms/step"));
                case "compiledAdam1m" -> lines.add(line("compiled_adam_1m_ms", us / 1e3, "ms"));
                case "eagerAdam1m" -> lines.add(line("eager_twin_adam_1m_ms", us / 1e3, "ms"));
                case "sum10m" -> lines.add(line("sum_10m_ms", us / 1e3, "ms"));
                case "mnistCnnStep" -> lines.add(line("mnist_cnn_step_ms", us / 1e3, "ms/step"));
                case "lstmLmStep" -> lines.add(line("lstm_lm_step_ms", us / 1e3, "ms/step"));
                case "gptStep" -> lines.add(line("gpt_step_ms", us / 1e3, "ms/step"));
                case "sgemm" -> {
                    double size = Double.parseDouble(n);
                    lines.add(line("sgemm_" + n + "_gflops", 2 * size * size * size / (us * 1e-6) / 1e9, "GFLOP/s"));
                }
                default -> lines.add(line(method, us, "us"));
            }
        }
        List<String> peerOrder = List.of("small_op_fwd_us", "small_op_fwd_bwd_us", "tinymodel_step_us", "mlp_step_ms", "sgemm_256_gflops",
                "sgemm_1024_gflops", "sgemm_2048_gflops", "elementwise_10m_ms", "sum_10m_ms", "hessian_100_ms",
                "mnist_cnn_step_ms", "lstm_lm_step_ms", "gpt_step_ms");
        lines.sort(java.util.Comparator.comparingInt(l -> {
            int i = peerOrder.indexOf(l.substring(0, l.indexOf('\t')));
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        lines.forEach(System.out::println);
    }

    private static double medianMicros(RunResult rr) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult br : rr.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) scores.add(ir.getPrimaryResult().getScore());
        }
        scores.sort(null);
        int m = scores.size();
        return m % 2 == 1 ? scores.get(m / 2) : (scores.get(m / 2 - 1) + scores.get(m / 2)) / 2;
    }

    private static String line(String name, double value, String unit) {
        return String.format("%s\t%.3f\t%s", name, value, unit);
    }
}
