#!/usr/bin/env bash
# End-to-end benchmark: process start to PDF written, for vol-11 and for synthetic issues of
# growing length (the long-article sample's body repeated), to show that time grows linearly
# with pages. Prints a Markdown table. Usage: tests/NewsletterPress.Benchmarks/end-to-end.sh [runs]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Timed as installed: a ReadyToRun publish (precompiled, so start-up is not spent in the JIT).
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  "$root/src/NewsletterPress.Cli" -o "$work/bin" >/dev/null

# A synthetic issue: the long-article sample with its body repeated $1 times (about 8 pages each).
generate() {
  local copies=$1 dir="$work/synthetic-$1"
  mkdir -p "$dir/articles"
  cp "$root/samples/long-article/issue.yaml" "$dir/"
  local src="$root/samples/long-article/articles/water-history.md"
  # Front matter once, then the body (without its footnote definitions) $copies times, then the notes.
  awk 'NR==1,/^---$/ && NR>1' "$src" > "$dir/articles/water-history.md"
  local body; body=$(awk 'f;/^---$/ && NR>1{f=1}' "$src" | grep -v '^\[^[0-9]\]:' | grep -v '^    ')
  for ((i = 1; i <= copies; i++)); do printf '%s\n\n' "$body" >> "$dir/articles/water-history.md"; done
  grep -A3 '^\[^[0-9]\]:' "$src" | grep -v '^--$' >> "$dir/articles/water-history.md"
  echo "$dir"
}

median_ms() { # command… → median wall time of $runs runs, in ms
  local times=()
  for ((r = 0; r < runs; r++)); do
    local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "| issue | pages | PDF size | build time (median of $runs, ms) | ms per page |"
echo "|---|---:|---:|---:|---:|"
for issue in "$root/issues/vol-11" $(generate 3) $(generate 6) $(generate 12); do
  pdf="$work/out.pdf"
  ms=$(median_ms "$work/bin/newsletterpress" build "$issue" --out "$pdf")
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  size=$(stat -c %s "$pdf")
  echo "| $(basename "$issue") | ${pages:-?} | $((size / 1024)) KB | $ms | $(awk -v t="$ms" -v p="${pages:-1}" 'BEGIN {printf "%.1f", t / p}') |"
done
