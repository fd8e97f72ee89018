// The web app: Emscripten, WebGL2 and Dear ImGui, with input from the browser's events (html5.h)
// instead of GLFW, so the drawing buffer follows the canvas' CSS size times devicePixelRatio
// (sharp on high-DPI screens) and browser resizes. The frame body is main_loop_step(); main()
// hands it to the browser's animation frames (the one Emscripten-specific twist, DESIGN.md).
//
// JavaScript reaches the app through exported functions used by web/dramatis-glue.js:
//   dramatis_state_json() -> the state JSON (window.dramatis.state())
//   dramatis_select(kind, id) -> 1 if selected, 0 if unknown (window.dramatis.select())
//   dramatis_open_view(fragment) -> restores a view (browser back/forward, a changed hash)
//   dramatis_add_file(name, bytes, length), dramatis_files_done() -> dropped or picked files
//   dramatis_document_read_bytes() -> how much of each file to hand over (the document limit)
// and the app reaches the page through EM_JS helpers below (history, local storage, downloads,
// clipboard, the file picker). Nothing leaves the browser: files are read locally.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus/corpus_loader.h"
#include "core/io/json_text.h"
#include "core/view/story.h"
#include "render/gl.h"
#include "ui/app.h"
#include "ui/edit_script.h"
#include "ui/theme.h"

namespace {

using namespace dramatis;

constexpr const char* kCanvas = "#canvas";

// The app and what the browser callbacks share with the frame loop. One instance per page.
struct WebState {
  std::unique_ptr<ui::App> app;
  int frame = 0;
  bool ready_announced = false;
  double last_time_ms = 0.0;
  ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;
  std::string state_json;  // keeps the string alive for dramatis_state_json()'s caller
  std::vector<CorpusJob::Input> dropped;  // files arriving from the page, until files_done
};
WebState web;

// ---- Input: browser events to ImGui -----------------------------------------------------------

struct KeyName {
  const char* code;
  ImGuiKey key;
};

// DOM KeyboardEvent.code (the physical key) to ImGui keys, for shortcuts and navigation.
const KeyName kKeys[] = {
    {"Tab", ImGuiKey_Tab},
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home},
    {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete},
    {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter},
    {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"Escape", ImGuiKey_Escape},
    {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift},
    {"ControlLeft", ImGuiKey_LeftCtrl},
    {"ControlRight", ImGuiKey_RightCtrl},
    {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper},
    {"MetaRight", ImGuiKey_RightSuper},
    {"Minus", ImGuiKey_Minus},
    {"Equal", ImGuiKey_Equal},
    {"BracketLeft", ImGuiKey_LeftBracket},
    {"BracketRight", ImGuiKey_RightBracket},
    {"Backslash", ImGuiKey_Backslash},
    {"Semicolon", ImGuiKey_Semicolon},
    {"Quote", ImGuiKey_Apostrophe},
    {"Comma", ImGuiKey_Comma},
    {"Period", ImGuiKey_Period},
    {"Slash", ImGuiKey_Slash},
    {"Backquote", ImGuiKey_GraveAccent},
};

ImGuiKey key_from_code(const char* code) {
  if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == '\0')
    return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
  if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == '\0')
    return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
  if (code[0] == 'F' && code[1] >= '1' && code[1] <= '9') {
    const int n = std::atoi(code + 1);
    if (n >= 1 && n <= 12) return static_cast<ImGuiKey>(ImGuiKey_F1 + (n - 1));
  }
  for (const KeyName& k : kKeys) {
    if (std::strcmp(code, k.code) == 0) return k.key;
  }
  return ImGuiKey_None;
}

void update_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
  io.AddKeyEvent(ImGuiMod_Shift, shift);
  io.AddKeyEvent(ImGuiMod_Alt, alt);
  io.AddKeyEvent(ImGuiMod_Super, meta);
}

// Returns true to stop the browser's default action (page scrolling, tab focus). Shortcuts with
// Ctrl or Meta and the F keys stay with the browser (reload, zoom, copy and paste, dev tools).
EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  update_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  const ImGuiKey key = key_from_code(e->code);
  if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
  // A printable key: its `key` is a single character (one code point in UTF-8).
  const bool printable = e->key[0] != '\0' && std::strlen(e->key) <= 4 &&
                         (static_cast<unsigned char>(e->key[0]) >= 0x80 || e->key[1] == '\0');
  if (down && printable && !e->ctrlKey && !e->metaKey) io.AddInputCharactersUTF8(e->key);
  const bool function_key = e->code[0] == 'F' && e->code[1] >= '1' && e->code[1] <= '9';
  return !(e->ctrlKey || e->metaKey || function_key);
}

EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
  // The canvas fills the page from (0, 0), so client coordinates are canvas CSS pixels.
  ImGui::GetIO().AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
  return false;
}

EM_BOOL on_mouse_button(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
  // DOM buttons: 0 left, 1 middle, 2 right. ImGui: 0 left, 1 right, 2 middle.
  const int button = e->button == 1 ? 2 : e->button == 2 ? 1 : e->button;
  if (button >= 0 && button < ImGuiMouseButton_COUNT)
    io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  // One wheel notch is about 100 pixels, 3 lines or 1 page, depending on the browser's mode;
  // ImGui counts notches, positive up.
  const double per_notch = e->deltaMode == DOM_DELTA_PIXEL  ? 100.0
                           : e->deltaMode == DOM_DELTA_LINE ? 3.0
                                                            : 1.0;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX / per_notch),
                                    static_cast<float>(-e->deltaY / per_notch));
  return true;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches < 1) return false;
  ImGuiIO& io = ImGui::GetIO();
  const EmscriptenTouchPoint& t = e->touches[0];
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(static_cast<float>(t.clientX), static_cast<float>(t.clientY));
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) io.AddMouseButtonEvent(0, true);
  if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL)
    io.AddMouseButtonEvent(0, false);
  return true;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
  return false;
}

void install_input_callbacks() {
  const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
  emscripten_set_keydown_callback(window, nullptr, true, on_key);
  emscripten_set_keyup_callback(window, nullptr, true, on_key);
  emscripten_set_mousemove_callback(window, nullptr, true, on_mouse_move);
  emscripten_set_mousedown_callback(kCanvas, nullptr, true, on_mouse_button);
  emscripten_set_mouseup_callback(window, nullptr, true, on_mouse_button);
  emscripten_set_wheel_callback(kCanvas, nullptr, true, on_wheel);
  emscripten_set_touchstart_callback(kCanvas, nullptr, true, on_touch);
  emscripten_set_touchmove_callback(kCanvas, nullptr, true, on_touch);
  emscripten_set_touchend_callback(kCanvas, nullptr, true, on_touch);
  emscripten_set_touchcancel_callback(kCanvas, nullptr, true, on_touch);
  emscripten_set_focus_callback(window, nullptr, true, on_focus);
  emscripten_set_blur_callback(window, nullptr, true, on_focus);
}

// JavaScript helpers (EM_JS keeps them in the generated .js: no eval, CSP-safe).
EM_JS(void, set_canvas_cursor, (const char* css_name),
      { Module.canvas.style.cursor = UTF8ToString(css_name); });
EM_JS(void, announce_ready, (), {
  if (Module.dramatisReady) Module.dramatisReady();
});

// clang-format off: these are JavaScript bodies, and clang-format would split their operators.
// The URL fragment without '#', as the page was opened.
EM_JS(char*, location_fragment, (), {
  const text = location.hash.length > 0 ? location.hash.substring(1) : "";
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  if (!ptr) return 0;  // out of memory: the caller sees no text
  stringToUTF8(text, ptr, size);
  return ptr;
});
EM_JS(int, hosted_corpus_requested, (),
      { return new URLSearchParams(location.search).has("corpus") ? 1 : 0; });
EM_JS(void, set_location_fragment, (const char* fragment, int push), {
  const url = "#" + UTF8ToString(fragment);
  if (push) {
    history.pushState(null, "", url);
  } else {
    history.replaceState(null, "", url);
  }
});
// Local storage, under a key that names the format version and the corpus.
// 1 when stored; 0 when the browser refused (storage full or turned off).
EM_JS(int, storage_set, (const char* key, const char* value), {
  try {
    localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
    return 1;
  } catch (e) {
    console.warn("Dramatis: your edits could not be saved in this browser:", e);
    return 0;
  }
});
EM_JS(char*, storage_get, (const char* key), {
  let text = null;
  try {
    text = localStorage.getItem(UTF8ToString(key));
  } catch (e) {
    text = null;
  }
  if (text == null) return 0;  // "==": the C++ preprocessor would split "==="
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  if (!ptr) return 0;  // out of memory: the caller sees no text
  stringToUTF8(text, ptr, size);
  return ptr;
});
EM_JS(void, download_file, (const char* name, const char* mime, const char* bytes, int length), {
  if (Module.dramatisDownload)
    Module.dramatisDownload(UTF8ToString(name), UTF8ToString(mime),
                            HEAPU8.slice(bytes, bytes + length));
});
EM_JS(void, copy_to_clipboard, (const char* text), {
  if (Module.dramatisCopy) Module.dramatisCopy(UTF8ToString(text));
});
EM_JS(void, open_file_picker, (), {
  if (Module.dramatisPickFiles) Module.dramatisPickFiles();
});

