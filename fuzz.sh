#!/usr/bin/env bash
# Builds the libFuzzer targets (Tests/Fuzz, in the ASan+UBSan build dir with LOOPMIND_FUZZ=ON) and runs each for
# SECONDS (default 30) on a copy of its seed corpus. Exits 1 if any target crashed, leaked, hung or ran out of memory;
# the input that did it is kept in BUILD/fuzz/<target>/ (see docs/FUZZING.md to replay it).
# Usage: ./fuzz.sh [SECONDS] [TARGET...]   e.g. ./fuzz.sh 600 fuzz_audio_loader
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-30}"
[ $# -gt 0 ] && shift
export CCACHE_SLOPPINESS=time_macros
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/loopmind-ccache}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
build="${LOOPMIND_FUZZ_BUILD:-build-asan}" # shared with test.sh's ASan run: JUCE is compiled once
jobs="${LOOPMIND_FUZZ_JOBS:-$(nproc)}"

# Reconfiguring an up-to-date build dir is cheap; it also turns the option on in a build dir made without it.
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLOOPMIND_BUILD_APPS=OFF -DLOOPMIND_SANITIZE=address,undefined -DLOOPMIND_FUZZ=ON >/dev/null
cmake --build "$build" --target loopmind_fuzz --parallel "$jobs"
# One binary per target under build-fuzz/ (links into the shared build dir, so nothing is compiled twice).
mkdir -p build-fuzz
for f in "$build"/bin/fuzz_*; do ln -sfn "$PWD/$f" "build-fuzz/$(basename "$f")"; done

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_audio_loader fuzz_arrangement fuzz_project_file fuzz_style fuzz_scorer fuzz_analysis_cache fuzz_plugin_catalogue)
fi
# Largest input per target: seeds are a few KB; bigger inputs only make each run slower.
declare -A max_len=([fuzz_audio_loader]=16384 [fuzz_arrangement]=16384 [fuzz_project_file]=16384
                    [fuzz_style]=8192 [fuzz_scorer]=4096 [fuzz_analysis_cache]=8192
                    [fuzz_plugin_catalogue]=4096)

export UBSAN_OPTIONS="suppressions=$PWD/cmake/ubsan.supp:print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_leaks=1"
export LSAN_OPTIONS="suppressions=$PWD/cmake/lsan.supp"
scratch="$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/loopmind-fuzz.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
export LOOPMIND_FUZZ_SCRATCH="$scratch" # every file a target writes goes here

failed=()
for t in "${targets[@]}"; do
  work="$build/fuzz/$t"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp -n Tests/Fuzz/corpus/"$t"/* "$work/corpus/" || true # keeps what earlier runs found (newer cp -n fails on a skip)
  echo "== $t: ${seconds} s"
  status=0
  dict=()
  case "$t" in fuzz_arrangement|fuzz_project_file|fuzz_style|fuzz_scorer|fuzz_plugin_catalogue) dict=(-dict=Tests/Fuzz/json.dict) ;; esac
  "$build/bin/$t" "$work/corpus" "${dict[@]}" -max_total_time="$seconds" -max_len="${max_len[$t]:-16384}" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/" >"$work/log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)
  echo "   ${runs:-?} runs, ${rate:-?} exec/s, exit $status"
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    grep -E "ERROR:|runtime error|fuzz invariant|SUMMARY|Test unit written" "$work/log" | head -20 || true
    echo "   log: $work/log"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "== fuzz: findings in ${failed[*]}"
  exit 1
fi
echo "== fuzz: no findings"
