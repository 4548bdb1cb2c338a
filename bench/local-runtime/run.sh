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
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# shellcheck source=bench/ffmpeg.sh
source "$ROOT/bench/ffmpeg.sh"
FFMPEG="$FFMPEG_PATH"
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

# Rounds of (demo, raw ffmpeg) back to back: the machine is shared, so each ratio compares runs of the same
# minute, and the table reports every round and the median ratio.
ROUNDS="${ROUNDS:-5}"
declare -a R_DEMO R_FFMPEG R_TRANSCODE R_PIPE
ffmpeg_ladder() {
  declare -A RUNG=([240p]="426 240 400 64 main" [360p]="640 360 800 96 main" [480p]="854 480 1400 128 main"
    [720p]="1280 720 2800 128 high" [1080p]="1920 1080 5000 160 high")
  local OUT="$WORK/plain"; rm -rf "$OUT"; mkdir -p "$OUT"
  local ARGS=() SPLIT="" N=0 LABELS="" r w h kbps akbps profile
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
  for ((i = 0; i < N; i++)); do LABELS+="[s$i]"; done
  "$FFMPEG" -hide_banner -nostdin -nostats -loglevel error -y -i "$SRC" \
    -filter_complex "[0:v]split=$N$LABELS;${SPLIT%;}" "${ARGS[@]}"
}
# State entries "  <t>s  > <name>" and the closing "= ExecutionSucceeded": per-state durations.
stages() {
  awk '/^ +[0-9.]+s +[>=] /{t=$1; sub("s","",t); $1=""; $2=""; name=substr($0,3);
    if (prev!="") printf "| %s | %.1f |\n", prev, t-pt; prev=name; pt=t} END{printf "| (execution, start to end) | %.1f |\n", pt}' "$1"
}
for ((round = 1; round <= ROUNDS; round++)); do
  echo "round $round/$ROUNDS: ./clipflow demo --video SRC"
  T0=$(now)
  ./clipflow demo --video "$SRC" > "$WORK/demo$round.txt" 2> "$WORK/demo$round.err" \
    || { cat "$WORK/demo$round.txt" "$WORK/demo$round.err"; exit 1; }
  T1=$(now)
  R_DEMO[$round]=$(secs "$T0" "$T1")
  RUNGS=$(awk '/^rendition/{print $2}' "$WORK/demo$round.txt" | tr '\n' ' ')
  R_TRANSCODE[$round]=$(stages "$WORK/demo$round.txt" | awk -F'|' '/Transcode/{gsub(/ /,"",$3); print $3}')
  R_PIPE[$round]=$(awk '/^pipeline +[0-9.]+ s /{print $2}' "$WORK/demo$round.txt")
  echo "round $round/$ROUNDS: raw ffmpeg, same ladder ($RUNGS) on the same input"
  T0=$(now)
  ffmpeg_ladder
  T1=$(now)
  R_FFMPEG[$round]=$(secs "$T0" "$T1")
  echo "round $round: demo ${R_DEMO[$round]}s, pipeline ${R_PIPE[$round]}s, transcode stage ${R_TRANSCODE[$round]}s, raw ffmpeg ${R_FFMPEG[$round]}s"
