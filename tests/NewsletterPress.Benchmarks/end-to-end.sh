#!/usr/bin/env bash
# End-to-end benchmark: whole processes, start to PDF written, timed with /usr/bin/time (CPU = user + sys, peak
# memory = maximum resident set size).
#
# 1. Paired with Typst: vol-11, and the twenty-article issue (vol-11's World Report twenty times, as the tests'
#    BuiltIssues.TwentyWorldReports builds it and typst-vol11/vol11-big.typ sets it), each built by our Native AOT
#    binary (published by ./newsletterpress) and by Typst 0.14 through typst.ts (typst-vol11/, its README says how it
#    is set up; this script installs it with npm into artifacts/typst-vol11 when it is missing). The two commands
#    alternate (ours first in odd runs, Typst first in even ones) so that a busy moment hurts both; the table gives
#    the medians and the median of the per-pair CPU ratios.
# 2. Scale (not in --short): synthetic issues of growing length (the long-article sample's body repeated, up to about
#    200 pages), ours only, to show that time grows linearly with pages and memory stays flat.
# 3. Parallel collection (not in --short; --parallel runs only this): vol-11 and the twenty articles built by our binary
#    with the articles collected on all cores (NEWSLETTERPRESS_PARALLEL=1) and one after another (=0), alternating as
#    above; wall time and CPU, medians and the medians of the per-pair ratios.
#
# Usage: tests/NewsletterPress.Benchmarks/end-to-end.sh [--short | --parallel] [runs]
#   --short: one pair per issue and no scale series, to prove in CI that the script works (its numbers mean little).
# Needs: the .NET SDK with clang and lld (for the native binary), node and npm, pdfinfo, /usr/bin/time, and the fonts
# typst-vol11/README.md names (fonts-ipaexfont fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic fonts-texgyre
# fonts-dejavu-core).
set -euo pipefail
short=0 parallel_only=0
if [[ ${1:-} == --short ]]; then short=1; shift; fi
if [[ ${1:-} == --parallel ]]; then parallel_only=1; shift; fi
runs=${1:-$([[ $short == 1 ]] && echo 1 || echo 9)}
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/NewsletterPress.Benchmarks"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in $([[ $parallel_only == 0 ]] && echo node npm) pdfinfo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "end-to-end.sh: $tool is missing (see the comment at the top of this script)" >&2; exit 2; }
done

# Our side: the native binary that the README's first command runs, published if it is missing or stale.
"$root/newsletterpress" --help >/dev/null
ours="$root/artifacts/native/linux-x64/newsletterpress"
[[ -x $ours ]] || { echo "end-to-end.sh: no native binary at $ours (are clang and lld installed?)" >&2; exit 2; }

