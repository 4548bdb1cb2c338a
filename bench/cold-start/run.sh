#!/usr/bin/env bash
# Cold start: fresh JVM to first handled event, the ingest function through Spring Cloud Function
# (its handler RequestIdFunctionInvoker and its start class) vs a plain aws-lambda-java-core handler with the
# same SDK clients and domain code, against the local emulators, with the levers of issue 13 as candidates of
# their own (CANDIDATES; "-cds": with an AppCDS archive). The candidates alternate within each of RUNS rounds;
# prints medians and ratios, times the plain handler's steps (PlainBreakdown), and writes
# docs/benchmarks/cold-start.md (then bench/collect.sh rebuilds docs/benchmarks.md). Notes under the figures
# come from bench/cold-start/NOTES.md; the warm-invocation section (warm.sh) is kept. SKIP_BUILD=1 reuses the
# last build; KEEP_WORK=1 keeps the work directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/cold-start/lambda-jvm.sh
JAR="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
RUNS="${RUNS:-5}"

# SKIP_BUILD=1 reuses the last build (alternating measurements of the same artifacts).
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -o -ntp -Pbench -pl bench/cold-start -am package -DskipTests
# The emulators and the setup run with the module's whole class path; the probes run with what
# Lambda would load: the ingest function's deployment zip (classes + lib/) plus the probe classes.
CP="bench/cold-start/target/classes:$(cat bench/cold-start/target/classpath.txt)"
work=$(mktemp -d)
# Jars only: a CDS archive cannot be dumped with a non-empty directory on the class path, so the zip's own
# classes (its root) and the probe classes go into jars of their own; every candidate gets this class path.
unzip -q functions/ingest/target/ingest.zip 'lib/*' -d "$work/ingest"
unzip -q functions/ingest/target/ingest.zip -x 'lib/*' -d "$work/function"
"$JAR" cf "$work/ingest/function.jar" -C "$work/function" .
"$JAR" cf "$work/ingest/probe.jar" -C bench/cold-start/target/classes .
echo "work: $work"
PROBE_CP="$work/ingest/probe.jar:$work/ingest/function.jar:$work/ingest/lib/*"
trap 'kill "$emu_pid" 2>/dev/null || true; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
start_emulators
props+=("-DUPLOADS_BUCKET=bench-uploads" "-DVIDEOS_TABLE=bench-videos" "-DCHANNELS_TABLE=bench-channels"
        "-DSTATE_MACHINE_ARN=arn:aws:states:us-east-1:000000000000:stateMachine:bench"
        "-DAWS_ENDPOINT_URL_SFN=http://127.0.0.1:9"
        "-Dlogging.level.root=WARN")
"$JAVA" "${props[@]}" -cp "$CP" dev.clipflow.bench.coldstart.BenchSetup >/dev/null

# An upload no video expects: the handler reads DynamoDB, deletes the object in S3 and returns.
cat > "$work/event.json" <<'JSON'
{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
 "eventTime":"2026-11-26T10:00:00.000Z","eventName":"ObjectCreated:CompleteMultipartUpload",
 "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"bench-uploads","arn":"arn:aws:s3:::bench-uploads"},
 "object":{"key":"uploads/chan-bench/vid-bench/clip+one.mp4","size":1024,"eTag":"abc","sequencer":"0055AED6DCD90281E5"}}}]}
JSON

# CANDIDATES (ColdStartProbe modes) alternate within each round; "-cds" after a mode runs it with an AppCDS
# archive of its own classes (made once, before the rounds, by a training run with -XX:ArchiveClassesAtExit).
ALL="plain scf scf-untrimmed scf-trim-catalog scf-trim-joda scf-trim-logging scf-boot scf-autoconfig plain-cds scf-cds"
CANDIDATES="${CANDIDATES:-$ALL}"
probe() { # mode, extra JVM flags...
  local mode=$1; shift
  # shellcheck disable=SC2086
  "$JAVA" $JVM_FLAGS "$@" "${props[@]}" -cp "$PROBE_CP" dev.clipflow.bench.coldstart.ColdStartProbe "$mode" "$work/event.json"
}
for c in $CANDIDATES; do
  if [[ $c == *-cds ]]; then
    probe "${c%-cds}" "-XX:ArchiveClassesAtExit=$work/$c.jsa" > /dev/null 2> "$work/$c.train.err" \
      || { echo "training $c failed"; tail -20 "$work/$c.train.err"; exit 1; }
  fi
