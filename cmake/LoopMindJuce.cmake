# Compiles the JUCE modules once into a static library. Debian's JUCE is de-bundled, so the codecs
# come from pkg-config. JUCE headers are SYSTEM includes: their warnings are JUCE's, not ours.
pkg_check_modules(JUCE_SYSTEM_LIBS REQUIRED IMPORTED_TARGET libpng libjpeg freetype2 alsa fontconfig)
add_library(loopmind_juce STATIC)
target_link_libraries(loopmind_juce
  PRIVATE
    juce::juce_core juce::juce_events juce::juce_data_structures
    juce::juce_audio_basics juce::juce_audio_formats juce::juce_audio_processors
    juce::juce_audio_devices juce::juce_audio_utils juce::juce_dsp
    juce::juce_graphics juce::juce_gui_basics juce::juce_gui_extra juce::juce_cryptography
  PUBLIC
    PkgConfig::CODECS PkgConfig::JUCE_SYSTEM_LIBS Threads::Threads ${CMAKE_DL_LIBS})
target_compile_definitions(loopmind_juce
  PUBLIC
    JUCE_WEB_BROWSER=0 JUCE_USE_CURL=0 JUCE_USE_MP3AUDIOFORMAT=1 JUCE_USE_FLAC=1 JUCE_USE_OGGVORBIS=1
    JUCE_JACK=1 JUCE_ALSA=1 JUCE_PLUGINHOST_LV2=1 JUCE_PLUGINHOST_VST3=1 JUCE_PLUGINHOST_LADSPA=1
    JUCE_MODAL_LOOPS_PERMITTED=1 JUCE_DISPLAY_SPLASH_SCREEN=0 JUCE_REPORT_APP_USAGE=0 JUCE_STRICT_REFCOUNTEDPOINTER=1
    JUCE_SILENCE_XCODE_15_LINKER_WARNING=1
    JUCE_STANDALONE_APPLICATION=1
  INTERFACE
    $<TARGET_PROPERTY:loopmind_juce,COMPILE_DEFINITIONS>)
target_include_directories(loopmind_juce SYSTEM INTERFACE
  $<TARGET_PROPERTY:loopmind_juce,INCLUDE_DIRECTORIES>)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false -Wdangling-pointer inside juce_ListenerList.h; silenced for JUCE only.
  target_compile_options(loopmind_juce PRIVATE -Wno-dangling-pointer -w)
else()
  target_compile_options(loopmind_juce PRIVATE -w)
endif()
set_target_properties(loopmind_juce PROPERTIES POSITION_INDEPENDENT_CODE ON)
if(LOOPMIND_SANITIZE MATCHES "undefined")
  # JUCE's bundled LV2 host libraries (serd, sord, lilv: C compiled as C++) call their callbacks through pointers of
  # a slightly different function type. clang 14's -fsanitize=function reports cannot be suppressed at run time,
  # so that one check is off for JUCE's own code (ours keeps it).
  target_compile_options(loopmind_juce PRIVATE -fno-sanitize=function)
  # cmake/ubsan.supp silences known reports in JUCE's audio code by file, but the runtime honours a suppression only
  # for a recoverable check: JUCE's audio-basics and audio-formats units recover (UBSAN_OPTIONS=halt_on_error=1 still
  # stops on anything not suppressed); our own code stays -fno-sanitize-recover.
  foreach(module juce_audio_basics juce_audio_formats)
    get_target_property(module_sources juce::${module} INTERFACE_SOURCES)
    list(FILTER module_sources INCLUDE REGEX "${module}\\.cpp$")
    set_property(SOURCE ${module_sources} APPEND PROPERTY COMPILE_OPTIONS -fsanitize-recover=undefined)
  endforeach()
endif()
