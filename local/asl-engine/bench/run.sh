#!/usr/bin/env bash
# Throughput of the local ASL engine next to aws-local-stepfunctions 3.0.0 (Node 22), same definitions, same run,
# same machine. Prints the figures and writes docs/benchmarks/asl-engine.md. Not a timed test.
#   BENCH_SECONDS  measured seconds per engine and workload (default 5; a warm-up of half that comes first)
#   LOOP_N         iterations of the Pass/Choice loop per execution (default 10000)
#   MAP_ITEMS      items of the inline Map (default 1000)
#   BASELINE_REF   optional git ref of an earlier engine (e.g. main): its CLI jar is built from `git archive` in a
#                  temporary directory, and it and this engine run ROUNDS (default 5) interleaved rounds of both
#                  workloads; the page gets each one's median and the ratio, to tell a regression from noise
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
MODULE="$(dirname "$HERE")"
ROOT="$(cd "$MODULE/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SECS="${BENCH_SECONDS:-5}"
LOOP_N="${LOOP_N:-10000}"
MAP_ITEMS="${MAP_ITEMS:-1000}"
JAR="$MODULE/target/clipflow-asl-engine-0.1.0-SNAPSHOT-cli.jar"

if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -q -B -pl local/asl-engine -am package -DskipTests)
fi
if [ ! -x "$HERE/node_modules/.bin/node" ] || [ ! -d "$HERE/node_modules/aws-local-stepfunctions" ]; then
  (cd "$HERE" && npm install --no-audit --no-fund)
fi
NODE="$HERE/node_modules/.bin/node"

LOOP_INPUT="{\"n\":$LOOP_N}"
LOOP_TRANSITIONS=$((2 * LOOP_N + 3))
MAP_INPUT="{\"items\":[$(seq -s, 1 "$MAP_ITEMS")]}"
MAP_TRANSITIONS=$((1 + MAP_ITEMS))

LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"
java_run() { "$JAVA_HOME/bin/java" -cp "$JAR" dev.clipflow.local.asl.bench.AslBench "$@"; }
node_run() { (cd "$HERE" && "$NODE" bench.mjs "$@"); }

echo "Pass/Choice loop (n=$LOOP_N, $LOOP_TRANSITIONS transitions per execution), ${SECS}s each"
J_LOOP=$(java_run "$HERE/loop.asl.json" "$LOOP_INPUT" "$LOOP_TRANSITIONS" "$SECS")
echo "  clipflow-asl-engine:        $J_LOOP"
N_LOOP=$(node_run "$HERE/loop.asl.json" "$LOOP_INPUT" "$LOOP_TRANSITIONS" "$SECS")
echo "  aws-local-stepfunctions:    $N_LOOP"
echo "Inline Map ($MAP_ITEMS items, mocked Task, $MAP_TRANSITIONS transitions per execution), ${SECS}s each"
J_MAP=$(java_run "$HERE/map.asl.json" "$MAP_INPUT" "$MAP_TRANSITIONS" "$SECS")
echo "  clipflow-asl-engine:        $J_MAP"
N_MAP=$(node_run "$HERE/map.asl.json" "$MAP_INPUT" "$MAP_TRANSITIONS" "$SECS")
echo "  aws-local-stepfunctions:    $N_MAP"

