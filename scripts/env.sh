# Sourced by the scripts: environment quirks of Debian's toolchain, in one place.
# Debian's emscripten (3.1.6) loads `acorn` from the system Node modules folder.
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
# Make's parallelism: the machine's cores.
jobs="$(nproc 2>/dev/null || echo 2)"