done
declare -A times construct cpus classes
for i in $(seq 1 "$RUNS"); do
  for c in $CANDIDATES; do
    flags=()
    [[ $c == *-cds ]] && flags=("-XX:SharedArchiveFile=$work/$c.jsa")
    line=$(probe "${c%-cds}" "${flags[@]}" 2> "$work/$c.err" | awk '/^coldstart/') || true
    [ -n "$line" ] || { echo "run $c failed:"; tail -20 "$work/$c.err"; exit 1; }
    read -r _ _ ms ctor cpu cls <<< "$line"
    times[$c]+="$ms "; construct[$c]+="$ctor "; cpus[$c]+="$cpu "; classes[$c]+="$cls "
    echo "run $i $c ${ms} ms (handler constructed at ${ctor} ms; CPU ${cpu} ms; ${cls} classes)"
  done
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A med medcpu medcls
for c in $CANDIDATES; do
  # shellcheck disable=SC2086
  med[$c]=$(median ${times[$c]}); medcpu[$c]=$(median ${cpus[$c]}); medcls[$c]=$(median ${classes[$c]})
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
# The median of the per-round ratios a/b (each round's candidates ran back to back, so load hits both alike), of
# the wall times or, with a third argument "cpu", of the CPU times.
roundratio() { # candidate a, candidate b[, cpu]
  local array=times
  [ "${3:-}" != cpu ] || array=cpus
  local -n of=$array
  # shellcheck disable=SC2086
  median $(paste <(printf '%s\n' ${of[$1]}) <(printf '%s\n' ${of[$2]}) | awk '{printf "%.3f\n", $1/$2}') \
    | awk '{printf "%.2f", $1}'
}
base=${CANDIDATES%% *}
for c in $CANDIDATES; do
  # shellcheck disable=SC2086
  echo "median $c ${med[$c]} ms (constructed $(median ${construct[$c]}) ms; CPU ${medcpu[$c]} ms; ${medcls[$c]} classes)," \
       "ratio to $base: wall $(ratio "${med[$c]}" "${med[$base]}") (rounds $(roundratio "$c" "$base")), CPU" \
       "$(ratio "${medcpu[$c]}" "${medcpu[$base]}") (rounds $(roundratio "$c" "$base" cpu))"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "${NO_DOC:-}" ] || exit 0
for c in $ALL; do
  [[ " $CANDIDATES " == *" $c "* ]] || { echo "the page needs every candidate (CANDIDATES=$CANDIDATES)"; exit 0; }
done

# Where the plain handler's time goes: its steps timed one after another in fresh JVMs (medians of RUNS).
: > "$work/breakdown.tsv"
for i in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  "$JAVA" $JVM_FLAGS "${props[@]}" -cp "$PROBE_CP" dev.clipflow.bench.coldstart.PlainBreakdown "$work/event.json" \
    | awk -F'\t' '/^breakdown/ {print $2 "\t" $3}' >> "$work/breakdown.tsv"
done
breakdown=$(awk -F'\t' '!seen[$1]++ {print $1}' "$work/breakdown.tsv" | while IFS= read -r step; do
  vals=$(awk -F'\t' -v s="$step" '$1 == s {print $2}' "$work/breakdown.tsv" | tr '\n' ' ')
  # shellcheck disable=SC2086
  echo "| $step | $(median $vals) | $vals|"
done)
echo "$breakdown"

# Where the function's time goes: ScfBreakdown, the same way (its steps also count the classes they load).
: > "$work/scf-breakdown.tsv"
for i in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  "$JAVA" $JVM_FLAGS "${props[@]}" -DMAIN_CLASS=dev.clipflow.ingest.IngestApplication -cp "$PROBE_CP" \
    dev.clipflow.lambda.ScfBreakdown "$work/event.json" 2>/dev/null \
    | awk -F'\t' '/^breakdown/ {print $2 "\t" $3 "\t" $4}' >> "$work/scf-breakdown.tsv"
