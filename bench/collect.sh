#!/usr/bin/env bash
# Rebuilds docs/benchmarks.md from the per-benchmark files in docs/benchmarks/ that each
# benchmark script writes (each with its own machine, date and method).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Benchmarks"
  echo
  echo "Each section is written by its benchmark script (named in the section) with the machine and"
  echo "date of its run; comparisons are ratios against a baseline run in the same invocation, since"
  echo "the machines are shared and noisy. Rebuild this page with \`bench/collect.sh\`."
  for f in docs/benchmarks/*.md; do
    echo
    sed 's/^# /## /; s/^## \(.*\)/### \1/' "$f" | sed '1s/^### /## /'
  done
} > docs/benchmarks.md
echo "wrote docs/benchmarks.md"
