#!/usr/bin/env bash
# Where a build's CPU time goes, by pipeline stage: samples the native binary with Linux perf (call stacks) while it
# builds an issue several times, then gives each sample to the innermost stage on its stack (so the garbage collections
# an allocation triggers count for the stage that allocated). Prints a Markdown table.
# Usage: tests/NewsletterPress.Benchmarks/profile.sh ISSUE-FOLDER [runs] [-v]   (-v: the commonest frames of "other")   (needs perf: apt-get install linux-perf)
set -euo pipefail
issue=$1 runs=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/newsletterpress" --help >/dev/null # publishes the native binary if it is missing or stale
binary="$root/artifacts/native/linux-x64/newsletterpress"
perf record -q -F 4000 -g -o "$work/perf.data" -- bash -c \
  "for ((i = 0; i < $runs; i++)); do '$binary' build '$issue' --out '$work/out.pdf' >/dev/null; done" 2>/dev/null
perf script -i "$work/perf.data" --comm newsletterpress -F ip,sym 2>/dev/null >"$work/stacks.txt"
python3 - "$work/stacks.txt" "$runs" "${3:-}" <<'EOF'
import sys
# (stage, markers): a sample belongs to the first stage, innermost frame first, one of whose markers its frame contains.
stages = [
    ("shaping (HarfBuzz)", ["Text_Shaper__"]),
    ("break opportunities (ICU, JLREQ, addresses)", ["Text_BreakOpportunities", "Text_Addresses", "ubrk_"]),
    ("items for the breaker (incl. hyphenation)", ["Text_ParagraphItems", "Text_Hyphenation"]),
    ("line breaking (Knuth–Plass)", ["Text_KnuthPlass", "Text_BreakerItems", "Text_LineRating", "Text_StretchPlan"]),
    ("setting lines (justification)", ["Text_Justifier", "Text_DisplayLines"]),
    ("subsetting fonts (hb-subset)", ["hb_subset", "Pdf_FontProgram", "Pdf_CompositeFontEmbedder", "Pdf_SimpleFontEmbedder"]),
    ("compressing streams (zlib)", ["Pdf_PdfObjectWriter__Deflate"]),
    ("writing the PDF (content streams, objects)", ["Rendering_Pdf_"]),
    ("planning (page planner itself)", ["Layout_Plan_"]),
    ("painting (display list)", ["Layout_Paint_"]),
    ("collecting (layout around the text)", ["Layout_"]),
    ("reading the manifest and Markdown", ["NewsletterPress_Manifest_", "NewsletterPress_Content_", "Markdig", "YamlDotNet"]),
    ("loading fonts and ICU", ["Text_FontLibrary", "Text_FontFace", "Text_IcuLibrary", "Display_FontFiles"]),
]
text = open(sys.argv[1]).read()
stacks = [[l.strip().split(None, 1)[-1] for l in s.strip().split("\n") if l.strip()] for s in text.split("\n\n") if s.strip()]
count = {name: 0 for name, _ in stages}
other = 0
leaves = {}
for stack in stacks:
    for frame in stack:  # innermost first
        hit = next((name for name, marks in stages if any(m in frame for m in marks)), None)
        if hit:
            count[hit] += 1
            break
    else:
        other += 1
        leaves[stack[0]] = leaves.get(stack[0], 0) + 1
total = len(stacks)
ms = lambda n: 1000 * n / 4000 / int(sys.argv[2])  # 4000 samples a second, per build
print(f"| stage | share | ms per build |\n|---|---:|---:|")
for name, _ in stages:
    print(f"| {name} | {100 * count[name] / total:.0f} % | {ms(count[name]):.0f} |")
print(f"| process start, runtime, GC outside the stages, other | {100 * other / total:.0f} % | {ms(other):.0f} |")
print(f"| **total** | 100 % | {ms(total):.0f} |")
if "-v" in sys.argv[3:]:
    for leaf, n in sorted(leaves.items(), key=lambda kv: -kv[1])[:15]: print(n, leaf[:120])
# The alternatives cost twice: found when a paragraph is first set (the local function Loosened under SetWithLoosened,
# named by the compiler), and set again when the planner asks for one that exists (ParagraphAlternatives.Lines).
found = sum(1 for stack in stacks if any("SetWithLoosened" in f for f in stack) and any("g__Loosened" in f for f in stack))
asked = sum(1 for stack in stacks if any("Collect_ParagraphAlternatives__Lines" in f for f in stack))
print(f"\nOf the text stages, for the planner's alternatives (paragraphs a line shorter or longer): "
      f"{100 * (found + asked) / total:.0f} % of the build, {ms(found + asked):.0f} ms "
      f"(finding whether they exist {100 * found / total:.0f} %, setting those asked for {100 * asked / total:.0f} %).")
EOF