done
scf_breakdown=$(awk -F'\t' '!seen[$1]++ {print $1}' "$work/scf-breakdown.tsv" | while IFS= read -r step; do
  vals=$(awk -F'\t' -v s="$step" '$1 == s {print $2}' "$work/scf-breakdown.tsv" | tr '\n' ' ')
  cls=$(awk -F'\t' -v s="$step" '$1 == s && $3 != "" {print $3}' "$work/scf-breakdown.tsv" | tr '\n' ' ')
  # shellcheck disable=SC2086
  echo "| $step | $(median $vals) | ${cls:+$(median $cls)} | $vals|"
done)
echo "$scf_breakdown"

# A lever's row: before and after are candidates of the same rounds.
lever() { # name, before, after
  echo "| $1 | \`$2\` ${med[$2]} | \`$3\` ${med[$3]} | $(ratio "${med[$3]}" "${med[$2]}") | $(roundratio "$3" "$2") | ${medcpu[$2]} -> ${medcpu[$3]} | $(roundratio "$3" "$2" cpu) | ${medcls[$2]} -> ${medcls[$3]} |"
}
mkdir -p docs/benchmarks
# The warm-invocation section (bench/cold-start/warm.sh) stays as it is.
warm=$(awk '/^<!-- warm: /,/^<!-- \/warm -->/' docs/benchmarks/cold-start.md 2>/dev/null || true)
# So does the SDK-priming row of the lever table (bench/cold-start/sdk-priming.sh).
sdkrow=$(grep -m1 '^| SnapStart priming of the SDK path' docs/benchmarks/cold-start.md 2>/dev/null || true)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
{
  echo "# Cold start: fresh JVM to first handled event"
  echo
  echo "Run: \`bench/cold-start/run.sh\` (RUNS=$RUNS), $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo "Machine: $(nproc) cores ($cpu), $(free -h | awk '/Mem:/ {print $2}') RAM, shared with other builds"
  echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))."
  echo "JDK: $("$JAVA" -version 2>&1 | head -1). JVM flags (every candidate): \`$JVM_FLAGS\`: Lambda's Java"
  echo "runtimes run C1 only (\`TieredStopAtLevel=1\`) with the default CDS archive, and a function of up to 1,769 MB"
  echo "has one vCPU, on which the JVM picks the serial collector."
  echo
  echo "Class path: the ingest function's deployment zip (its lib/ jars, its own classes jarred: a CDS archive cannot be"
  echo "dumped with a directory on the class path) plus the probe's jar, the same for every candidate."
  echo "Every candidate handles the same S3 event (an upload no video expects: one DynamoDB GetItem, one S3"
  echo "DeleteObject) with the same domain code (\`Ingest\`) and the same SDK clients (\`AwsClients\`, URL-connection"
  echo "HTTP client) against the local emulators; each run is a new JVM, timed from the JVM's start to the handler's"
  echo "return (wall), with the process's CPU time (all threads) and the classes loaded by then. The candidates"
  echo "alternate within each of the $RUNS rounds; figures are medians. On a shared 2-core machine wall time swings"
  echo "with other work, CPU time much less: judge ratios within the run."
  echo
  echo "| candidate | what | wall (ms) | ratio to plain | CPU (ms) | classes | runs, wall (ms) |"
  echo "|---|---|---|---|---|---|---|"
  desc() { case $1 in
    plain) echo "plain \`RequestStreamHandler\`, no Spring";;
    scf) echo "the ingest function as built: \`RequestIdFunctionInvoker\` (its own \`FunctionContext\`, no Spring Boot run, trimmed: the levers below), functional \`IngestApplication\`";;
    scf-untrimmed) echo "the handler before issue 13's trims: Spring Boot's \`LoggingSystem\`, SCF's functional registrar (\`ContextFunctionCatalogInitializer\`), commons-logging through Log4j's API";;
    scf-trim-catalog) echo "that, with the catalog registered by the handler (\`FunctionCatalogBeans\`) but SCF's JSON mapper (Joda-Time module)";;
    scf-trim-joda) echo "that, with the handler's JSON mapper (no Joda-Time module)";;
    scf-trim-logging) echo "that, with the handler's logging (\`FunctionLogging\`, \`EcsEncoder\`: Logback directly); commons-logging still through Log4j's API";;
    scf-boot) echo "the same start class through SCF's own \`FunctionInvoker\` (\`FunctionalSpringApplication\`, Spring Boot's run), as our handler did before";;
    scf-autoconfig) echo "\`FunctionInvoker\` with the start class as it was: \`@SpringBootConfiguration\` + \`@EnableAutoConfiguration\`";;
    plain-cds) echo "plain, with an AppCDS archive of its classes";;
    scf-cds) echo "the function as built, with an AppCDS archive of its classes";;
  esac; }
  for c in $CANDIDATES; do
    echo "| \`$c\` | $(desc "$c") | ${med[$c]} | $(ratio "${med[$c]}" "${med[plain]}") | ${medcpu[$c]} | ${medcls[$c]} | ${times[$c]}|"
  done
  echo
  pair() { # label, a, b
    echo "| $1 | $(ratio "${med[$2]}" "${med[$3]}") | **$(roundratio "$2" "$3")** | $(ratio "${medcpu[$2]}" "${medcpu[$3]}") | $(roundratio "$2" "$3" cpu) |"
  }
  echo "| SCF / plain | wall, medians | wall, median of the rounds' ratios | CPU, medians | CPU, median of the rounds' ratios |"
  echo "|---|---|---|---|---|"
  pair "**same flags, no AppCDS** (\`scf\` / \`plain\`)" scf plain
  pair "before issue 13's trims (\`scf-untrimmed\` / \`plain\`)" scf-untrimmed plain
  pair "**both with AppCDS** (\`scf-cds\` / \`plain-cds\`)" scf-cds plain-cds
  pair "the function with AppCDS, plain without (\`scf-cds\` / \`plain\`)" scf-cds plain
  echo
  echo "Target: at most 1.3."
  echo
  echo "### Levers, one at a time"
  echo
  echo "| lever | before (ms) | after (ms) | after / before, medians | after / before, median of the rounds | CPU (ms) | CPU after / before, median of the rounds | classes |"
  echo "|---|---|---|---|---|---|---|---|"
  lever "functional bean registration, no auto-configuration (ingest)" scf-autoconfig scf-boot
  lever "the handler starts the context itself, no Spring Boot run (\`FunctionContext\`)" scf-boot scf-untrimmed
  lever "the handler registers SCF's catalog itself (\`FunctionCatalogBeans\`: no annotation processors, no \`@ConfigurationProperties\` binding, no pre-initialisation thread)" scf-untrimmed scf-trim-catalog
  lever "SCF's JSON mapper without the Joda-Time module" scf-trim-catalog scf-trim-joda
  lever "logging on Logback directly, ECS lines by \`EcsEncoder\` (no Spring Boot \`LoggingSystem\`, no property binding)" scf-trim-joda scf-trim-logging
  lever "commons-logging straight to SLF4J (a service file in lambda-handler; no Log4j API probe)" scf-trim-logging scf
  lever "**all of issue 13's trims** (the four above)" scf-untrimmed scf
  lever "AppCDS archive of the function's classes" scf scf-cds
  lever "AppCDS archive, plain handler" plain plain-cds
  [ -z "$sdkrow" ] || echo "$sdkrow"
  echo
  echo "### Where the plain handler's time goes"
  echo
  echo "\`PlainBreakdown\`: the plain handler's steps one after another in a fresh JVM, each timed; a step pays"
  echo "for the classes it is the first to load. Medians of $RUNS runs (ms), every run listed."
  echo
  echo "| step | median (ms) | runs (ms) |"
  echo "|---|---|---|"
  echo "$breakdown"
  echo
  echo "### Where the function's time goes"
  echo
  echo "\`ScfBreakdown\` (bench/cold-start): the steps \`FunctionContext\` and \`RequestIdFunctionInvoker\` take for the"
  echo "ingest function, as built, one after another in a fresh JVM, each timed with the classes it loads; the"
  echo "refresh split by the beans the handler and the start class register (a bean's own time, without the beans it"
  echo "asked for). Medians of $RUNS runs (ms), every run listed; compare with the plain handler's steps above (its"
  echo "Jackson, SDK and first-event steps are the function bean's and the first event's here)."
  echo
  echo "| step | median (ms) | classes | runs (ms) |"
  echo "|---|---|---|---|"
  echo "$scf_breakdown"
  if [ -f bench/cold-start/NOTES.md ]; then echo; cat bench/cold-start/NOTES.md; fi
} > docs/benchmarks/cold-start.md
[ -z "$warm" ] || printf '\n%s\n' "$warm" >> docs/benchmarks/cold-start.md
echo "wrote docs/benchmarks/cold-start.md"
