#!/usr/bin/env bash
# Benchmark of the local runtime (issue 5). Writes docs/benchmarks/local-runtime.md.
#   1. `./clipflow demo --video SRC` wall time, with a per-stage breakdown from the execution history (the
#      demo prints each state's entry time, read from GetExecutionHistory), next to the raw ffmpeg time of the
#      same ladder on the same input (the plain command of bench/transcode-vs-ffmpeg.sh, the rungs the
#      pipeline produced).
#   2. `./clipflow up`: start time to its ready line, peak RSS (VmHWM) when idle and after a video went through
#      it over HTTP (curl: POST /channels, POST /videos, presigned PUT, complete, GET until PUBLISHED).
# Usage: bench/local-runtime/run.sh [seconds=10] [size=1280x720]   (CLIPFLOW_JAVA_OPTS is passed through)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SECS="${1:-10}"
SIZE="${2:-1280x720}"
FFMPEG="${FFMPEG_PATH:-ffmpeg}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
WORK="$(mktemp -d)"
UP_PID=""
cleanup() { [[ -n "$UP_PID" ]] && kill "$UP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
cd "$ROOT"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b-a}'; }

SRC="$WORK/source.mp4"
echo "Generating a ${SECS}s ${SIZE} 30 fps source with audio (the demo's generated clip)"
"$FFMPEG" -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=${SIZE}:rate=30:duration=${SECS}" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=${SECS}" -c:v libx264 -preset veryfast \
  -pix_fmt yuv420p -c:a aac -b:a 128k -movflags +faststart -shortest "$SRC"
./clipflow --help > /dev/null   # builds the jar and the function zips if missing

echo "1. ./clipflow demo"
T0=$(now)
./clipflow demo --video "$SRC" > "$WORK/demo.txt" 2> "$WORK/demo.err" || { cat "$WORK/demo.txt" "$WORK/demo.err"; exit 1; }
T1=$(now)
DEMO_WALL=$(secs "$T0" "$T1")
cat "$WORK/demo.txt"
# State entries "  <t>s  > <name>" and the closing "= ExecutionSucceeded": per-state durations.
STAGES=$(awk '/^ +[0-9.]+s +[>=] /{t=$1; sub("s","",t); $1=""; $2=""; name=substr($0,3);
  if (prev!="") printf "| %s | %.1f |\n", prev, t-pt; prev=name; pt=t} END{printf "| (execution, start to end) | %.1f |\n", pt}' "$WORK/demo.txt")
RUNGS=$(awk '/^rendition/{print $2}' "$WORK/demo.txt" | tr '\n' ' ')

echo "2. raw ffmpeg, same ladder ($RUNGS) on the same input"
declare -A RUNG=([240p]="426 240 400 64 main" [360p]="640 360 800 96 main" [480p]="854 480 1400 128 main"
  [720p]="1280 720 2800 128 high" [1080p]="1920 1080 5000 160 high")
OUT="$WORK/plain"; mkdir -p "$OUT"
ARGS=(); SPLIT=""; N=0
for r in $RUNGS; do
  read -r w h kbps akbps profile <<< "${RUNG[$r]}"
  SPLIT+="[s$N]scale=$w:$h,setsar=1,format=yuv420p[v$r];"; mkdir -p "$OUT/$r"
  ARGS+=(-map "[v$r]" -map 0:a:0 -c:a aac -b:a "${akbps}k" -ac 2 -c:v libx264 -preset veryfast -profile:v "$profile"
    -b:v "${kbps}k" -maxrate "$(( kbps * 11 / 10 ))k" -bufsize "$(( kbps * 2 ))k"
    -force_key_frames "expr:gte(t,n_forced*2)" -sc_threshold 0 -max_muxing_queue_size 4096
    -f hls -hls_time 4 -hls_playlist_type vod -hls_flags independent_segments
    -hls_segment_filename "$OUT/$r/seg_%05d.ts" "$OUT/$r/index.m3u8")
  N=$((N + 1))
done
LABELS=""; for ((i = 0; i < N; i++)); do LABELS+="[s$i]"; done
T0=$(now)
"$FFMPEG" -hide_banner -nostdin -nostats -loglevel error -y -i "$SRC" \
  -filter_complex "[0:v]split=$N$LABELS;${SPLIT%;}" "${ARGS[@]}"
T1=$(now)
FFMPEG_WALL=$(secs "$T0" "$T1")
TRANSCODE=$(echo "$STAGES" | awk -F'|' '/Transcode/{gsub(/ /,"",$3); print $3}')
echo "demo ${DEMO_WALL}s, transcode stage ${TRANSCODE}s, raw ffmpeg ${FFMPEG_WALL}s"

