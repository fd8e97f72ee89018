# Third-party dependencies, all from Debian packages (DESIGN.md): nlohmann/json, doctest, GLFW,
# stb, and Dear ImGui's sources unpacked by scripts/fetch-imgui.sh into third_party/ (git-ignored).
# Emscripten's toolchain cannot see the host's /usr/include, so header-only packages are copied
# into the build tree for it instead of exposing the whole host include directory.

set(DRAMATIS_HOST_INCLUDE "/usr/include" CACHE PATH "Where the Debian -dev packages put their headers")

function(dramatis_header_only_package name header_subdir)
  add_library(${name} INTERFACE)
  if(EMSCRIPTEN)
    set(dest "${CMAKE_BINARY_DIR}/host-headers/${name}")
    file(COPY "${DRAMATIS_HOST_INCLUDE}/${header_subdir}" DESTINATION "${dest}")
    target_include_directories(${name} SYSTEM INTERFACE "${dest}")
  endif()
endfunction()

if(EMSCRIPTEN)
  dramatis_header_only_package(dramatis_json nlohmann)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(dramatis_json INTERFACE)
  target_link_libraries(dramatis_json INTERFACE nlohmann_json::nlohmann_json)
  find_package(doctest REQUIRED)
endif()

if(DRAMATIS_BUILD_APP)
  if(NOT EXISTS "${DRAMATIS_IMGUI_DIR}/imgui.h")
    message(FATAL_ERROR "Dear ImGui sources not found in ${DRAMATIS_IMGUI_DIR}.\n"
                        "Run scripts/setup.sh (it fetches Debian's imgui source package).")
  endif()
  set(imgui_sources
      imgui.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp backends/imgui_impl_opengl3.cpp)
  if(NOT EMSCRIPTEN)
    find_package(glfw3 3.3 REQUIRED)
    list(APPEND imgui_sources backends/imgui_impl_glfw.cpp)
  endif()
  list(TRANSFORM imgui_sources PREPEND "${DRAMATIS_IMGUI_DIR}/")
  add_library(dramatis_imgui STATIC ${imgui_sources})
  target_include_directories(dramatis_imgui SYSTEM PUBLIC "${DRAMATIS_IMGUI_DIR}"
                                                           "${DRAMATIS_IMGUI_DIR}/backends")
  # Keep ImGui's own defaults but disable the obsolete API so we never rely on it.
  target_compile_definitions(dramatis_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS
                                                   IMGUI_DISABLE_OBSOLETE_KEYIO)
  if(EMSCRIPTEN)
    target_compile_definitions(dramatis_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
  else()
    target_link_libraries(dramatis_imgui PUBLIC glfw)
  endif()

  if(NOT EMSCRIPTEN)
    # Debian's libstb-dev: the stb headers plus a shared library with their implementations.
    find_library(DRAMATIS_STB_LIBRARY stb REQUIRED)
    add_library(dramatis_stb INTERFACE)
    target_include_directories(dramatis_stb SYSTEM INTERFACE "${DRAMATIS_HOST_INCLUDE}/stb")
    target_link_libraries(dramatis_stb INTERFACE "${DRAMATIS_STB_LIBRARY}")
  endif()
endif()
