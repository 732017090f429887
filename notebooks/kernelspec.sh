#!/usr/bin/env sh
# Writes the Jupyter kernel spec "jgrad" into DIR/kernels/jgrad: Jupyter then starts the kernel as
# `<repo>/jgrad kernel CONNECTION_FILE`, which finds a JDK 25 and runs kernel/target/jgrad-kernel.jar.
#   notebooks/kernelspec.sh DIR      (install.sh passes the user's Jupyter data dir; the test scripts a temporary one)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
dir="$1/kernels/jgrad"
mkdir -p "$dir"
cat > "$dir/kernel.json" <<JSON
{
  "argv": ["$repo/jgrad", "kernel", "{connection_file}"],
  "display_name": "Java (jgrad)",
  "language": "java",
  "interrupt_mode": "message"
}
JSON
echo "kernel spec written: $dir/kernel.json"
