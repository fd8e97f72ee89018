# Compiler settings shared by our own targets: strict warnings, deterministic floating point,
# and the optional sanitizer build. Third-party targets do not get these flags.

# Deterministic arithmetic natively and in WASM (DESIGN.md): no fused multiply-add contraction,
# no fast-math anywhere.
add_compile_options(-ffp-contract=off)

if(DRAMATIS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# Applies our warning policy to one of our own targets.
function(dramatis_strict_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Werror)
endfunction()
