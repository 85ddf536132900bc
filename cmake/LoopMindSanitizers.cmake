# LOOPMIND_SANITIZE=address,undefined or =thread adds the sanitizer to every target (separate build dir).
set(LOOPMIND_SANITIZE "" CACHE STRING "Sanitizers to build with (e.g. address,undefined or thread)")
if(LOOPMIND_SANITIZE)
  add_compile_options(-fsanitize=${LOOPMIND_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=${LOOPMIND_SANITIZE})
endif()
