#!/usr/bin/env sh
# Executes every notebook in notebooks/ headless with the jgrad kernel, as Jupyter would cell by cell;
# fails (exit status 1) on the first cell that raises an error. The executed copies, outputs and pictures
# included, go to notebooks/out/ (ignored by git); --inplace writes the outputs into the notebooks themselves.
set -eu
cd "$(dirname "$0")/.."
rm -rf kernel/target/lib  # the kernel's class path is lib/*: no jar of an older build may stay there
./jgrad mvn -q -B -DskipTests -pl kernel -am package
JUPYTER_PATH=$(mktemp -d)
trap 'rm -rf "$JUPYTER_PATH"' EXIT
export JUPYTER_PATH
notebooks/kernelspec.sh "$JUPYTER_PATH" > /dev/null
if [ "${1:-}" = "--inplace" ]; then where="--inplace"; else where="--output-dir=notebooks/out"; fi
for nb in notebooks/*.ipynb; do
  echo "== $nb"
  # record_timing=False: no execution timestamps in the cells' metadata, so a rerun changes only real outputs
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=jgrad \
    --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False $where "$nb"
done
echo "all notebooks ran without errors"
