#!/usr/bin/env bash
# Measures LoopMind's analysis, `aubio tempo` (aubio-tools) and `bpm` (bpm-tools) on the labelled hard test set
# and prints the tables in docs/ANALYSIS.md. Reproducible: the set is generated deterministically.
#   docs/analysis-compare.sh [BUILD_DIR]      (default: build; needs bin/loopmind and tools/loopmind_demogen)
# Needs: python3, ffmpeg (decoding for bpm), aubio-tools, bpm-tools (apt-get install aubio-tools bpm-tools).
# Each file is analysed on its own (one `loopmind analyse` per file), so no folder-level tempo reconciliation
# mixes unrelated test items.
set -euo pipefail
BUILD=${1:-build}
SET="$BUILD/AnalysisTestSet"
[ -f "$SET/manifest.json" ] || "$BUILD/tools/loopmind_demogen" --test-set "$SET" > /dev/null
for tool in aubio bpm ffmpeg python3; do
    command -v "$tool" > /dev/null || { echo "missing $tool (apt-get install aubio-tools bpm-tools ffmpeg python3)" >&2; exit 2; }
done
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

python3 - "$SET/manifest.json" > "$OUT/files" <<'PY'
import json, sys
for loop in json.load(open(sys.argv[1]))["loops"]:
    print(loop["path"])
PY
while read -r f; do
    "$BUILD/bin/loopmind" analyse --json --no-cache "$SET/$f" < /dev/null > "$OUT/$f.loopmind.json" || true
    aubio tempo -i "$SET/$f" < /dev/null 2> /dev/null | tail -n 1 > "$OUT/$f.aubio" || true
    ffmpeg -nostdin -v quiet -i "$SET/$f" -f f32le -ac 1 -ar 44100 - | bpm > "$OUT/$f.bpm-default" 2> /dev/null || true
    ffmpeg -nostdin -v quiet -i "$SET/$f" -f f32le -ac 1 -ar 44100 - | bpm -m 50 -x 220 > "$OUT/$f.bpm-wide" 2> /dev/null || true
done < "$OUT/files"

python3 - "$SET/manifest.json" "$OUT" <<'PY'
import json, os, re, sys
manifest, out = sys.argv[1], sys.argv[2]
loops = json.load(open(manifest))["loops"]
tonics = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]

def number(path):
    try:
        m = re.search(r"-?[0-9]+(\.[0-9]+)?", open(path).read())
        v = float(m.group(0)) if m else None
        return v if v and v > 0 else None
    except OSError:
        return None

def parse_key(k):
    tonic, mode = k.split(" ")
    return tonics.index(tonic), mode

def mirex(truth, est):
    # MIREX key score: 1 same key, 0.5 a fifth apart (same mode), 0.3 relative, 0.2 parallel, else 0.
    if est is None or est == "none":
        return 0.0
    (t, tm), (e, em) = parse_key(truth), parse_key(est)
    if (t, tm) == (e, em): return 1.0
    if tm == em and (e - t) % 12 in (5, 7): return 0.5
    if tm == "major" and em == "minor" and (e - t) % 12 == 9: return 0.3
    if tm == "minor" and em == "major" and (e - t) % 12 == 3: return 0.3
    if t == e: return 0.2
    return 0.0

def tempo_marks(truth, est):
    if truth is None:
        return est is None, est is None
    if est is None:
        return False, False
    exact = abs(est - truth) <= 1.0
    return exact, exact or any(abs(est - truth * f) <= 1.0 for f in (0.5, 2.0))

tools = ["loopmind", "aubio tempo", "bpm (84-146)", "bpm -m 50 -x 220"]
rows = {}
key_rows = {}
for loop in loops:
    f, cat, truth = loop["path"], loop["category"], loop["bpm"]
    try:
        lm = json.load(open(os.path.join(out, f + ".loopmind.json")))[0]
    except (OSError, ValueError, IndexError):
        lm = {}
    estimates = [lm.get("bpm"), number(os.path.join(out, f + ".aubio")),
                 number(os.path.join(out, f + ".bpm-default")), number(os.path.join(out, f + ".bpm-wide"))]
    for c in (cat, "ALL"):
        r = rows.setdefault(c, [[0, 0, 0] for _ in tools])
        for i, est in enumerate(estimates):
            exact, octave = tempo_marks(truth, est)
            r[i][0] += 1; r[i][1] += exact; r[i][2] += octave
        k = key_rows.setdefault(c, [0, 0, 0.0, 0, 0, 0])  # n, key right, mirex sum, mirex n, role right, unsure
        key, role = lm.get("key"), lm.get("role")
        k[0] += 1
        if loop["key"] == "none":
            k[1] += key in (None, "none")
        elif loop["key"] == "ambiguous":
            k[1] += key is None or key in loop["keyCandidates"]
        else:
            k[1] += key == loop["key"]
            k[2] += mirex(loop["key"], key); k[3] += 1
        k[4] += role == loop["role"]
        k[5] += key is None

order = ["straight", "swing", "halftime", "bass", "chords", "melody", "texture", "oneshot", "ALL"]
print("Tempo: exact (within 1 BPM) / octave-correct (within 1 BPM of truth, half or double). For textures and")
print("one-shots the truth is 'no tempo': only an empty answer counts.\n")
print("| category | n | " + " | ".join(tools) + " |")
print("|---|---|" + "---|" * len(tools))
for c in order:
    if c not in rows: continue
    r = rows[c]
    cells = ["%d%% / %d%%" % (round(100 * e / n), round(100 * o / n)) for n, e, o in r]
    print("| %s | %d | %s |" % (c, r[0][0], " | ".join(cells)))
print("\nLoopMind key and role (key exact: unpitched truth needs 'none' or null, one-note/one-triad items null or a")
print("defensible key; MIREX-weighted over the items with a real key):\n")
print("| category | n | key exact | key MIREX | key null | role |")
print("|---|---|---|---|---|---|")
for c in order:
    if c not in key_rows: continue
    n, kr, ms, mn, rr, un = key_rows[c]
    mirex_cell = "%.2f" % (ms / mn) if mn else "-"
    print("| %s | %d | %d%% | %s | %d | %d%% |" % (c, n, round(100 * kr / n), mirex_cell, un, round(100 * rr / n)))
PY