// clang-format on

std::string take_js_string(char* text) {
  if (text == nullptr) return {};
  std::string out(text);
  std::free(text);
  return out;
}

const std::string kEditsKey = "dramatis.edits.v1.";  // + corpus fingerprint

ui::PlatformHooks web_hooks() {
  ui::PlatformHooks hooks;
  hooks.save_edits = [](const std::string& fingerprint, const std::string& json) -> std::string {
    if (storage_set((kEditsKey + fingerprint).c_str(), json.c_str())) return {};
    return "this browser's local storage refused them (full, or turned off for this site); "
           "keep them with Corpus > Export > Your edits (JSON)";
  };
  hooks.load_edits = [](const std::string& fingerprint) -> std::optional<std::string> {
    char* text = storage_get((kEditsKey + fingerprint).c_str());
    if (text == nullptr) return std::nullopt;
    return take_js_string(text);
  };
  hooks.view_changed = [](const std::string& fragment, bool push) {
    set_location_fragment(fragment.c_str(), push ? 1 : 0);
  };
  hooks.deliver_file = [](const std::string& name, const std::string& mime,
                          const std::string& bytes) {
    download_file(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
    return name;
  };
  hooks.copy_text = [](const std::string& text) { copy_to_clipboard(text.c_str()); };
  hooks.pick_files = [] { open_file_picker(); };
  return hooks;  // no worker threads in this build: the app steps its jobs per frame
}

const char* css_cursor(ImGuiMouseCursor cursor) {
  switch (cursor) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
  }
}

// ---- The frame ----------------------------------------------------------------------------------

void main_loop_step(void*) {
  ImGuiIO& io = ImGui::GetIO();

  // Size the drawing buffer to the canvas' CSS size in device pixels.
  double css_width = 0.0, css_height = 0.0;
  emscripten_get_element_css_size(kCanvas, &css_width, &css_height);
  const double pixel_ratio = std::max(1.0, emscripten_get_device_pixel_ratio());
  const int fb_width = static_cast<int>(std::lround(css_width * pixel_ratio));
  const int fb_height = static_cast<int>(std::lround(css_height * pixel_ratio));
  int current_width = 0, current_height = 0;
  emscripten_get_canvas_element_size(kCanvas, &current_width, &current_height);
  if (current_width != fb_width || current_height != fb_height)
    emscripten_set_canvas_element_size(kCanvas, fb_width, fb_height);
  io.DisplaySize = ImVec2(static_cast<float>(css_width), static_cast<float>(css_height));
  io.DisplayFramebufferScale =
      ImVec2(static_cast<float>(pixel_ratio), static_cast<float>(pixel_ratio));

  const double now = emscripten_get_now();
  io.DeltaTime =
      web.last_time_ms > 0.0 ? static_cast<float>((now - web.last_time_ms) / 1000.0) : 1.0f / 60.0f;
  if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 60.0f;
  web.last_time_ms = now;

  // CSS pixels are already scaled by the browser (zoom, OS setting): logical scale 1.
  if (web.app->update_fonts(1.0f, static_cast<float>(pixel_ratio))) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }

  const double frame_start = emscripten_get_now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  web.app->draw_frame();
  ImGui::Render();
  const double app_end = emscripten_get_now();

  float background[4];
  ui::theme_background(web.app->settings().theme, background);
  glViewport(0, 0, fb_width, fb_height);
  glClearColor(background[0], background[1], background[2], background[3]);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  web.app->record_frame_time(app_end - frame_start, emscripten_get_now() - frame_start);

  const ImGuiMouseCursor cursor =
      io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
  if (cursor != web.cursor) {
    web.cursor = cursor;
    set_canvas_cursor(css_cursor(cursor));
  }

  // Two frames in, the page shows the app: tell the glue (window.dramatis.ready resolves).
  if (++web.frame == 2 && !web.ready_announced) {
    web.ready_announced = true;
    announce_ready();
  }
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* dramatis_state_json() {
  web.state_json = web.app ? dump_json(web.app->state_json()) : std::string("null");
  return web.state_json.c_str();
}

