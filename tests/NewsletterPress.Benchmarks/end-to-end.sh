#!/usr/bin/env bash
# End-to-end benchmark: process start to PDF written, for vol-11, for synthetic issues of growing
# length (the long-article sample's body repeated), and for an issue of twenty articles (vol-11's
# World Report twenty times, as ../shared/bench/typst-vol11/vol11-big.typ sets it), to show that
# time grows linearly with pages while the planner composes the whole issue. Prints a Markdown
# table of medians: wall time and CPU time (user + sys).
# Usage: tests/NewsletterPress.Benchmarks/end-to-end.sh [runs]
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

# Twenty articles, each vol-11's World Report under its own kicker.
twenty() {
  local dir="$work/twenty-articles"
  mkdir -p "$dir/articles"
  printf 'newsletter: Civil Society Forum\nvolume: 99\ndate: 2022-07-01\npublisher: JIVRI\nlanguage: ja\narticles:\n' > "$dir/issue.yaml"
  for ((i = 1; i <= 20; i++)); do
    sed "s/^kicker: World Report 1\$/kicker: World Report $i/" "$root/issues/vol-11/articles/world-report.md" > "$dir/articles/report-$i.md"
    echo "  - articles/report-$i.md" >> "$dir/issue.yaml"
  done
  echo "$dir"
}

median() { # column of numbers → median
  sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "| issue | pages | PDF size | wall (ms) | CPU (ms) | CPU ms per page |"
echo "|---|---:|---:|---:|---:|---:|"
for issue in "$root/issues/vol-11" $(generate 3) $(generate 6) $(generate 12) $(twenty); do
  pdf="$work/out.pdf"
  walls=() cpus=()
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$work/bin/newsletterpress" build "$issue" --out "$pdf" >/dev/null 2>&1
    read -r wall user sys < "$work/time"
    walls+=("$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')")
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  size=$(stat -c %s "$pdf")
  echo "| $(basename "$issue") | ${pages:-?} | $((size / 1024)) KB | $wall | $cpu | $(awk -v t="$cpu" -v p="${pages:-1}" 'BEGIN {printf "%.0f", t / p}') |"
done
