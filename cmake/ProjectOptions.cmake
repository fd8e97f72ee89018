# Compiler settings shared by our own targets: strict warnings, deterministic floating point,
# and the optional sanitizer build. Third-party targets do not get these flags.

# Deterministic arithmetic natively and in WASM (DESIGN.md): no fused multiply-add contraction,
# no fast-math anywhere.
add_compile_options(-ffp-contract=off)

# WebAssembly SIMD (128-bit): the layout's Barnes–Hut group sums run in f64x2 lanes and the
# compiler may vectorise loops elsewhere; IEEE per lane, so results stay bit-identical to the
# native build. Measured in docs/performance.md ("WebAssembly SIMD", which builds a second folder
# with the option off to compare); every current browser has it, and the page says so plainly
# where one does not (web/dramatis-glue.js).
option(DRAMATIS_WASM_SIMD "Build the WebAssembly targets with -msimd128" ON)
if(EMSCRIPTEN AND DRAMATIS_WASM_SIMD)
  add_compile_options(-msimd128)
endif()

if(DRAMATIS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# The fuzz build (fuzz/README.md): every one of our files gets libFuzzer's coverage
# instrumentation and ASan + UBSan, so a bug anywhere in the core is a crash libFuzzer sees; the
# fuzz targets alone link libFuzzer's driver (-fsanitize=fuzzer, fuzz/CMakeLists.txt), so the CLI,
# tests and benchmarks still link and run as ordinary programs. _GLIBCXX_ASSERTIONS makes an
# out-of-range operator[] on a string, vector or span a crash too, where ASan alone sees only
# accesses past the allocation.
if(DRAMATIS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "DRAMATIS_FUZZ needs clang (libFuzzer): use the fuzz preset")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_compile_definitions(_GLIBCXX_ASSERTIONS)
  add_link_options(-fsanitize=address,undefined)
endif()

# Applies our warning policy to one of our own targets.
function(dramatis_strict_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Werror)
endfunction()
