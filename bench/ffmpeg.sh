# Sourced by the benchmark scripts: one ffmpeg for the script and the JVM it starts. FFMPEG_PATH and
# FFPROBE_PATH when both are set, else the Lambda layer's release as the tests and the local runtime use it
# (dev.clipflow.testing.media.LocalFfmpeg: fetched once into ~/.cache/clipflow, SHA-256 checked). Exports both.
# Needs JAVA_HOME (a JDK 21+).
if [[ -z "${FFMPEG_PATH:-}" || -z "${FFPROBE_PATH:-}" ]]; then
  _clipflow_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  (cd "$_clipflow_root" && ./mvnw -q -B -pl testing compile) >&2
  eval "$("$JAVA_HOME/bin/java" -cp "$_clipflow_root/testing/target/classes" dev.clipflow.testing.media.LocalFfmpeg)"
  unset _clipflow_root
fi
export FFMPEG_PATH FFPROBE_PATH
