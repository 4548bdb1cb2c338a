#!/usr/bin/env bash
# Benchmark: chunked transcoding (docs/adr/0008) against one pass on one noisy 1080p25 source with audio,
# alternating runs in one JVM (see ChunkedTranscodeBenchmark): CPU and wall time ratios, the per-chunk encode
# rate, the modelled AWS time to publish for 1, 2 and 4 hour sources, and the one-pass path's headroom (the
# value for MediaLimits.ONE_PASS_MAX_SECONDS). Writes docs/benchmarks/chunked-transcode.md, runs bench/collect.sh.
# Usage: bench/chunked-transcode.sh [runs=3] [seconds=120]
#   KEYINT=250       the source's key-frame interval in frames (x264's default: 10 s at 25 fps)
#   MODEL_OPTS="-Dbench.model.s3MBps=90 -Dbench.model.coldStartSeconds=3 ..."  override the model's assumptions
#     (names: PublishTimeModel.Assumptions.fromSystemProperties)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
SOURCE_SECONDS="${2:-120}"
KEYINT="${KEYINT:-250}"
MODEL_OPTS="${MODEL_OPTS:-}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# shellcheck source=bench/ffmpeg.sh
source "$ROOT/bench/ffmpeg.sh"
FFMPEG="$FFMPEG_PATH"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SOURCE="$WORK/source-1080p25.mp4"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "Generating a ${SOURCE_SECONDS}s 1920x1080 25 fps noisy source with audio (x264 CRF 20, like a phone upload)"
"$FFMPEG" -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=1920x1080:rate=25:duration=${SOURCE_SECONDS},noise=alls=12:allf=t" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=${SOURCE_SECONDS}" \
  -c:v libx264 -preset veryfast -crf 20 -g "$KEYINT" -pix_fmt yuv420p -c:a aac -b:a 128k -ac 2 -shortest "$SOURCE"
SOURCE_MBPS=$(awk -v b="$(stat -c %s "$SOURCE")" -v s="$SOURCE_SECONDS" 'BEGIN{printf "%.1f", b*8/s/1e6}')

echo "Running $RUNS alternating runs (one-pass and chunked, the first swapping every run)"
cd "$ROOT"
RESULT="$WORK/result"
mkdir -p "$RESULT"
# shellcheck disable=SC2086 # MODEL_OPTS is a list of -D options
./mvnw -q -B -o -pl domain,testing,adapters test -Dtest=ChunkedTranscodeBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.chunked.source="$SOURCE" -Dbench.chunked.runs="$RUNS" \
  -Dbench.chunked.out="$RESULT" -Dbench.clkTck="$(getconf CLK_TCK)" $MODEL_OPTS \
  > "$WORK/maven.log" 2>&1 || { tail -60 "$WORK/maven.log"; exit 1; }
grep -E "^bench: " "$WORK/maven.log" || true
cat "$RESULT/summary.txt"
LIMIT="$(cat "$RESULT/one-pass-max-seconds.txt")"
CURRENT="$(sed -nE 's/.*double ONE_PASS_MAX_SECONDS = ([0-9.]+);.*/\1/p' \
  domain/src/main/java/dev/clipflow/media/MediaLimits.java)"
if [ "$LIMIT" != "$CURRENT" ]; then
  echo "NOTE: this run gives ONE_PASS_MAX_SECONDS = $LIMIT; MediaLimits.java has $CURRENT"
fi

