#!/usr/bin/env bash
# SnapStart priming of the SDK path: the first real DynamoDB GetItem in a fresh JVM after an init with and
# without SdkPriming's signed-not-sent GetItem (SdkPrimingProbe), against the local emulators, Lambda's JVM flags,
# the two modes alternating in each of RUNS rounds; prints every run and the medians, and writes its row of the
# lever table in docs/benchmarks/cold-start.md (run.sh keeps it; then bench/collect.sh rebuilds
# docs/benchmarks.md). SKIP_BUILD=1 reuses the last build. Measures first-request latency in one JVM, not a
# restore (no CRaC JVM here).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/cold-start/lambda-jvm.sh
RUNS="${RUNS:-7}"
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -o -ntp -Pbench -pl bench/cold-start -am package -DskipTests
CP="bench/cold-start/target/classes:$(cat bench/cold-start/target/classpath.txt)"
work=$(mktemp -d)
trap 'kill "$emu_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
start_emulators
props+=("-DUPLOADS_BUCKET=bench-uploads" "-DVIDEOS_TABLE=bench-videos" "-DCHANNELS_TABLE=bench-channels"
        "-Dlogging.level.root=WARN")
"$JAVA" "${props[@]}" -cp "$CP" dev.clipflow.bench.coldstart.BenchSetup >/dev/null
declare -A firsts inits
for i in $(seq 1 "$RUNS"); do
  for mode in unprimed primed; do
    # shellcheck disable=SC2086
    line=$("$JAVA" $JVM_FLAGS "${props[@]}" -cp "$CP" dev.clipflow.bench.coldstart.SdkPrimingProbe "$mode" \
      2> "$work/$mode.err" | awk '/^sdkpriming/') || true
    [ -n "$line" ] || { echo "run $mode failed:"; tail -20 "$work/$mode.err"; exit 1; }
    read -r _ _ first init <<< "$line"
    firsts[$mode]+="$first "; inits[$mode]+="$init "
    echo "run $i $mode: first GetItem ${first} ms (init ${init} ms)"
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for mode in unprimed primed; do
  # shellcheck disable=SC2086
  echo "$mode: first GetItem median $(median ${firsts[$mode]}) ms (runs: ${firsts[$mode]}); init median $(median ${inits[$mode]}) ms"
done
# The lever table's row: medians, and the median of the rounds' primed / unprimed ratios.
# shellcheck disable=SC2086
mu=$(median ${firsts[unprimed]}); mp=$(median ${firsts[primed]})
# shellcheck disable=SC2086
iu=$(median ${inits[unprimed]}); ip=$(median ${inits[primed]})
read -ra fu <<< "${firsts[unprimed]}"; read -ra fp <<< "${firsts[primed]}"
rounds=(); for i in "${!fu[@]}"; do rounds+=("$(awk -v a="${fp[$i]}" -v b="${fu[$i]}" 'BEGIN {printf "%.2f", a / b}')"); done
row="| SnapStart priming of the SDK path, measured as first-request latency after a primed init in one JVM (\`SdkPriming\`: the first DynamoDB GetItem after an init with and without a GetItem signed and not sent; \`sdk-priming.sh\`, RUNS=$RUNS, $(date -u '+%Y-%m-%d'); no restore measured: no CRaC JVM here) | \`unprimed\` $mu | \`primed\` $mp | $(awk -v a="$mp" -v b="$mu" 'BEGIN {printf "%.2f", a / b}') | $(median "${rounds[@]}") | init (not CPU) $iu -> $ip | | |"
echo "$row"
f=docs/benchmarks/cold-start.md
if grep -q '^| SnapStart priming of the SDK path' "$f"; then
  awk -v row="$row" '/^\| SnapStart priming of the SDK path/ {print row; next} {print}' "$f" > "$work/cold-start.md"
else
  awk -v row="$row" '{print} /^\| AppCDS archive, plain handler/ {print row}' "$f" > "$work/cold-start.md"
fi
cp "$work/cold-start.md" "$f"
echo "wrote $f (bench/collect.sh rebuilds docs/benchmarks.md)"