EMSCRIPTEN_KEEPALIVE int dramatis_select(const char* kind, const char* id) {
  if (!web.app || kind == nullptr || id == nullptr) return 0;
  return web.app->select({kind, id}) ? 1 : 0;
}

// Returns the number of problems the view had (0: restored completely).
EMSCRIPTEN_KEEPALIVE int dramatis_open_view(const char* fragment) {
  if (!web.app || fragment == nullptr) return -1;
  return static_cast<int>(web.app->open_view(fragment).size());
}

EMSCRIPTEN_KEEPALIVE void dramatis_add_file(const char* name, const char* bytes, int length) {
  if (name == nullptr || (bytes == nullptr && length > 0) || length < 0) return;
  web.dropped.push_back({name, std::string(bytes, static_cast<size_t>(length))});
}

// How many bytes of a file the page hands over: one past the document limit (corpus_limits.h),
// so a longer file is cut here, with a warning, instead of read whole into memory.
EMSCRIPTEN_KEEPALIVE double dramatis_document_read_bytes() {
  return static_cast<double>(kDocumentReadBytes);
}

// A problem the page met on the app's behalf (a hosted corpus that could not be read).
EMSCRIPTEN_KEEPALIVE void dramatis_report(const char* problem) {
  if (web.app && problem != nullptr) web.app->report(problem);
}

EMSCRIPTEN_KEEPALIVE int dramatis_export(const char* format) {
  return web.app && format != nullptr && web.app->request_export(format) ? 1 : 0;
}

// kind: merge | split | rename | hide | unhide | note (EditRequest in ui/panel_context.h).
EMSCRIPTEN_KEEPALIVE int dramatis_edit(const char* kind, const char* entity, const char* other,
                                       const char* text) {
  if (!web.app || !kind || !entity || !other || !text) return 0;
  const std::optional<ui::EditRequest::Kind> parsed = ui::edit_kind_named(kind);
  if (!parsed) return 0;
  ui::EditRequest r;
  r.kind = *parsed;
  r.entity = entity;
  r.other = other;
  r.text = text;
  web.app->request_edit(r);
  return 1;
}

// replace: 1 when the files are a hosted corpus that takes the built-in one's place.
EMSCRIPTEN_KEEPALIVE void dramatis_files_done(int replace) {
  if (web.app) web.app->add_files(std::move(web.dropped), replace != 0);
  web.dropped.clear();
}

}  // extern "C"

int main() {
  EmscriptenWebGLContextAttributes attributes;
  emscripten_webgl_init_context_attributes(&attributes);
  attributes.majorVersion = 2;
  attributes.minorVersion = 0;
  attributes.alpha = EM_FALSE;
  attributes.depth = EM_FALSE;
  attributes.stencil = EM_FALSE;
  attributes.antialias = EM_FALSE;  // ImGui antialiases its own geometry
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context =
      emscripten_webgl_create_context(kCanvas, &attributes);
  if (context <= 0) {
    std::fprintf(stderr, "dramatis: cannot create a WebGL 2 context (error %d)\n",
                 static_cast<int>(context));
    return 1;
  }
  emscripten_webgl_make_context_current(context);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().BackendPlatformName = "dramatis_web";
  ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  web.app = std::make_unique<ui::App>(make_story(load_builtin_corpus()), web_hooks());
  const std::string fragment = take_js_string(location_fragment());
  if (hosted_corpus_requested()) {
    web.app->open_view_after_load(fragment);  // the link's ids belong to the hosted corpus
  } else if (!fragment.empty()) {
    web.app->open_view(fragment);
  }
  for (const Diagnostic& d : web.app->corpus().diagnostics)
    std::fprintf(stderr, "dramatis: %s\n", d.format().c_str());
  ImGui_ImplOpenGL3_Init("#version 300 es");
  install_input_callbacks();

  emscripten_set_main_loop_arg(main_loop_step, nullptr, 0, false);
  return 0;
}