tps() { echo "$1" | awk '{print $4}'; }
median() { sort -n | awk '{v[NR] = $1} END {printf "%.0f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
BASELINE_MD=""
if [ -n "${BASELINE_REF:-}" ]; then
  ROUNDS="${ROUNDS:-5}"
  BASE_DIR="$(mktemp -d)"
  trap 'rm -rf "$BASE_DIR"' EXIT
  BASE_COMMIT="$(cd "$ROOT" && git rev-parse --short "$BASELINE_REF")"
  (cd "$ROOT" && git archive "$BASE_COMMIT") | tar -x -C "$BASE_DIR"
  (cd "$BASE_DIR" && ./mvnw -q -B -pl local/asl-engine -am package -DskipTests)
  BASE_JAR="$BASE_DIR/local/asl-engine/target/clipflow-asl-engine-0.1.0-SNAPSHOT-cli.jar"
  echo "This engine vs $BASELINE_REF ($BASE_COMMIT), $ROUNDS interleaved rounds of ${SECS}s per workload"
  : > "$BASE_DIR/rounds"
  for round in $(seq 1 "$ROUNDS"); do
    order="base this"; [ $((round % 2)) = 0 ] && order="this base"
    for which in $order; do
      jar="$JAR"; [ "$which" = base ] && jar="$BASE_JAR"
      l=$(tps "$("$JAVA_HOME/bin/java" -cp "$jar" dev.clipflow.local.asl.bench.AslBench "$HERE/loop.asl.json" "$LOOP_INPUT" "$LOOP_TRANSITIONS" "$SECS")")
      m=$(tps "$("$JAVA_HOME/bin/java" -cp "$jar" dev.clipflow.local.asl.bench.AslBench "$HERE/map.asl.json" "$MAP_INPUT" "$MAP_TRANSITIONS" "$SECS")")
      echo "  round $round $which: loop $l, map $m transitions/s"
      echo "$which $l $m" >> "$BASE_DIR/rounds"
    done
  done
  col() { awk -v w="$1" -v c="$2" '$1 == w {print $c}' "$BASE_DIR/rounds" | median; }
  B_LOOP=$(col base 2); T_LOOP=$(col this 2); B_MAP=$(col base 3); T_MAP=$(col this 3)
  spread() { awk -v w="$1" -v c="$2" '$1 == w {print $c}' "$BASE_DIR/rounds" | sort -n | awk '{v[NR] = $1} END {printf "%d to %d", v[1], v[NR]}'; }
  BASELINE_MD="
## Against the previous engine
This engine and \`$BASELINE_REF\` ($BASE_COMMIT) ran $ROUNDS interleaved rounds (the order alternating), each round both
workloads for ${SECS} s per engine in its own process; medians of transitions/s, and the range over the rounds:

| Workload | $BASELINE_REF ($BASE_COMMIT) | this engine | ratio (this / $BASELINE_REF) |
|---|---:|---:|---:|
| Pass/Choice loop, n=$LOOP_N | $B_LOOP ($(spread base 2)) | $T_LOOP ($(spread this 2)) | $(awk -v a="$T_LOOP" -v b="$B_LOOP" 'BEGIN {printf "%.2f", a / b}') |
| Inline Map, $MAP_ITEMS items, mocked Task | $B_MAP ($(spread base 3)) | $T_MAP ($(spread this 3)) | $(awk -v a="$T_MAP" -v b="$B_MAP" 'BEGIN {printf "%.2f", a / b}') |
"
  echo "median loop: base $B_LOOP, this $T_LOOP; median map: base $B_MAP, this $T_MAP"
fi

execs() { echo "$1" | awk '{print $1}'; }
ms() { echo "$1" | awk '{printf "%.2f", $3 * 1000 / $1}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
LOOP_RATIO=$(ratio "$(tps "$J_LOOP")" "$(tps "$N_LOOP")")
MAP_RATIO=$(ratio "$(tps "$J_MAP")" "$(tps "$N_MAP")")
echo "ratio loop: ${LOOP_RATIO}x   ratio map: ${MAP_RATIO}x"

LOAD_AFTER="$(cut -d" " -f1-3 /proc/loadavg)"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEM="$(free -h | awk '/^Mem:/ {print $2}')"
OUT="$ROOT/docs/benchmarks/asl-engine.md"
mkdir -p "$(dirname "$OUT")"
cat > "$OUT" <<MD
# Benchmark: local ASL engine vs aws-local-stepfunctions

Produced by \`local/asl-engine/bench/run.sh\`; not a timed test. Re-run it to refresh these figures.

- Date: $(date -u +%Y-%m-%dT%H:%M:%SZ)
- Machine: $(nproc) CPU(s), ${MEM} RAM, ${CPU}
- Load average (1/5/15 min) before: ${LOAD_BEFORE}, after: ${LOAD_AFTER}. The machine is shared with other
  builds; both engines ran under the same conditions one after the other, so the ratio is more telling than
  the absolute figures, which vary from run to run
- Java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); Node: $("$NODE" --version) (npm \`node@22\`)
- Compared with: aws-local-stepfunctions $(cd "$HERE" && "$NODE" -p "require('./node_modules/aws-local-stepfunctions/package.json').version")

## Method
Both engines run the same definitions (\`bench/loop.asl.json\`, \`bench/map.asl.json\`) in the same run on the same
machine, one after the other, each in its own process: a warm-up of ${SECS}/2 s (at least 1 s), then as many
executions as fit in ${SECS} s. A state transition is one state entered; the loop makes 2n+3 per execution and
the Map 1 + items. Every Task is answered by a constant \`{"ok": true}\` (our engine: a \`TaskInvoker\` lambda;
aws-local-stepfunctions: \`taskResourceLocalHandlers\`). No history is recorded by either engine's caller.
The Map has no MaxConcurrency, so our engine runs its iterations on up to 40 virtual threads (the inline Map limit of Step Functions).

## Results
| Workload | Engine | Executions | Mean per execution | Transitions/s |
|---|---|---:|---:|---:|
| Pass/Choice loop, n=$LOOP_N | clipflow-asl-engine | $(execs "$J_LOOP") | $(ms "$J_LOOP") ms | $(tps "$J_LOOP") |
| Pass/Choice loop, n=$LOOP_N | aws-local-stepfunctions | $(execs "$N_LOOP") | $(ms "$N_LOOP") ms | $(tps "$N_LOOP") |
| Inline Map, $MAP_ITEMS items, mocked Task | clipflow-asl-engine | $(execs "$J_MAP") | $(ms "$J_MAP") ms | $(tps "$J_MAP") |
| Inline Map, $MAP_ITEMS items, mocked Task | aws-local-stepfunctions | $(execs "$N_MAP") | $(ms "$N_MAP") ms | $(tps "$N_MAP") |

Ratio (ours / aws-local-stepfunctions): **${LOOP_RATIO}x** on the loop, **${MAP_RATIO}x** on the Map.
Target: at least 10x.

aws-local-stepfunctions ran far below the figure the project's field notes record for it on an idle machine
(about 70,000 transitions/s on a Pass/Choice loop); even against that figure our loop throughput in this run is
**$(ratio "$(tps "$J_LOOP")" 70000)x**.
$BASELINE_MD
MD
echo "wrote $OUT"
