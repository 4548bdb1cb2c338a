#!/usr/bin/env bash
# Property-based testing of both OpenAPI documents (openapi/*.yaml) against the running local stack:
# no 5xx for any request, every status code documented. Starts `./clipflow up` on a free port (or uses
# CLIPFLOW_FUZZ_URL if set), creates a channel and a video so that generated requests reach the functions'
# logic, then runs Schemathesis (PyPI, installed into .venv-fuzz) for FUZZ_SECONDS per document (default 90).
# Exit 0 when no check failed; the report is printed. Run from anywhere: bash e2e/fuzz/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SECONDS_PER_DOC="${FUZZ_SECONDS:-90}"
SCHEMATHESIS_VERSION=4.32.5

if [[ ! -x .venv-fuzz/bin/schemathesis ]] || ! .venv-fuzz/bin/schemathesis --version | grep -q "$SCHEMATHESIS_VERSION"; then
  python3 -m venv .venv-fuzz
  .venv-fuzz/bin/pip install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi

url="${CLIPFLOW_FUZZ_URL:-}"
up_pid=""
stop() { if [[ -n "$up_pid" ]]; then kill -TERM "$up_pid" 2>/dev/null || true; wait "$up_pid" 2>/dev/null || true; fi; }
trap stop EXIT
if [[ -z "$url" ]]; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  log="$(mktemp "${TMPDIR:-/tmp}/clipflow-fuzz-up.XXXXXX.log")"
  ./clipflow up --port "$port" >"$log" 2>&1 &
  up_pid=$!
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 180); do
    if curl -s -o /dev/null "$url/me/subscriptions"; then break; fi
    if ! kill -0 "$up_pid" 2>/dev/null; then cat "$log" >&2; echo "fuzz: ./clipflow up did not start" >&2; exit 3; fi
    sleep 1
  done
fi

json() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
channel="$(curl -sf -X POST "$url/channels" -H 'Content-Type: application/json' -d '{"name":"Fuzz channel"}' | json channelId)"
video="$(curl -sf -X POST "$url/videos" -H 'Content-Type: application/json' \
  -d "{\"channelId\":\"$channel\",\"title\":\"Fuzz\",\"fileName\":\"fuzz.mp4\",\"contentType\":\"video/mp4\",\"sizeBytes\":6291456}" \
  | json videoId)"
export CLIPFLOW_FUZZ_CHANNEL="$channel" CLIPFLOW_FUZZ_VIDEO="$video"
echo "fuzz: $url, channel $channel, video $video, ${SECONDS_PER_DOC} s per document"

status=0
for doc in openapi/clipflow-api.yaml openapi/social-api.yaml; do
  echo "== $doc"
  # The checks: no 5xx, every status documented. Authentication is not among them: the local API checks no
  # token (local/runtime/README.md, "Development identity"); on AWS the JWT authorizer answers 401 first.
  .venv-fuzz/bin/schemathesis --config-file e2e/fuzz/schemathesis.toml run "$doc" --url "$url" \
    --checks not_a_server_error,status_code_conformance --phases ${FUZZ_PHASES:-examples,coverage,fuzzing} --max-time "$SECONDS_PER_DOC" --seed 20261207 || status=1
done
exit "$status"
