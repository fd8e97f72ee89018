// The native desktop app: GLFW window, OpenGL 3.3 core, Dear ImGui. The main loop is here in
// plain sight (DESIGN.md); everything it draws comes from ui::App.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "core/corpus/corpus_loader.h"
#include "core/io/json_text.h"
#include "core/io/read_file.h"
#include "core/io/write_file.h"
#include "core/view/story.h"
#include "platform/app_options.h"
#include "render/framebuffer_capture.h"
#include "render/gl.h"
#include "ui/app.h"
#include "ui/edit_script.h"
#include "ui/theme.h"

namespace {

using namespace dramatis;

void on_glfw_error(int code, const char* description) {
  std::fprintf(stderr, "dramatis: GLFW error %d: %s\n", code, description);
}

bool write_text_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) std::cerr << "dramatis: " << path << ": cannot write file\n";
  return static_cast<bool>(out);
}

bool write_screenshot(const std::string& path, int width, int height) {
  const render::Image image = render::capture_framebuffer(width, height);
  if (stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(),
                     image.width * 4) == 0) {
    std::cerr << "dramatis: " << path << ": cannot write PNG\n";
    return false;
  }
  return true;
}

// Where the user's edits live: --edits-dir, else $XDG_CONFIG_HOME/dramatis, else
// ~/.config/dramatis; one file per corpus fingerprint.
std::string edits_folder(const platform::AppOptions& options) {
  if (!options.edits_dir.empty()) return options.edits_dir;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0')
    return std::string(xdg) + "/dramatis";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/.config/dramatis";
  return ".dramatis";
}

ui::PlatformHooks native_hooks(const platform::AppOptions& options, GLFWwindow* window) {
  ui::PlatformHooks hooks;
  const std::string folder = edits_folder(options);
  const auto edits_path = [folder](const std::string& fingerprint) {
    return folder + "/edits-" + fingerprint + ".json";
  };
  hooks.save_edits = [edits_path](const std::string& fingerprint,
                                  const std::string& json) -> std::string {
    std::string error;
    if (write_file_atomically(edits_path(fingerprint), json, error)) return {};
    std::cerr << "dramatis: your edits could not be saved: " << error << '\n';
    return error;
  };
  hooks.load_edits = [edits_path](const std::string& fingerprint) -> std::optional<std::string> {
    std::string error;
    return read_file_bytes(edits_path(fingerprint), error);
  };
  const std::string export_dir = options.export_dir.empty() ? "." : options.export_dir;
  hooks.deliver_file = [export_dir](const std::string& name, const std::string&,
                                    const std::string& bytes) {
    const std::string path = export_dir + "/" + name;
    std::string error;
    if (!write_file_atomically(path, bytes, error)) {
      std::cerr << "dramatis: export failed: " << error << '\n';
      return "export failed: " + error;
    }
    std::cerr << "dramatis: wrote " << path << '\n';
    return std::filesystem::absolute(path).string();
  };
  hooks.copy_text = [window](const std::string& text) {
    glfwSetClipboardString(window, text.c_str());
  };
  hooks.run_in_background = [](std::function<void()> job) { std::thread(std::move(job)).detach(); };
  return hooks;
}

// Files dropped on the window join the open corpus (GLFW gives their paths).
void on_drop(GLFWwindow* window, int count, const char** paths) {
  auto* app = static_cast<ui::App*>(glfwGetWindowUserPointer(window));
  if (app == nullptr) return;
  std::vector<std::string> list(paths, paths + count);
  app->add_paths(std::move(list));
}

}  // namespace

