#!/usr/bin/env sh
# Runs jgrad's benchmark suite and the PyTorch peer (../shared/bench/torch_peer.py) on this machine,
# one after the other, and prints both with the ratio jgrad/PyTorch (time ratios: lower is better;
# for GFLOP/s rows the ratio is jgrad/PyTorch throughput: higher is better).
# Needs: apt-get install -y python3-torch libopenblas0-pthread
set -eu
cd "$(dirname "$0")/../.."
threads=${THREADS:-2}
peer=${PEER:-../shared/bench/torch_peer.py}
./jgrad mvn -q -B -DskipTests -pl benchmarks -am package exec:exec \
    -Dbench.main=dev.jgrad.bench.PeerSuite -Dbench.args="${1:-}" | grep -v '^WARNING' > /tmp/jgrad-bench.txt
/usr/bin/python3 "$peer" "$threads" > /tmp/torch-bench.txt
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
printf '%-22s %14s %14s %8s  %s\n' workload jgrad pytorch ratio unit
awk -F'\t' 'NR==FNR { peer[$1] = $2; next }
  { p = peer[$1]; r = (p > 0) ? $2 / p : 0;
    printf "%-22s %14.3f %14s %8.3f  %s\n", $1, $2, (p == "" ? "-" : p), r, $3 }' /tmp/torch-bench.txt /tmp/jgrad-bench.txt
