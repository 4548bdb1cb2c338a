#!/usr/bin/env bash
# Vendors hls.js for the local console at build time (Maven's generate-resources, local/runtime/pom.xml):
# `npm pack` of the pinned version, once, into ~/.cache/clipflow; the tarball's SHA-256 is checked on every build;
# dist/hls.min.js and the licence are copied to $1 (target/classes/console/vendor). Nothing minified is committed.
set -euo pipefail
VERSION=1.7.4
SHA256=e4ab3d5d13f7cca9ef241d098f39686e19fd451831ba07dc9943482fd5ff75c7
out="${1:?usage: vendor-hls.sh OUTPUT_DIR}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/clipflow/hls.js-$VERSION"
tgz="$cache/hls.js-$VERSION.tgz"
ok() { [ -f "$tgz" ] && echo "$SHA256  $tgz" | sha256sum -c --status; }
if ! ok; then
  command -v npm >/dev/null || { echo "vendor-hls.sh: npm is needed once to fetch hls.js $VERSION" >&2; exit 1; }
  mkdir -p "$cache"
  rm -f "$tgz"
  (cd "$cache" && npm pack --silent "hls.js@$VERSION" >/dev/null)
  ok || { echo "vendor-hls.sh: hls.js-$VERSION.tgz does not have SHA-256 $SHA256; removed" >&2; rm -f "$tgz"; exit 1; }
fi
mkdir -p "$out"
tar -xzf "$tgz" -O package/dist/hls.min.js > "$out/hls.min.js"
tar -xzf "$tgz" -O package/LICENSE > "$out/hls.js-LICENSE.txt"
