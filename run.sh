#!/usr/bin/env bash
# The main job: set up if needed, then open LoopMind Studio on the demo loops, or, without a display,
# render the demo loops headless and say where the files are.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
demo="$PWD/build/DemoLoops"
if [ -n "${DISPLAY:-}" ]; then
  exec ./build/bin/LoopMindStudio "$demo"
fi
out="$PWD/out/demo"
mkdir -p "$out"
echo "No display: rendering the demo loops headless into $out" >&2
./build/bin/loopmind render "$demo" --seed 1 --out "$out/mix.wav" --stems "$out/stems"
echo
echo "Mix:         $out/mix.wav"
echo "Stems:       $out/stems/"
echo "Arrangement: $out/arrangement.json"
