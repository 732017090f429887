#!/usr/bin/env sh
# The consumer-app check: jgrad as a separate team's Maven project gets it.
#   1. installs jgrad (jar, -sources.jar, -javadoc.jar, poms) into a scratch local repository, as
#      `./jgrad mvn install` does into ~/.m2, without running the tests;
#   2. builds consumer-test/ (its own pom, depending on dev.jgrad:jgrad:0.2.0) against that repository;
#   3. trains its MLP four times: with and without --add-modules jdk.incubator.vector, and with and
#      without --enable-native-access=ALL-UNNAMED. Each run must end with "ok", and the only other lines
#      allowed are the JDK's own "Using incubator modules" warning (printed by the JVM whenever that module
#      is added; no library can turn it off) and one "jgrad:" line per missing flag, saying what it would add.
# Plugins and build dependencies come read-only from the usual local repository (~/.m2/repository, or
# $JGRAD_M2_TAIL), and from Maven Central for what is not there yet. Takes about a minute.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/jgrad-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
tail=${JGRAD_M2_TAIL:-$HOME/.m2/repository}
version=0.2.0

mvn() { "$root/jgrad" mvn -B -q "-Dmaven.repo.local=$repo" "-Dmaven.repo.local.tail=$tail" "$@"; }
fail() { echo "consumer-test: FAILED: $*" >&2; exit 1; }

echo "consumer-test: installing jgrad $version into a scratch repository"
mvn -DskipTests -pl library -am install
dir="$repo/dev/jgrad/jgrad/$version"
for f in "jgrad-$version.jar" "jgrad-$version-sources.jar" "jgrad-$version-javadoc.jar" "jgrad-$version.pom" \
         "../../jgrad-parent/$version/jgrad-parent-$version.pom"; do
  [ -s "$dir/$f" ] || fail "missing $dir/$f"
done
# zip files keep entry names uncompressed, so grep finds them
grep -q "dev/jgrad/Tensor.java" "$dir/jgrad-$version-sources.jar" || fail "no Tensor.java in the sources jar"
grep -q "dev/jgrad/Tensor.html" "$dir/jgrad-$version-javadoc.jar" || fail "no Tensor.html in the javadoc jar"
grep -q "META-INF/LICENSE" "$dir/jgrad-$version.jar" || fail "no LICENSE in the jar"
grep -q "<licenses>" "$dir/jgrad-$version.pom" "$dir/../../jgrad-parent/$version/jgrad-parent-$version.pom" \
  || fail "no licenses in the poms"

echo "consumer-test: building consumer-test/ against it"
mvn -f "$root/consumer-test/pom.xml" "-Djgrad.version=$version" clean package
app=$root/consumer-test/target/jgrad-consumer-test-1.0.jar
[ -s "$app" ] || fail "no $app"
cp="$app:$dir/jgrad-$version.jar"   # jgrad has no dependencies of its own

vector_line="jgrad: the fast vector paths are off because the JVM was started without the Vector API module"
native_line="jgrad: native access is not enabled, so matrix products stay in pure Java"
incubator_line="WARNING: Using incubator modules: jdk.incubator.vector"

# run NAME EXPECTED-LINE-PREFIXES... -- JVM-FLAGS...
run() {
  name=$1; shift
  expected=""
  while [ "$1" != "--" ]; do expected="$expected$1
"; shift; done
  shift
  out="$work/$name.txt"
  # JAVA_TOOL_OPTIONS and friends would add flags (and a line of their own)
  rc=0
  env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS "$root/jgrad" java "$@" -cp "$cp" com.example.mlp.TrainMlp \
    > "$out" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || { cat "$out"; fail "$name: exit code $rc"; }
  grep -q "^ok$" "$out" || { cat "$out"; fail "$name: no 'ok'"; }
  # every other line must start with one of the expected prefixes, and each prefix must occur exactly once
  others=$(grep -v -e "^ok$" -e "^loss " "$out" || true)
  n_others=$(printf '%s' "$others" | grep -c . || true)
  n_expected=$(printf '%s' "$expected" | grep -c . || true)
  [ "$n_others" -eq "$n_expected" ] || { cat "$out"; fail "$name: $n_others extra lines, $n_expected expected"; }
  printf '%s' "$expected" | while IFS= read -r prefix; do
    [ -z "$prefix" ] && continue
    [ "$(grep -c -F -e "$prefix" "$out")" -eq 1 ] || { cat "$out"; fail "$name: not once: $prefix"; }
  done
  echo "consumer-test: $name: $(grep '^loss ' "$out"), $n_others message line(s) as expected"
}

run "both-flags"      "$incubator_line"                 -- --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED
run "no-native"       "$incubator_line" "$native_line"  -- --add-modules jdk.incubator.vector
run "no-vector"       "$vector_line"                    -- --enable-native-access=ALL-UNNAMED
run "no-flags"        "$vector_line"                    --
echo "consumer-test: all four runs ok"
