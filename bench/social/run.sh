#!/usr/bin/env bash
# Social benchmark (issue 4): feed fan-out of SUBSCRIBERS subscribers through the fan-out code vs a
# plain BatchWriteItem loop writing the same items to the same Dynoxide in the same run (medians of
# ROUNDS alternated rounds), and the related-videos update time for one publish at catalog sizes
# SIZES. Writes docs/benchmarks/social.md. Needs no entry in the root pom: it compiles this module
# with javac against the reactor's classes (so a concurrent install into ~/.m2 cannot swap them).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
SUBSCRIBERS="${SUBSCRIBERS:-10000}"
ROUNDS="${ROUNDS:-3}"
SIZES="${SIZES:-1000,10000,100000}"
PUBLISHES="${PUBLISHES:-15}"
OUT="${OUT:-docs/benchmarks/social.md}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./mvnw -q -B -o -ntp -pl adapters -am compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
CP="domain/target/classes:adapters/target/classes:testing/target/classes:$(cat "$work/cp.txt")"
mkdir -p bench/social/target/classes
"$JAVAC" --release 21 -d bench/social/target/classes -cp "$CP" $(find bench/social/src/main/java -name '*.java')

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
"$JAVA" -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "bench/social/target/classes:$CP" \
  dev.clipflow.bench.social.SocialBench "$SUBSCRIBERS" "$ROUNDS" "$SIZES" "$PUBLISHES" 2>"$work/stderr" | tee "$work/out"
val() { grep -o "$1=[^ ]*" "$work/out" | tail -1 | cut -d= -f2; }

{
  echo "# Benchmark: feed fan-out and recommendation update (issue 4)"
  echo
  echo "Produced by \`bench/social/run.sh\` (SUBSCRIBERS=$SUBSCRIBERS ROUNDS=$ROUNDS SIZES=$SIZES PUBLISHES=$PUBLISHES)."
  echo
  echo "## Machine and date"
  echo
  echo "- Date (UTC): $started"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); nproc: $(nproc)"
  echo "- Memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "- Load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared by several engineers; figures are noisy)"
  echo "- JDK: $("$JAVA" -version 2>&1 | head -1); emulators in the benchmark JVM: Dynoxide 1.2.1 (child process), ElasticMQ 1.7.1"
  echo
  echo "## Method"
  echo
  echo "- One JVM starts the emulators, creates the social tables and subscribes $SUBSCRIBERS viewers to one channel."
  echo "- Baseline: a plain loop of \`BatchWriteItem\` calls (25 items per call, UnprocessedItems resent) writing"
  echo "  $SUBSCRIBERS feed items — the very item maps \`DynamoFeedStore\` writes — for a new video id."
  echo "- Inline fan-out: \`SubscriberFanout.fanOut\` with the inline threshold above the channel size: reads the"
  echo "  subscribers (1,000 per query), writes the entries through \`BatchWriter\` (backoff/jitter, 25 per call)."
  echo "- Queued fan-out: \`SubscriberFanout.fanOut\` enqueues batches of 500 viewer ids to ElasticMQ, then a consumer loop"
  echo "  receives, \`deliver\`s and deletes every message (what the feed-fanout function does per SQS batch)."
  echo "- One warm-up round of each, then $ROUNDS alternated rounds (baseline, inline, queued), each with a new video id"
  echo "  (new items); medians reported. Ratio = baseline time / fan-out time (writes per second relative to the loop)."
  echo "- Recommendation update: for each catalog size a fresh discovery table is loaded with that many indexed videos"
  echo "  (3 Zipf-distributed tags over 400 and a 4-word title over 3,000 words each; posting, df and count items written"
  echo "  directly), then $PUBLISHES measured publishes (after 2 warm-ups) go through \`RelatedIndexer.publish\` on the"
  echo "  real adapters: index transaction, bounded postings queries (100 per term, at most 1,000 candidates), top-20"
  echo "  list, neighbour-list updates. Median, min and max per size."
  echo
  echo "## Figures"
  echo
  echo "| fan-out of $SUBSCRIBERS subscribers | median ms | items/s | ratio to the plain loop (target >= 0.8) |"
  echo "|---|---|---|---|"
  echo "| plain BatchWriteItem loop | $(val baseline_ms) | $(val baseline_items_per_s) | 1.00 |"
  echo "| inline fan-out | $(val inline_ms) | $(val inline_items_per_s) | $(val inline_ratio) |"
  echo "| queued fan-out (enqueue + deliver) | $(val queued_ms) | $(val queued_items_per_s) | $(val queued_ratio) |"
  echo
  echo "Rounds: $(grep '^round=' "$work/out" | sed 's/round=//' | paste -sd ';' | sed 's/;/; /g')"
  echo
  echo "| catalog size | publish median ms | min ms | max ms | catalog load ms |"
  echo "|---|---|---|---|---|"
  grep '^catalog=' "$work/out" | while read -r line; do
    g() { echo "$line" | grep -o "$1=[^ ]*" | cut -d= -f2; }
    echo "| $(g catalog) | $(g publish_median_ms) | $(g min_ms) | $(g max_ms) | $(g load_ms) |"
  done
  first=$(grep '^catalog=' "$work/out" | head -1 | grep -o 'publish_median_ms=[0-9]*' | cut -d= -f2)
  last=$(grep '^catalog=' "$work/out" | tail -1 | grep -o 'publish_median_ms=[0-9]*' | cut -d= -f2)
  echo
  echo "Largest / smallest catalog median: $(awk -v a="$last" -v b="$first" 'BEGIN {printf "%.2f", a / b}') (target <= 2)."
  echo
  echo "## Reading the figures"
  echo
  echo "- The fan-out ratio compares the same writes to the same Dynoxide in the same JVM, so the distance from"
  echo "  1.00 is the fan-out's own work: reading the subscribers (1,000 per query) and the BatchWriter's"
  echo "  bookkeeping. Round-to-round noise on this shared machine is of the same order (see the rounds)."
  echo "- The queued path adds ElasticMQ round trips (send, receive, delete per message) in the same process;"
  echo "  on AWS the consumer runs as up to 10 concurrent Lambda invocations (the event source's"
  echo "  MaximumConcurrency), so its throughput scales with that, not with this single-threaded loop."
  echo "- The recommendation update is bounded (terms x 100 postings, at most 1,000 candidates, top 20), so the"
  echo "  per-publish time does not grow with the catalog; the first size measured is also the first to run"
  echo "  after the fan-out phase, with a cooler JIT, which is why it can be the slowest."

} > "$OUT"
echo "wrote $OUT"
