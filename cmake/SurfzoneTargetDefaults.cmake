# Warnings and sanitizers for the project's own targets only (never global).
function(surfzone_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  # No -Wnull-dereference: at -O2 GCC 12 reports dozens of false positives inside Boost.Asio's
  # headers (even as system headers). -Wmismatched-new-delete misreads Asio's coroutine frame
  # allocator the same way.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wformat=2
    -Wduplicated-cond -Wlogical-op -Wno-mismatched-new-delete)
  if(SURFZONE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(SURFZONE_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${SURFZONE_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${SURFZONE_SANITIZE})
    if(SURFZONE_SANITIZE MATCHES "thread")
      # GCC 12 warns (-Wtsan) on every std::atomic_thread_fence, which Asio's headers use; TSan
      # does not model fences, so a race they would order is reported, never hidden.
      target_compile_options(${target} PRIVATE -Wno-tsan)
    endif()
  endif()
endfunction()
