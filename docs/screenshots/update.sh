#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real app: LoopMindStudio scans the demo loops, generates
# (seed 1) and renders through its own commands under Xvfb, then snapshots its main window.
#   docs/screenshots/update.sh [BUILD_DIR]     (default: build)
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
app="$build/bin/LoopMindStudio"
[ -x "$app" ] || { echo "no $app: build first (./setup.sh or ninja -C $build LoopMindStudio)" >&2; exit 2; }
out="${TMPDIR:-/tmp}/loopmind-screenshot" # a fixed path, so the picture does not change from run to run
rm -rf "$out"
xvfb-run -a -s "-screen 0 1600x1000x24" "$app" "$build/DemoLoops" --seed 1 --no-audio \
  --demo-render "$out/render" --screenshot "$PWD/docs/screenshots/main-window.png"
echo "wrote docs/screenshots/main-window.png"
