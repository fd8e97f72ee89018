#!/usr/bin/env bash
# Installs what Dramatis needs on Debian 12, only what is missing: Debian packages (compilers,
# clang with libFuzzer's runtime for the fuzz targets, Emscripten, GLFW, nlohmann/json, doctest,
# stb, fonts, Xvfb, Chromium, Node.js), Dear ImGui's sources from Debian's imgui source package,
# and the browser test's npm packages (pinned in tests/e2e/package-lock.json). Safe to run
# again: it does nothing when all is there.
#   scripts/setup.sh [--no-browser]   (--no-browser: skip Chromium and the npm packages)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
with_browser=1
[[ "${1:-}" == "--no-browser" ]] && with_browser=0

# "package:probe" pairs: the probe is a command or a file whose presence means the package's
# job is done (Node.js and npm may come from another source than Debian's packages).
needs=(
  cmake:cmake g++:g++ make:make pkg-config:pkg-config xz-utils:xz
  clang:clang++ libclang-rt-14-dev:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a
  python3:/usr/bin/python3 python3-fonttools:/usr/lib/python3/dist-packages/fontTools
  emscripten:emcc nodejs:node
  libglfw3-dev:/usr/include/GLFW/glfw3.h libgl-dev:/usr/include/GL/gl.h
  nlohmann-json3-dev:/usr/include/nlohmann/json.hpp doctest-dev:/usr/include/doctest/doctest.h
  libstb-dev:/usr/include/stb/stb_image_write.h
  fonts-noto-core:/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
  fonts-noto-cjk:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
  xvfb:xvfb-run xauth:xauth libgl1-mesa-dri:/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so
)
if [[ $with_browser == 1 ]]; then
  needs+=(chromium:/usr/bin/chromium npm:npm)
fi

missing=()
for pair in "${needs[@]}"; do
  package="${pair%%:*}"
  probe="${pair#*:}"
  if [[ "$probe" == /* ]]; then
    [[ -e "$probe" ]] || missing+=("$package")
  else
    command -v "$probe" >/dev/null 2>&1 || missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

"$root/scripts/fetch-imgui.sh"

if [[ $with_browser == 1 ]]; then
  e2e="$root/tests/e2e"
  stamp="$e2e/node_modules/.package-lock.json"
  if [[ ! -f "$stamp" || "$e2e/package-lock.json" -nt "$stamp" ]]; then
    echo "setup: npm ci in tests/e2e"
    (cd "$e2e" && npm ci --no-audit --no-fund --silent)
  fi
fi