done
LAST="$WORK/demo$ROUNDS.txt"
STAGES=$(stages "$LAST")
ratio() { awk -v s="$1" -v p="$2" 'BEGIN{printf "%.2f", s/p}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ROUND_ROWS=""; P_RATIOS=(); T_RATIOS=(); D_RATIOS=()
for ((round = 1; round <= ROUNDS; round++)); do
  P_RATIOS+=("$(ratio "${R_PIPE[$round]}" "${R_FFMPEG[$round]}")")
  T_RATIOS+=("$(ratio "${R_TRANSCODE[$round]}" "${R_FFMPEG[$round]}")")
  D_RATIOS+=("$(ratio "${R_DEMO[$round]}" "${R_FFMPEG[$round]}")")
  ROUND_ROWS+="| $round | ${R_FFMPEG[$round]} | ${R_PIPE[$round]} (${P_RATIOS[-1]}x) | ${R_TRANSCODE[$round]} (${T_RATIOS[-1]}x) | ${R_DEMO[$round]} (${D_RATIOS[-1]}x) |"$'\n'
done
PIPE_OVER=$(printf '%s\n' "${P_RATIOS[@]}" | awk '$1 > 1.3' | wc -l)
PIPE_RATIO=$(median "${P_RATIOS[@]}"); RATIO=$(median "${T_RATIOS[@]}"); DEMO_RATIO=$(median "${D_RATIOS[@]}")
FFMPEG_WALL=$(median "${R_FFMPEG[@]}"); PIPE=$(median "${R_PIPE[@]}"); TRANSCODE=$(median "${R_TRANSCODE[@]}")
DEMO_WALL=$(median "${R_DEMO[@]}")

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

mkdir -p docs/benchmarks
{
  echo "# Local runtime (\`./clipflow demo\`, \`./clipflow up\`)"
  echo
  echo "Produced by \`bench/local-runtime/run.sh $SECS $SIZE\` on $(date -u '+%Y-%m-%d %H:%M UTC')${CLIPFLOW_JAVA_OPTS:+ with CLIPFLOW_JAVA_OPTS=\"$CLIPFLOW_JAVA_OPTS\"}."
  echo
  echo "## Result"
  echo
  echo "$ROUNDS rounds; each ratio is taken within its round (demo, then raw ffmpeg right after). Times are the"
  echo "medians of the rounds' times, ratios the medians of the rounds' ratios (so a time divided by the raw"
  echo "ffmpeg median need not give the ratio shown). Every round is in the table below."
  echo
  echo "| figure | value | target |"
  echo "|---|---|---|"
  echo "| raw ffmpeg, the same ladder ($RUNGS) on the same input | ${FFMPEG_WALL} s | |"
  echo "| demo video's pipeline: upload completed → execution succeeded (ingest, probe, transcode, publish, fan-out, recommendations; functions warm) | ${PIPE} s; **${PIPE_RATIO}x** raw ffmpeg (rounds above 1.3x: ${PIPE_OVER} of $ROUNDS) | <= 1.3x |"
  echo "| transcode stage alone (history: entered Transcode → next state) | ${TRANSCODE} s; ${RATIO}x raw ffmpeg | |"
  echo "| \`./clipflow demo\` wall time, JVM start to exit (stack start, ten cold starts, first clip, demo video, report, shutdown) | ${DEMO_WALL} s; ${DEMO_RATIO}x raw ffmpeg | |"
  echo "| \`./clipflow up\`: start to the ready line | ${UP_READY} s | |"
  echo "| \`up\` idle (10 s after ready): RSS / peak RSS (VmHWM) | ${IDLE_RSS} MB / ${IDLE_HWM} MB | < 1536 MB |"
  echo "| \`up\` after one video through its HTTP API (${STATUS} in ${UP_VIDEO} s): RSS / peak RSS | ${DEMO_RSS} MB / **${DEMO_HWM} MB** | < 1536 MB |"
  echo
  echo "Rounds (seconds, and the ratio to that round's raw ffmpeg):"
  echo
  echo "| round | raw ffmpeg | pipeline | transcode stage | demo |"
  echo "|---|---|---|---|---|"
  printf '%s' "$ROUND_ROWS"
  echo
  echo "Per-state wall time of the last round's execution (differences of the history's StateEntered timestamps; the"
  echo "branches of the Parallel state start together, so its time shows on its last-entered branch):"
  echo
  echo "| state | s |"
  echo "|---|---|"
  echo "$STAGES"
  echo
  echo "The demo's output:"
  echo
  echo '```'
  grep -v -E '^\{|^[0-9]{2}:[0-9]{2}:' "$LAST"
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
  echo "- Demo: \`./clipflow demo --video SRC\`, timed around the command (JVM start to exit). It publishes a"
  echo "  generated 2 s first clip before SRC (the functions' cold starts fall on it). The pipeline figure is"
  echo "  SRC's: from the moment the upload-complete call returned to the execution's stop date (the demo's"
  echo "  \`pipeline\` line), i.e. the object-created event, ingest and the whole state machine; the per-state"
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

- What the 1.3x target is measured on: the demo video's way through the system once the functions are
  warm (upload completed → PUBLISHED). The demo uploads it once every function has initialised (its
  `functions` line); the first clip waits for the cold starts on its path, as the first upload after a
  deployment does on Lambda (SnapStart aside), and its time is in the demo's `first` line. The demo's total wall time is mostly fixed costs raw ffmpeg
  does not have: the JVM, the stack's start (S3Proxy, ElasticMQ, Dynoxide, the Step Functions endpoint),
  ten Spring starts (two at a time, in the background from the demo's start) and the first clip; it is
  reported, not held to the target.
- `./clipflow` runs the JVM with `-XX:TieredStopAtLevel=1` (C1 only). Measured with this script on the same
  machine the same hour: without it the pipeline was 1.29x raw ffmpeg (rounds 1.29, 1.43, 1.23), with it
  1.18x (1.22, 1.18, 1.15): the C2 compiler's work competed with ffmpeg for the 2 cores during the
  transcode. Demo wall time and `up` start time did not change measurably; `up`'s RSS went down
  (peak 574 → 499 MB after a video).
- The transcode stage also downloads the source, encodes the poster and the thumbnail sprite in the same
  ffmpeg run and uploads every output; the CPU-time comparison of the stage with plain ffmpeg is in
  `docs/benchmarks/transcode.md`.
- Memory: `up` stays far under the 1.5 GB target, so no heap lever (-Xmx, SerialGC) was needed.
  Functions start on first use; `up --warm` initialises all of them.
- A 2-core machine shared with other engineers' builds: single figures swing by up to 2x between runs,
  hence the rounds and the ratios within a round.
NOTES
} > docs/benchmarks/local-runtime.md
echo "Wrote docs/benchmarks/local-runtime.md"
