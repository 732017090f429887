#!/usr/bin/env sh
# Installs what the notebooks need, on Debian or Ubuntu:
#   - Jupyter from the distribution's packages (notebook, nbconvert, jupyter_client, ipykernel,
#     jupyter_kernel_test for notebooks/test-kernel.sh),
#   - jgrad's kernel, built here (kernel/target/jgrad-kernel.jar and its jars in kernel/target/lib),
#   - the kernel spec "jgrad" in your Jupyter data dir, which runs the kernel through ./jgrad (JDK 25).
# Then: jupyter notebook notebooks/   (and pick the kernel "Java (jgrad)" for new notebooks)
# Set NO_APT=1 to skip the packages (when Jupyter is already there, or installed some other way).
set -eu
cd "$(dirname "$0")/.."
if [ "${NO_APT:-0}" != 1 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    jupyter-notebook jupyter-nbconvert jupyter-client python3-ipykernel python3-jupyter-kernel-test
fi
rm -rf kernel/target/lib  # the kernel's class path is lib/*: no jar of an older build may stay there
./jgrad mvn -q -B -DskipTests -pl kernel -am package
notebooks/kernelspec.sh "$(jupyter --data-dir)"
echo "done: open the notebooks with   jupyter notebook notebooks/   (as root: add --allow-root)"
