#!/usr/bin/env bash
# Assembles the ffmpeg Lambda layer from registry packages only:
#   bin/ffmpeg  <- Maven Central ws.schild:jave-nativebin-linux64:3.5.0 (ws/schild/jave/nativebin/ffmpeg-amd64)
#   bin/ffprobe <- npm ffprobe-static@3.1.0 (package/bin/linux/x64/ffprobe, ffprobe 4.0.2)
#                  (not @ffprobe-installer/linux-x64@5.2.0: that build segfaults on every MPEG-TS input,
#                  our own HLS segments included; see README.md)
# Output: layers/ffmpeg/target/ffmpeg-layer.zip (Lambda mounts a layer at /opt, so the binaries
# land in /opt/bin, where FfmpegBinaries looks when FFMPEG_PATH/FFPROBE_PATH are not set).
# Needs: Java 21+ (for the Maven wrapper), npm, unzip, zip. Not part of the root build.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TARGET="$HERE/target"
JAVE="ws.schild:jave-nativebin-linux64:3.5.0"
FFPROBE_NPM="ffprobe-static@3.1.0"

rm -rf "$TARGET"
mkdir -p "$TARGET/download" "$TARGET/layer/bin"

echo "Fetching $JAVE (Maven Central)"
"$ROOT/mvnw" -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
  -Dartifact="$JAVE" -DoutputDirectory="$TARGET/download" -Dmdep.stripVersion=false
unzip -q -o "$TARGET"/download/jave-nativebin-linux64-3.5.0.jar ws/schild/jave/nativebin/ffmpeg-amd64 \
  -d "$TARGET/download/jave"
cp "$TARGET/download/jave/ws/schild/jave/nativebin/ffmpeg-amd64" "$TARGET/layer/bin/ffmpeg"

echo "Fetching $FFPROBE_NPM (npm registry)"
(cd "$TARGET/download" && npm pack --silent "$FFPROBE_NPM" >/dev/null)
tar -xzf "$TARGET"/download/ffprobe-static-3.1.0.tgz -C "$TARGET/download" package/bin/linux/x64/ffprobe
cp "$TARGET/download/package/bin/linux/x64/ffprobe" "$TARGET/layer/bin/ffprobe"

chmod 755 "$TARGET/layer/bin/ffmpeg" "$TARGET/layer/bin/ffprobe"
"$TARGET/layer/bin/ffmpeg" -hide_banner -version | head -1
"$TARGET/layer/bin/ffprobe" -hide_banner -version | head -1
# Smoke test: both binaries must handle what the pipeline feeds them (MP4 in, MPEG-TS HLS out).
"$TARGET/layer/bin/ffmpeg" -hide_banner -loglevel error -f lavfi -i testsrc2=size=320x240:rate=25:duration=1 \
  -c:v libx264 -preset ultrafast -f mpegts -y "$TARGET/smoke.ts"
"$TARGET/layer/bin/ffprobe" -v error -show_streams "$TARGET/smoke.ts" >/dev/null

(cd "$TARGET/layer" && zip -q -X -r "$TARGET/ffmpeg-layer.zip" bin)
sha256sum "$TARGET/layer/bin/ffmpeg" "$TARGET/layer/bin/ffprobe" | sed "s#$TARGET/layer/##" > "$TARGET/SHA256SUMS"
echo "Layer: $TARGET/ffmpeg-layer.zip ($(du -h "$TARGET/ffmpeg-layer.zip" | cut -f1))"
