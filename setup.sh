#!/usr/bin/env bash
# Installs every Debian package LoopMind needs (idempotent), then configures and builds Release into build/.
# Usage: ./setup.sh [--deps-only]
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache clang libclang-rt-14-dev
  juce-modules-source juce-tools
  catch2 nlohmann-json3-dev
  libebur128-dev libsamplerate0-dev librubberband-dev libfftw3-dev libsqlite3-dev
  libflac-dev libvorbis-dev libogg-dev libmp3lame-dev
  libasound2-dev libjack-jackd2-dev jackd2
  libfreetype-dev libfontconfig1-dev libx11-dev libxrandr-dev libxinerama-dev libxcursor-dev
  libxcomposite-dev libxext-dev libgl-dev
  xvfb xauth fonts-dejavu-core
  ffmpeg sox
  aubio-tools bpm-tools # only for the comparison figures in docs/ANALYSIS.md
  sonic-pi-samples # CC0 recorded loops and hits: the analysis test on real material (not shipped)
  fluidsynth fluid-soundfont-gm hydrogen-drumkits # real instruments and drum kits for the [instruments] analysis set, built at test time
  ladspa-sdk # ladspa.h for JUCE's LADSPA host (and its example plug-ins)
  x42-plugins zam-plugins dragonfly-reverb-lv2 # real LV2 (and zam's VST3) effects for the plug-in hosting tests and bench
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
[ "${1:-}" = "--deps-only" ] && exit 0

export CCACHE_SLOPPINESS=time_macros
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/loopmind-ccache}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" # paths relative to the checkout: clones elsewhere share the cache
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build --parallel "$(nproc)"