echo "3. ./clipflow up"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
T0=$(now)
./clipflow up --port "$PORT" > "$WORK/up.txt" 2> "$WORK/up.err" &
UP_PID=$!
until grep -q '^ready in' "$WORK/up.txt" 2>/dev/null; do
  kill -0 "$UP_PID" 2>/dev/null || { cat "$WORK/up.txt" "$WORK/up.err"; exit 1; }
  sleep 0.1
done
T1=$(now)
UP_READY=$(secs "$T0" "$T1")
JPID=$(pgrep -P "$UP_PID" java || echo "$UP_PID")   # ./clipflow execs java: usually the same pid
rss() { awk -v k="$1:" '$1==k{printf "%.0f", $2/1024}' "/proc/$JPID/status"; }
sleep 10
IDLE_RSS=$(rss VmRSS); IDLE_HWM=$(rss VmHWM)
API="http://127.0.0.1:$PORT"
json() { curl -sf -X "$1" "$API$2" -H 'content-type: application/json' ${3:+-d "$3"}; }
T0=$(now)
CH=$(json POST /channels '{"name":"bench"}' | jq -r .channelId)
SIZE_BYTES=$(stat -c %s "$SRC")
VIDEO=$(json POST /videos "{\"channelId\":\"$CH\",\"title\":\"bench\",\"sizeBytes\":$SIZE_BYTES,\"contentType\":\"video/mp4\",\"fileName\":\"bench.mp4\"}")
VID=$(echo "$VIDEO" | jq -r .videoId)
ETAG=$(curl -sf -X PUT --upload-file "$SRC" -D - -o /dev/null "$(echo "$VIDEO" | jq -r '.parts[0].url')" \
  | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
json POST "/videos/$VID/upload/complete" "{\"parts\":[{\"partNumber\":1,\"eTag\":$(jq -Rn --arg e "$ETAG" '$e')}]}" > /dev/null
STATUS=""
for _ in $(seq 1 1200); do
  STATUS=$(json GET "/videos/$VID" | jq -r .status)
  [[ "$STATUS" == PUBLISHED || "$STATUS" == FAILED ]] && break
  sleep 0.5
done
T1=$(now)
UP_VIDEO=$(secs "$T0" "$T1")
DEMO_RSS=$(rss VmRSS); DEMO_HWM=$(rss VmHWM)
kill -TERM "$UP_PID"; wait "$UP_PID" || true; UP_PID=""
echo "up: ready ${UP_READY}s; idle RSS ${IDLE_RSS} MB (peak ${IDLE_HWM}); after a video (${STATUS}, ${UP_VIDEO}s) RSS ${DEMO_RSS} MB, peak ${DEMO_HWM} MB"
[[ "$STATUS" == PUBLISHED ]] || { tail -20 "$WORK/up.err"; exit 1; }

RATIO=$(awk -v s="$TRANSCODE" -v p="$FFMPEG_WALL" 'BEGIN{printf "%.2f", s/p}')
PIPE=$(echo "$STAGES" | awk -F'|' '/execution, start/{gsub(/ /,"",$3); print $3}')
PIPE_RATIO=$(awk -v s="$PIPE" -v p="$FFMPEG_WALL" 'BEGIN{printf "%.2f", s/p}')
DEMO_RATIO=$(awk -v s="$DEMO_WALL" -v p="$FFMPEG_WALL" 'BEGIN{printf "%.2f", s/p}')
mkdir -p docs/benchmarks
{
  echo "# Local runtime (\`./clipflow demo\`, \`./clipflow up\`)"
  echo
  echo "Produced by \`bench/local-runtime/run.sh $SECS $SIZE\` on $(date -u '+%Y-%m-%d %H:%M UTC')${CLIPFLOW_JAVA_OPTS:+ with CLIPFLOW_JAVA_OPTS=\"$CLIPFLOW_JAVA_OPTS\"}."
  echo
  echo "## Result"
  echo
  echo "| figure | value | target |"
  echo "|---|---|---|"
  echo "| raw ffmpeg, the same ladder ($RUNGS) on the same input | ${FFMPEG_WALL} s | |"
  echo "| transcode stage (history: entered Transcode → next state) | ${TRANSCODE} s = **${RATIO}x** raw ffmpeg | <= 1.3x |"
  echo "| pipeline execution, start to end (probe + transcode + publish + ...) | ${PIPE} s = ${PIPE_RATIO}x raw ffmpeg | |"
  echo "| \`./clipflow demo\` wall time, JVM start to exit (stack start, upload, pipeline, report, shutdown) | ${DEMO_WALL} s = ${DEMO_RATIO}x raw ffmpeg | |"
  echo "| \`./clipflow up\`: start to the ready line | ${UP_READY} s | |"
  echo "| \`up\` idle (10 s after ready): RSS / peak RSS (VmHWM) | ${IDLE_RSS} MB / ${IDLE_HWM} MB | < 1536 MB |"
  echo "| \`up\` after one video through its HTTP API (${STATUS} in ${UP_VIDEO} s): RSS / peak RSS | ${DEMO_RSS} MB / **${DEMO_HWM} MB** | < 1536 MB |"
  echo
  echo "Per-state wall time of the demo's execution (differences of the history's StateEntered timestamps; the"
  echo "branches of the Parallel state start together, so its time shows on its last-entered branch):"
  echo
  echo "| state | s |"
  echo "|---|---|"
  echo "$STAGES"
  echo
  echo "The demo's output:"
  echo
  echo '```'
  grep -v -E '^\{|^[0-9]{2}:[0-9]{2}:' "$WORK/demo.txt"
  echo '```'
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc); load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (shared with other engineers' builds)"
  echo "- Memory: $(free -h | awk '/^Mem:/{print $2" total, "$7" available"}')"
  echo "- ffmpeg: $("$FFMPEG" -version | head -1)"
  echo "- JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); JVM options: ${CLIPFLOW_JAVA_OPTS:-none (JVM defaults: heap up to 1/4 of RAM)}"
  echo
  echo "## Method"
  echo
  echo "- Input: ${SECS} s of ${SIZE} at 30 fps (\`testsrc2\`) with a 440 Hz AAC track, x264 veryfast: the clip"
  echo "  \`./clipflow demo\` generates when given no video. The same file goes to the demo, to raw ffmpeg and to \`up\`."
  echo "- Demo: \`./clipflow demo --video SRC\`, timed around the command (JVM start to exit). The per-state"
  echo "  times are the differences between the StateEntered timestamps the demo reads from GetExecutionHistory."
  echo "- Raw ffmpeg: the plain command of \`bench/transcode-vs-ffmpeg.sh\` (one decode, split, scale, libx264"
  echo "  veryfast + AAC, same bit rates, 2 s key frames, 4 s HLS segments) restricted to the rungs the pipeline"
  echo "  produced; no poster, sprite or storage. The transcode stage also downloads the source, writes the"
  echo "  poster and the thumbnail sprite and uploads everything to the emulated S3."
  echo "- \`up\`: started as \`./clipflow up --port P\`; ready = its \`ready in\` line appeared. RSS and VmHWM"
  echo "  from \`/proc/<pid>/status\` of the JVM (the emulators S3Proxy and ElasticMQ run inside it; Dynoxide is"
  echo "  a child process, not counted). The video went through \`up\` with curl only (no SDK):"
  echo "  POST /channels, POST /videos, PUT to the presigned part URL, POST .../upload/complete, then GET"
  echo "  /videos/{id} every 0.5 s until PUBLISHED; the peak is read right after."
  echo
  cat <<'NOTES'
## Notes

- The transcode stage's time includes the transcode function's cold start (its Spring context, 2-3 s here)
  whenever the demo's background warm-up has not reached it: warming pauses while an invocation runs, so as
  not to take the CPU from a stage, and ingest and probe run back to back. On Lambda the first upload after a
  deployment pays that cold start too (SnapStart aside). The stage also downloads the source, encodes the
  poster and the thumbnail sprite in the same ffmpeg run and uploads every output; the CPU-time comparison of
  the stage with plain ffmpeg, without cold start, is in `docs/benchmarks/transcode.md`.
- The demo's wall time is mostly fixed costs that raw ffmpeg does not have: the stack's start (S3Proxy,
  ElasticMQ, Dynoxide, the Step Functions endpoint), the JVM, and a Spring cold start per function (ten
  functions, initialised one at a time because they share the process's system properties).
- Memory: `up` stays far under the 1.5 GB target with JVM defaults, so no lever (-Xmx, SerialGC) was needed.
  Functions start on first use; `up --warm` initialises all of them (the peak then approaches the
  after-a-video figure without a video).
- One run on a 2-core machine shared with other engineers' builds: single figures swing by up to 2x between
  runs.
NOTES
} > docs/benchmarks/local-runtime.md
echo "Wrote docs/benchmarks/local-runtime.md"