# Typst's side: typst.ts from npm, installed once beside the sources it sets.
typst="$root/artifacts/typst-vol11"
if [[ $parallel_only == 0 && ! -d $typst/node_modules/@myriaddreamin/typst-ts-node-compiler ]]; then
  mkdir -p "$typst" && cp "$here"/typst-vol11/* "$typst"/
  (cd "$typst" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
[[ $parallel_only == 1 ]] || cp "$here"/typst-vol11/*.typ "$here"/typst-vol11/*.cjs "$typst"/ # the sources as checked in, even if the install is older

# The twenty-article issue, exactly as tests/NewsletterPress.Tests/Support/BuiltIssues.cs TwentyWorldReports makes it.
twenty() {
  local dir="$work/twenty-world-reports"
  mkdir -p "$dir/articles"
  printf 'newsletter: Civil Society Forum\nvolume: 99\ndate: 2022-07-01\npublisher: JIVRI\nlanguage: ja\n' > "$dir/issue.yaml"
  printf 'contents: { title: CONTENTS, placement: cover }\narticles:\n' >> "$dir/issue.yaml"
  for ((i = 1; i <= 20; i++)); do
    sed "s/kicker: World Report 1/kicker: World Report $i/" "$root/issues/vol-11/articles/world-report.md" > "$dir/articles/report-$(printf %02d "$i").md"
    printf '  - articles/report-%02d.md\n' "$i" >> "$dir/issue.yaml"
  done
  echo "$dir"
}

# A synthetic issue: the long-article sample with its body repeated $1 times (about 7 pages each).
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

# Runs a command once; prints "cpu_ms peak_kb". Fails loudly if the command fails.
measure() {
  if ! /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >"$work/log" 2>&1; then
    cat "$work/log" >&2; echo "end-to-end.sh: failed: $*" >&2; exit 1
  fi
  awk '{printf "%d %d\n", ($1 + $2) * 1000, $3}' "$work/time"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2] + a[NR/2+1]) / 2}'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# Runs a command once; prints "wall_ms cpu_ms".
measure_wall() {
  if ! /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >"$work/log" 2>&1; then
    cat "$work/log" >&2; echo "end-to-end.sh: failed: $*" >&2; exit 1
  fi
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$work/time"
}

# Ours with parallel collection on and off, alternating: | issue | wall on | wall off | ratio | CPU on | CPU off | ratio |
parallel_pair() { # name, our issue folder
  local name=$1 issue=$2 won=() woff=() con=() coff=() wr=() cr=()
  for ((r = 0; r < runs; r++)); do
    local on off
    if ((r % 2 == 0)); then
      on=$(NEWSLETTERPRESS_PARALLEL=1 measure_wall "$ours" build "$issue" --out "$work/on.pdf")
      off=$(NEWSLETTERPRESS_PARALLEL=0 measure_wall "$ours" build "$issue" --out "$work/off.pdf")
    else
      off=$(NEWSLETTERPRESS_PARALLEL=0 measure_wall "$ours" build "$issue" --out "$work/off.pdf")
      on=$(NEWSLETTERPRESS_PARALLEL=1 measure_wall "$ours" build "$issue" --out "$work/on.pdf")
    fi
    cmp -s "$work/on.pdf" "$work/off.pdf" || { echo "end-to-end.sh: $name differs with parallel collection on and off" >&2; exit 1; }
    won+=("${on% *}") con+=("${on#* }") woff+=("${off% *}") coff+=("${off#* }")
    wr+=("$(awk -v a="${on% *}" -v b="${off% *}" 'BEGIN {printf "%.3f", a / b}')")
    cr+=("$(awk -v a="${on#* }" -v b="${off#* }" 'BEGIN {printf "%.3f", a / b}')")
  done
  printf '| %s | %s | %s | %.2f | %s | %s | %.2f |\n' "$name" \
    "$(printf '%s\n' "${won[@]}" | median)" "$(printf '%s\n' "${woff[@]}" | median)" "$(printf '%s\n' "${wr[@]}" | median)" \
    "$(printf '%s\n' "${con[@]}" | median)" "$(printf '%s\n' "${coff[@]}" | median)" "$(printf '%s\n' "${cr[@]}" | median)"
}

parallel_table() {
  echo "Parallel collection, $runs paired run(s) on $(nproc) cores, medians"
  echo
  echo "| issue | wall, parallel (ms) | wall, in order (ms) | wall ratio | CPU, parallel (ms) | CPU, in order (ms) | CPU ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  parallel_pair vol-11 "$root/issues/vol-11"
  parallel_pair "twenty articles" "$(twenty)"
}

if [[ $parallel_only == 1 ]]; then parallel_table; exit 0; fi

echo "Typst $(cd "$typst" && node typst-compile.cjs --version) (typst.ts), $runs paired run(s), medians; CPU = user + sys"
echo
echo "| issue | ours: pages | ours: CPU (ms) | ours: peak (MB) | Typst: pages | Typst: CPU (ms) | Typst: peak (MB) | CPU ours/Typst (median of pairs) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
pair() { # name, our issue folder, Typst source
  local name=$1 issue=$2 source=$3 ocpu=() omem=() tcpu=() tmem=() ratio=()
  for ((r = 0; r < runs; r++)); do
    local o t
    if ((r % 2 == 0)); then
      o=$(measure "$ours" build "$issue" --out "$work/ours.pdf")
      t=$(cd "$typst" && measure node typst-compile.cjs "$source" "$work/typst.pdf")
    else
      t=$(cd "$typst" && measure node typst-compile.cjs "$source" "$work/typst.pdf")
      o=$(measure "$ours" build "$issue" --out "$work/ours.pdf")
    fi
    ocpu+=("${o% *}") omem+=("${o#* }") tcpu+=("${t% *}") tmem+=("${t#* }")
    ratio+=("$(awk -v a="${o% *}" -v b="${t% *}" 'BEGIN {printf "%.3f", a / b}')")
  done
  printf '| %s | %s | %s | %.0f | %s | %s | %.0f | %.2f |\n' "$name" \
    "$(pages "$work/ours.pdf")" "$(printf '%s\n' "${ocpu[@]}" | median)" "$(printf '%s\n' "${omem[@]}" | median | awk '{print $1 / 1024}')" \
    "$(pages "$work/typst.pdf")" "$(printf '%s\n' "${tcpu[@]}" | median)" "$(printf '%s\n' "${tmem[@]}" | median | awk '{print $1 / 1024}')" \
    "$(printf '%s\n' "${ratio[@]}" | median)"
}
pair vol-11 "$root/issues/vol-11" vol11.typ
pair "twenty articles" "$(twenty)" vol11-big.typ

[[ $short == 1 ]] && exit 0
echo
echo "| issue (ours only) | pages | PDF size | CPU (ms) | CPU ms per page | peak (MB) |"
echo "|---|---:|---:|---:|---:|---:|"
for copies in 3 6 12 30 35; do
  issue=$(generate "$copies") cpus=() mems=()
  for ((r = 0; r < runs; r++)); do
    m=$(measure "$ours" build "$issue" --out "$work/ours.pdf")
    cpus+=("${m% *}") mems+=("${m#* }")
  done
  cpu=$(printf '%s\n' "${cpus[@]}" | median) p=$(pages "$work/ours.pdf")
  printf '| synthetic ×%s | %s | %s KB | %s | %.1f | %.0f |\n' "$copies" "$p" "$(($(stat -c %s "$work/ours.pdf") / 1024))" "$cpu" \
    "$(awk -v t="$cpu" -v p="$p" 'BEGIN {print t / p}')" "$(printf '%s\n' "${mems[@]}" | median | awk '{print $1 / 1024}')"
done

echo
parallel_table
