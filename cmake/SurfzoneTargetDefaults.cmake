# Warnings and sanitizers for the project's own targets only (never global).
function(surfzone_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnull-dereference
    -Wformat=2 -Wduplicated-cond -Wlogical-op)
  if(SURFZONE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(SURFZONE_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${SURFZONE_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${SURFZONE_SANITIZE})
  endif()
endfunction()