int main(int argc, char** argv) {
  std::string usage_error;
  const std::optional<platform::AppOptions> options =
      platform::parse_app_options(argc, argv, usage_error);
  if (!options) {
    std::cerr << "dramatis: " << usage_error << "\n\n" << platform::kAppUsage;
    return 1;
  }
  if (options->help) {
    std::cout << platform::kAppUsage;
    return 0;
  }
  if (options->version) {
    std::cout << "dramatis " << DRAMATIS_VERSION << '\n';
    return 0;
  }

  std::vector<ui::EditRequest> script;
  if (!options->edits_script.empty()) {
    std::string error;
    const std::optional<std::string> text = read_file_bytes(options->edits_script, error);
    std::optional<std::vector<ui::EditRequest>> parsed;
    if (text)
      parsed = ui::parse_edit_script(*text, options->edits_script, error);
    else
      error = options->edits_script + ": " + error;
    if (!parsed) {
      std::cerr << "dramatis: --edits-script: " << error << '\n';
      return 2;
    }
    script = std::move(*parsed);
  }

  Story story;
  if (options->synthetic_nodes > 0) {
    story = make_synthetic_story(options->synthetic_nodes, 2, 1);
  } else {
    Corpus corpus =
        options->corpus_paths.empty() ? load_builtin_corpus() : load_paths(options->corpus_paths);
    for (const Diagnostic& d : corpus.diagnostics) std::cerr << "dramatis: " << d.format() << '\n';
    story = make_story(std::move(corpus));
  }

  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    std::cerr << "dramatis: cannot open a window (no display?). For headless use, run "
                 "dramatis-cli, or run under xvfb-run.\n";
    return 3;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* window =
      glfwCreateWindow(options->window_width, options->window_height, "Dramatis", nullptr, nullptr);
  if (window == nullptr) {
    std::cerr << "dramatis: cannot create an OpenGL 3.3 window\n";
    glfwTerminate();
    return 3;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ui::App app(std::move(story), native_hooks(*options, window));
  app.base_url = options->base_url;
  glfwSetWindowUserPointer(window, &app);
  glfwSetDropCallback(window, on_drop);
  if (!options->view_fragment.empty()) {
    for (const std::string& problem : app.open_view(options->view_fragment))
      std::cerr << "dramatis: --view: " << problem << '\n';
  }
  if (!options->select.empty() && !app.select(options->select)) {
    std::cerr << "dramatis: --select " << options->select.kind << ':' << options->select.id
              << ": no such " << options->select.kind << " in this corpus\n";
  }
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  int frame = 0;
  size_t scripted = 0;  // edits of --edits-script applied so far
  bool ok = true;
  while (!glfwWindowShouldClose(window) && !app.quit_requested()) {
    if (scripted < script.size()) {
      // Applied and saved before the line is printed, so a reader of the output knows which
      // edits are on disk.
      app.request_edit(script[scripted++]);
      std::cout << "dramatis: edit " << scripted << " of " << script.size() << " applied"
                << std::endl;
    }
    // Sleep until input arrives unless something animates or frames are being counted.
    if (options->frames > 0 || app.is_animating() || scripted < script.size()) {
      glfwPollEvents();
    } else {
      glfwWaitEventsTimeout(0.5);
    }

    float content_scale = 1.0f;
    glfwGetWindowContentScale(window, &content_scale, nullptr);
    int window_width = 0, window_height = 0, fb_width = 0, fb_height = 0;
    glfwGetWindowSize(window, &window_width, &window_height);
    glfwGetFramebufferSize(window, &fb_width, &fb_height);
    const float framebuffer_scale =
        window_width > 0 ? static_cast<float>(fb_width) / static_cast<float>(window_width) : 1.0f;
    if (app.update_fonts(content_scale, framebuffer_scale)) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    const auto frame_start = std::chrono::steady_clock::now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app.draw_frame();
    ImGui::Render();
    const auto app_end = std::chrono::steady_clock::now();

    float background[4];
    ui::theme_background(app.settings().theme, background);
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(background[0], background[1], background[2], background[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    using Ms = std::chrono::duration<double, std::milli>;
    app.record_frame_time(Ms(app_end - frame_start).count(),
                          Ms(std::chrono::steady_clock::now() - frame_start).count());

    ++frame;
    if (options->frames > 0 && frame >= options->frames) {
      if (!options->screenshot_path.empty())
        ok = write_screenshot(options->screenshot_path, fb_width, fb_height);
      break;
    }
    glfwSwapBuffers(window);
  }

  if (!options->state_path.empty())
    ok = write_text_file(options->state_path, dump_json(app.state_json(), 2)) && ok;
  if (!options->frame_stats_path.empty())
    ok =
        write_text_file(options->frame_stats_path, dump_json(app.frame_timer().summary(), 2)) && ok;

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return ok ? 0 : 2;
}