mkdir -p docs/benchmarks
{
  echo "# Chunked transcode vs one pass"
  echo
  echo "Produced by \`bench/chunked-transcode.sh $RUNS $SOURCE_SECONDS\`${MODEL_OPTS:+ with MODEL_OPTS \`$MODEL_OPTS\`}"
  echo "on $(date -u '+%Y-%m-%d %H:%M UTC'). Chunked transcoding is described in docs/adr/0008."
  echo
  cat "$RESULT/result.md"
  echo "## Machine"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc)"
  echo "- Memory: $(free -h | awk '/^Mem:/{print $2" total, "$7" available"}')"
  echo "- Load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: wall"
  echo "  times swing with other work, CPU times much less)"
  echo "- ffmpeg: $("$FFMPEG" -version | head -1)"
  echo "- JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo
  echo "## Method"
  echo
  echo "- Source: ${SOURCE_SECONDS} s of 1920x1080 at 25 fps (\`testsrc2\` plus temporal noise, so the encoder has"
  echo "  work) with a 48 kHz stereo AAC tone, encoded with x264 veryfast CRF 20 (${SOURCE_MBPS} Mbit/s) and a key"
  echo "  frame every ${KEYINT} frames, as bench/transcode-vs-ffmpeg.sh makes it. The noise makes this bit rate far"
  echo "  above a phone's (the model assumes 8 Mbit/s for transfers), so decoding costs more than it would: the"
  echo "  encode rate is on the slow side, and so is the chunks' extra decoding (a chunk's decoder starts at the"
  echo "  key frame before its 1 s pre-roll, up to ${KEYINT} frames it does not encode)."
  echo "- One pass: \`FfmpegTranscoder.transcode\` (preset veryfast) of the whole source, the 5-rung ladder from"
  echo "  \`LadderPlanner\` (240p-1080p), poster and sprite: one ffmpeg process, then measuring the playlists"
  echo "  (ffprobe per rendition)."
  echo "- Chunked, concurrency 1: the chunks of \`ChunkPlanner\`'s default 40 s (forced for any length, since the"
  echo "  default planner encodes up to 120 s in one pass), one after another with \`FfmpegTranscoder.transcodeChunk\`"
  echo "  (same preset and ladder: one ffmpeg process per chunk plus ffprobe per rendition), each chunk's"
  echo "  segments, tiles and poster moved to the final folder (where the chunk function uploads them), then"
  echo "  \`ChunkStitcher.stitch\` (playlists, master playlist, sprite, WebVTT). Both modes read and write local"
  echo "  files; the benchmark checks that every rendition of both has the same duration within a frame."
  echo "- CPU time: \`/proc/self/stat\` of the benchmark JVM before and after each run and each chunk: cutime +"
  echo "  cstime, the user and system time of the child processes it has reaped (every ffmpeg and ffprobe, all"
  echo "  their threads; the kernel adds a child's times when it is reaped, which the JDK does before"
  echo "  \`Process.waitFor\` returns), and separately utime + stime, the JVM's own threads. Exact to one clock"
  echo "  tick for the work done, and far less affected by other load than wall time, though not immune: on a"
  echo "  shared host, other work on the same cores' caches and SMT siblings still moves it by several per cent"
  echo "  between runs, hence alternating, repeated runs. The target is judged on the children's CPU time; the"
  echo "  ratio with the JVM's own time added is shown beside it."
  echo "- Wall time: around \`transcode\` / around all chunks plus the stitch step. Per-chunk rate: the chunk's wall"
  echo "  time over its source length, at this machine's $(nproc) vCPU; only full 40 s chunks count (a short last"
  echo "  chunk carries the fixed costs over fewer seconds)."
  echo "- Runs: $RUNS of each, in pairs; odd runs start with one pass, even runs with chunked, so that drift in"
  echo "  load and caches hits both. Figures are medians; every run is listed."
  echo "- Stitch step of a long source: \`StitchProxy\` builds the manifests of a 1, 2 and 4 h source from one real"
  echo "  chunk's and times parsing them (JSON) and \`ChunkStitcher.stitch\` on local files, median of 3."
  echo "- The AWS model and the headroom are arithmetic in \`PublishTimeModel\` over the figures above; its"
  echo "  assumptions are the table's \"assumed\" rows."
} > docs/benchmarks/chunked-transcode.md
echo "Wrote docs/benchmarks/chunked-transcode.md"
bench/collect.sh
