// Draws the entity graph with OpenGL 3.3 core / WebGL2: edges as instanced antialiased quads,
// nodes as instanced signed-distance circles (outline, selection and hover rings), then a small
// overlay layer (the selected and hovered nodes, drawn again on top). Three draw calls per frame
// whatever the graph's size. Node positions live in a float texture that both layers read, so a
// moving layout uploads 8 bytes per node and nothing else; instance buffers are uploaded only
// when the caller says they changed.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/layout/layout_types.h"
#include "core/view/camera.h"
#include "render/gl.h"
#include "render/graph_uniforms.h"
#include "render/shader_program.h"

namespace dramatis::render {

// How the graph looks; pixel sizes are logical pixels (multiplied by the framebuffer scale).
struct GraphStyle {
  float min_radius = 3.0f;        // nodes never shrink below this on screen
  float max_radius = 120.0f;      // nor grow beyond this
  float outline = 1.0f;           // node outline width
  float dimmed_alpha = 0.18f;     // alpha multiplier of nodes and edges outside the focus
  float ring_gap = 2.0f;          // between a node and its selection ring
  float ring_width = 3.0f;        // selection ring
  float hover_ring_width = 1.5f;  // hover ring
  float ring_color[4] = {1.0f, 0.72f, 0.2f, 1.0f};
  float outline_color[4] = {0.0f, 0.0f, 0.0f, 0.45f};
  float highlight_color[4] = {1.0f, 0.72f, 0.2f, 0.9f};
};

// The uniforms for drawing with `camera` into `viewport` (logical pixels) on a framebuffer with
// `framebuffer_scale` physical pixels per logical pixel.
GraphFrameUniforms make_frame_uniforms(const view::Camera& camera, const view::Viewport& viewport,
                                       float framebuffer_scale, const GraphStyle& style);

class GraphRenderer {
 public:
  GraphRenderer() = default;
  ~GraphRenderer();
  GraphRenderer(const GraphRenderer&) = delete;
  GraphRenderer& operator=(const GraphRenderer&) = delete;

  // Compiles the shaders and creates the buffers; needs a current GL context. False with
  // error() set when a shader does not compile (the app reports it and shows no graph).
  bool init();
  bool ready() const { return ready_; }
  const std::string& error() const { return error_; }

  // Uploads, each only when called: call when the data changed.
  void set_positions(std::span<const layout::Point> positions);  // world units, one per node
  void set_nodes(std::span<const NodeInstance> nodes);
  void set_edges(std::span<const EdgeInstance> edges);
  void set_overlay(std::span<const NodeInstance> nodes);  // drawn last, above everything

  // Draws into the framebuffer rectangle (physical pixels, origin bottom-left, as glViewport),
  // clipped to it. Leaves blending on; changes viewport, scissor, program, VAO and buffers.
  void draw(const GraphFrameUniforms& uniforms, int x, int y, int width, int height);

  // Draw calls issued by the last draw() (a constant 0 to 3, whatever the graph's size).
  int last_draw_calls() const { return last_draw_calls_; }

 private:
  void setup_node_vao(GLuint vao, GLuint instances);

  bool ready_ = false;
  std::string error_;
  ShaderProgram node_program_;
  ShaderProgram edge_program_;
  GLuint node_corners_ = 0, edge_corners_ = 0;  // per-vertex quad corners
  GLuint node_vao_ = 0, overlay_vao_ = 0, edge_vao_ = 0;
  GLuint node_buffer_ = 0, overlay_buffer_ = 0, edge_buffer_ = 0;
  GLuint uniform_buffer_ = 0;
  GLuint positions_texture_ = 0;
  int texture_width_ = 0, texture_height_ = 0;
  GLsizei node_count_ = 0, overlay_count_ = 0, edge_count_ = 0;
  int last_draw_calls_ = 0;
};

}  // namespace dramatis::render
