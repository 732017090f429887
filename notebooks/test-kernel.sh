#!/usr/bin/env sh
# Tests the kernel through Jupyter's own client, with Debian's python3-jupyter-kernel-test
# (notebooks/install.sh installs it): kernel_info, execute results, stdout and stderr, errors,
# completion, is_complete, inspection and display_data, over real ZeroMQ sockets.
# The kernel spec goes into a temporary Jupyter path, so this needs no install.sh run beyond the packages.
set -eu
cd "$(dirname "$0")/.."
rm -rf kernel/target/lib  # the kernel's class path is lib/*: no jar of an older build may stay there
./jgrad mvn -q -B -DskipTests -pl kernel -am package
JUPYTER_PATH=$(mktemp -d)
trap 'rm -rf "$JUPYTER_PATH"' EXIT
export JUPYTER_PATH
notebooks/kernelspec.sh "$JUPYTER_PATH" > /dev/null
/usr/bin/python3 -m unittest -v notebooks/test_kernel.py
