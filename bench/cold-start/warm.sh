#!/usr/bin/env bash
# Warm invocation latency of the upload API (issue 13): the function as built (Spring Cloud Function,
# RequestIdFunctionInvoker, the functional UploadApiApplication) vs the same API behind a plain
# aws-lambda-java-core handler, in one JVM against the local emulators (WarmInvocationProbe). ROUNDS rounds of
# PER_ROUND requests of each kind on each candidate, the two back to back, after WARMUP requests of each; prints
# p50/p99 and the SCF/plain ratios, and writes the "Warm invocation" section of docs/benchmarks/cold-start.md
# (run.sh keeps it when it rewrites the page; then bench/collect.sh rebuilds docs/benchmarks.md).
# SKIP_BUILD=1 reuses the last build; NO_DOC=1 only prints.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/cold-start/lambda-jvm.sh
ROUNDS="${ROUNDS:-5}"
PER_ROUND="${PER_ROUND:-1000}"
WARMUP="${WARMUP:-1000}"

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -o -ntp -Pbench -pl bench/cold-start -am package -DskipTests
CP="bench/cold-start/target/classes:$(cat bench/cold-start/target/classpath.txt)"
work=$(mktemp -d)
# The probe runs with what Lambda would load: the upload API's deployment zip plus the probe classes; the module's
# own class path comes last, for the setup only (the tables from the template: testing's TemplateTables), so every
# class the zip holds is loaded from the zip.
unzip -q functions/upload-api/target/upload-api.zip -d "$work/function"
PROBE_CP="bench/cold-start/target/classes:$work/function:$work/function/lib/*:$CP"
trap 'kill "$emu_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
start_emulators
props+=("-DUPLOADS_BUCKET=bench-uploads" "-DVIDEOS_TABLE=bench-videos" "-DCHANNELS_TABLE=bench-channels"
        "-DMEDIA_BASE_URL=https://d111111abcdef8.cloudfront.net" "-Dlogging.level.root=WARN"
        "-DDELETION_STATE_MACHINE_ARN=arn:aws:states:us-east-1:000000000000:stateMachine:bench-video-deletion"
        "-DVISIBILITY_STATE_MACHINE_ARN=arn:aws:states:us-east-1:000000000000:stateMachine:bench-video-visibility")
# shellcheck disable=SC2086
"$JAVA" $JVM_FLAGS "${props[@]}" -cp "$PROBE_CP" dev.clipflow.bench.coldstart.WarmInvocationProbe \
  events "$work/results.txt" "$ROUNDS" "$PER_ROUND" "$WARMUP" > "$work/probe.log" 2>&1 \
  || { echo "probe failed:"; tail -30 "$work/probe.log"; exit 1; }
cat "$work/results.txt"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v r="$1" -v c="$2" -v f="$3" '$2 == r && $4 == c {print $f}' "$work/results.txt"; }
# The median of the rounds' ratios scf/plain (each round ran the two back to back).
rratio() { # request, field
  # shellcheck disable=SC2046
  median $(paste <(col "$1" scf "$2") <(col "$1" plain "$2") | awk '{printf "%.3f\n", $1/$2}') | awk '{printf "%.2f", $1}'
}
rows=""
for r in get-video no-identity; do
  # shellcheck disable=SC2046
  row="| \`$r\` | $(median $(col "$r" scf 5)) | $(median $(col "$r" plain 5)) | **$(rratio "$r" 5)** | $(median $(col "$r" scf 6)) | $(median $(col "$r" plain 6)) | **$(rratio "$r" 6)** | $(paste -d/ <(col "$r" scf 5) <(col "$r" plain 5) | tr '\n' ' ')|"
  echo "$row"
  rows+="$row"$'\n'
done
[ -z "${NO_DOC:-}" ] || exit 0

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
section="$work/warm.md"
{
  echo "<!-- warm: written by bench/cold-start/warm.sh -->"
  echo "## Warm invocation: the upload API, SCF vs plain"
  echo
  echo "Run: \`bench/cold-start/warm.sh\` (ROUNDS=$ROUNDS, PER_ROUND=$PER_ROUND, WARMUP=$WARMUP), $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo "Machine: $(nproc) cores ($cpu), shared with other builds (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))."
  echo "JDK: $("$JAVA" -version 2>&1 | head -1). JVM flags: \`$JVM_FLAGS\` (as the cold-start runs)."
  echo
  echo "One JVM on the upload API's deployment zip holds both candidates: \`scf\`, the function as built"
  echo "(\`RequestIdFunctionInvoker\`, bean \`uploadApi\` of the functional \`UploadApiApplication\`), and \`plain\`, the"
  echo "same \`UploadApi\` wired by the same start-class code behind a plain \`RequestStreamHandler\` (Jackson in, the"
  echo "\`HttpApiFunction\` answer out). Each gets the API Gateway event as bytes and a new Lambda context per request,"
  echo "in-process; the answers go to DynamoDB on the local emulators. \`get-video\`: events/api-get-video.json by the"
  echo "owner (one GetItem, 200); \`no-identity\`: events/api-no-identity.json (the 401, answered without leaving the"
  echo "JVM: the adapter's own cost and nothing else). After $WARMUP warm-up requests of each kind on each, every round"
  echo "times $PER_ROUND requests of each kind on each candidate back to back (which goes first alternates); latencies"
  echo "in microseconds, medians of the rounds, and the median of the rounds' SCF/plain ratios. Logging at WARN."
  echo
  echo "| request | p50 scf (µs) | p50 plain (µs) | p50 scf/plain | p99 scf (µs) | p99 plain (µs) | p99 scf/plain | rounds, p50 scf/plain (µs) |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s' "$rows"
  echo
  # shellcheck disable=SC2046
  echo "Target: within 1.1x. The adapter's own cost per request is the \`no-identity\` difference of the p50s:"
  # shellcheck disable=SC2046
  echo "$(( $(median $(col no-identity scf 5)) - $(median $(col no-identity plain 5)) )) µs, next to a request that reads DynamoDB once."
  echo "<!-- /warm -->"
} > "$section"
page=docs/benchmarks/cold-start.md
# Replace the section (or append it) in the cold-start page.
awk -v f="$section" '
  /^<!-- warm: / {skip=1; while ((getline l < f) > 0) print l; done=1; next}
  /^<!-- \/warm -->/ {skip=0; next}
  !skip {print}
  END {if (!done) {print ""; while ((getline l < f) > 0) print l}}' "$page" > "$work/page.md"
cp "$work/page.md" "$page"
echo "wrote the warm section of $page"
bench/collect.sh
