# LOOPMIND_FUZZ=ON builds one libFuzzer binary per reader (Tests/Fuzz/fuzz_*.cpp) into <builddir>/bin/.
# It is meant for the ASan+UBSan build (clang, LOOPMIND_SANITIZE=address,undefined), so CI compiles JUCE once.
option(LOOPMIND_FUZZ "Build the libFuzzer targets (clang; use with LOOPMIND_SANITIZE=address,undefined)" OFF)

# Adds coverage instrumentation to the code the fuzzers explore. -fsanitize=fuzzer-no-link only instruments:
# libFuzzer's main() comes with -fsanitize=fuzzer, which only the fuzz targets link, so loopmind_tests keeps its
# own main and the sanitizer runtime's no-op coverage hooks. Only the readers' rooms (Core, Library, Arrangement,
# the waveform levels the cache derives and the plug-in list) are instrumented, not the DSP: on the whole of loopmind_core the hooks
# cost the ASan test run 27 % more CPU (115 -> 146 s user on [effects],[arrangement],[mix]); on these rooms, 2 % (117 s).
function(loopmind_fuzz_instrument)
  if(NOT LOOPMIND_FUZZ)
    return()
  endif()
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LOOPMIND_FUZZ needs clang (CC=clang CXX=clang++)")
  endif()
  get_target_property(core_sources loopmind_core SOURCES)
  list(FILTER core_sources INCLUDE REGEX "(Core|Library|Arrangement)/[^/]*\\.cpp$|Analysis/WaveformSummary\\.cpp$|Plugins/PluginCatalogue\\.cpp$")
  set_property(SOURCE ${core_sources} TARGET_DIRECTORY loopmind_core APPEND PROPERTY COMPILE_OPTIONS
    -fsanitize=fuzzer-no-link)
  # The container and codec parsers the audio loader relies on are JUCE's: one translation unit, instrumented so
  # the fuzzer sees its branches (the rest of JUCE stays as the plain ASan build compiles it).
  get_target_property(formats_sources juce::juce_audio_formats INTERFACE_SOURCES)
  list(FILTER formats_sources INCLUDE REGEX "juce_audio_formats\\.cpp$")
  set_property(SOURCE ${formats_sources} TARGET_DIRECTORY loopmind_juce APPEND PROPERTY COMPILE_OPTIONS
    -fsanitize=fuzzer-no-link)
endfunction()
