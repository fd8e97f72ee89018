#include "render/graph_renderer.h"

#include <algorithm>
#include <vector>

namespace dramatis::render {
namespace {

// Positions texture rows: WebGL2 guarantees textures of at least 2048 texels on a side.
constexpr int kTextureWidth = 2048;
constexpr GLuint kUniformBinding = 0;
constexpr GLint kPositionsUnit = 1;  // texture unit 0 stays ImGui's

// Attribute locations, bound by name in ShaderProgram::build (same order for both programs).
const std::vector<const char*> kNodeAttributes = {"a_corner", "a_node", "a_radius", "a_color",
                                                  "a_flags"};
const std::vector<const char*> kEdgeAttributes = {"a_corner", "a_nodes", "a_width", "a_color",
                                                  "a_flags"};

void copy4(float out[4], const float in[4]) {
  std::copy(in, in + 4, out);
}

const void* offset_ptr(size_t offset) {
  return reinterpret_cast<const void*>(offset);
}

GLuint make_corner_buffer(std::span<const float> corners) {
  GLuint buffer = 0;
  glGenBuffers(1, &buffer);
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(corners.size_bytes()), corners.data(),
               GL_STATIC_DRAW);
  return buffer;
}

void bind_program_uniforms(const ShaderProgram& program) {
  const GLuint block = glGetUniformBlockIndex(program.id(), "GraphFrame");
  if (block != GL_INVALID_INDEX) glUniformBlockBinding(program.id(), block, kUniformBinding);
  glUseProgram(program.id());
  glUniform1i(glGetUniformLocation(program.id(), "u_positions"), kPositionsUnit);
}

template <class T>
void upload(GLuint buffer, std::span<const T> data) {
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  // Orphan and refill: the driver need not wait for draws still reading the old contents.
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size_bytes()),
               data.empty() ? nullptr : data.data(), GL_DYNAMIC_DRAW);
}

}  // namespace

GraphFrameUniforms make_frame_uniforms(const view::Camera& camera, const view::Viewport& viewport,
                                       float framebuffer_scale, const GraphStyle& style) {
  GraphFrameUniforms u{};
  const std::array<float, 9> m = camera.world_to_clip(viewport);  // column-major 3x3
  u.clip_x[0] = m[0];
  u.clip_x[1] = m[3];
  u.clip_x[2] = m[6];
  u.clip_y[0] = m[1];
  u.clip_y[1] = m[4];
  u.clip_y[2] = m[7];
  const float s = framebuffer_scale;
  u.viewport[0] = viewport.width * s;
  u.viewport[1] = viewport.height * s;
  u.viewport[2] = static_cast<float>(camera.zoom) * s;
  u.node_style[0] = style.min_radius * s;
  u.node_style[1] = style.max_radius * s;
  u.node_style[2] = style.outline * s;
  u.node_style[3] = style.dimmed_alpha;
  u.ring_style[0] = style.ring_gap * s;
  u.ring_style[1] = style.ring_width * s;
  u.ring_style[2] = style.hover_ring_width * s;
  copy4(u.ring_color, style.ring_color);
  copy4(u.outline_color, style.outline_color);
  copy4(u.highlight_color, style.highlight_color);
  return u;
}

GraphRenderer::~GraphRenderer() {
  if (!ready_) return;
  const GLuint buffers[] = {node_corners_,   edge_corners_, node_buffer_,
                            overlay_buffer_, edge_buffer_,  uniform_buffer_};
  glDeleteBuffers(6, buffers);
  const GLuint arrays[] = {node_vao_, overlay_vao_, edge_vao_};
  glDeleteVertexArrays(3, arrays);
  glDeleteTextures(1, &positions_texture_);
}

void GraphRenderer::setup_node_vao(GLuint vao, GLuint instances) {
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, node_corners_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, instances);
  constexpr GLsizei stride = sizeof(NodeInstance);
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, stride, offset_ptr(offsetof(NodeInstance, node)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride,
                        offset_ptr(offsetof(NodeInstance, radius)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        offset_ptr(offsetof(NodeInstance, color)));
  glEnableVertexAttribArray(4);
  glVertexAttribIPointer(4, 1, GL_UNSIGNED_BYTE, stride, offset_ptr(offsetof(NodeInstance, flags)));
  for (GLuint a = 1; a <= 4; ++a) glVertexAttribDivisor(a, 1);
}

bool GraphRenderer::init() {
  if (ready_) return true;
  if (!node_program_.build("graph_node.vert", "graph_node.frag", {"graph_frame.glsl"},
                           kNodeAttributes)) {
    error_ = node_program_.error();
    return false;
  }
  if (!edge_program_.build("graph_edge.vert", "graph_edge.frag", {"graph_frame.glsl"},
                           kEdgeAttributes)) {
    error_ = edge_program_.error();
    return false;
  }
  bind_program_uniforms(node_program_);
  bind_program_uniforms(edge_program_);

  // Triangle strips: a node's square around its centre, an edge's band from a (x = 0) to b.
  const float node_corners[] = {-1, -1, 1, -1, -1, 1, 1, 1};
  const float edge_corners[] = {0, -1, 1, -1, 0, 1, 1, 1};
  node_corners_ = make_corner_buffer(node_corners);
  edge_corners_ = make_corner_buffer(edge_corners);

  GLuint buffers[4];
  glGenBuffers(4, buffers);
  node_buffer_ = buffers[0];
  overlay_buffer_ = buffers[1];
  edge_buffer_ = buffers[2];
  uniform_buffer_ = buffers[3];
  glBindBuffer(GL_UNIFORM_BUFFER, uniform_buffer_);
  glBufferData(GL_UNIFORM_BUFFER, sizeof(GraphFrameUniforms), nullptr, GL_DYNAMIC_DRAW);
  glBindBuffer(GL_UNIFORM_BUFFER, 0);

  GLuint arrays[3];
  glGenVertexArrays(3, arrays);
  node_vao_ = arrays[0];
  overlay_vao_ = arrays[1];
  edge_vao_ = arrays[2];
  setup_node_vao(node_vao_, node_buffer_);
  setup_node_vao(overlay_vao_, overlay_buffer_);

  glBindVertexArray(edge_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, edge_corners_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, edge_buffer_);
  constexpr GLsizei stride = sizeof(EdgeInstance);
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 2, GL_UNSIGNED_INT, stride, offset_ptr(offsetof(EdgeInstance, a)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride,
                        offset_ptr(offsetof(EdgeInstance, width)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        offset_ptr(offsetof(EdgeInstance, color)));
  glEnableVertexAttribArray(4);
  glVertexAttribIPointer(4, 1, GL_UNSIGNED_BYTE, stride, offset_ptr(offsetof(EdgeInstance, flags)));
  for (GLuint a = 1; a <= 4; ++a) glVertexAttribDivisor(a, 1);
  glBindVertexArray(0);

  glGenTextures(1, &positions_texture_);
  glBindTexture(GL_TEXTURE_2D, positions_texture_);
  // Float textures are not filterable in WebGL2: nearest only (texelFetch ignores it anyway).
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  ready_ = true;
  return true;
}

void GraphRenderer::set_positions(std::span<const layout::Point> positions) {
  if (!ready_) return;
  const int count = static_cast<int>(positions.size());
  const int width = std::clamp(count, 1, kTextureWidth);
  const int height = std::max(1, (count + width - 1) / width);
  // The texture is (width x height) RG32F; rows past the last node stay zero.
  std::vector<float> texels(static_cast<size_t>(width) * static_cast<size_t>(height) * 2, 0.0f);
  for (size_t i = 0; i < positions.size(); ++i) {
    texels[2 * i] = static_cast<float>(positions[i].x);
    texels[2 * i + 1] = static_cast<float>(positions[i].y);
  }
  glActiveTexture(GL_TEXTURE0 + kPositionsUnit);
  glBindTexture(GL_TEXTURE_2D, positions_texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  if (width != texture_width_ || height != texture_height_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RG32F, width, height, 0, GL_RG, GL_FLOAT, texels.data());
    texture_width_ = width;
    texture_height_ = height;
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RG, GL_FLOAT, texels.data());
  }
  glActiveTexture(GL_TEXTURE0);
}

void GraphRenderer::set_nodes(std::span<const NodeInstance> nodes) {
  if (!ready_) return;
  upload(node_buffer_, nodes);
  node_count_ = static_cast<GLsizei>(nodes.size());
}

void GraphRenderer::set_overlay(std::span<const NodeInstance> nodes) {
  if (!ready_) return;
  upload(overlay_buffer_, nodes);
  overlay_count_ = static_cast<GLsizei>(nodes.size());
}

void GraphRenderer::set_edges(std::span<const EdgeInstance> edges) {
  if (!ready_) return;
  upload(edge_buffer_, edges);
  edge_count_ = static_cast<GLsizei>(edges.size());
}

void GraphRenderer::draw(const GraphFrameUniforms& uniforms, int x, int y, int width, int height) {
  last_draw_calls_ = 0;
  if (!ready_ || width <= 0 || height <= 0 || texture_width_ == 0) return;
  glViewport(x, y, width, height);
  glEnable(GL_SCISSOR_TEST);
  glScissor(x, y, width, height);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  glBindBuffer(GL_UNIFORM_BUFFER, uniform_buffer_);
  glBufferSubData(GL_UNIFORM_BUFFER, 0, sizeof(GraphFrameUniforms), &uniforms);
  glBindBufferBase(GL_UNIFORM_BUFFER, kUniformBinding, uniform_buffer_);
  glActiveTexture(GL_TEXTURE0 + kPositionsUnit);
  glBindTexture(GL_TEXTURE_2D, positions_texture_);

  if (edge_count_ > 0) {
    glUseProgram(edge_program_.id());
    glBindVertexArray(edge_vao_);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, edge_count_);
    ++last_draw_calls_;
  }
  glUseProgram(node_program_.id());
  if (node_count_ > 0) {
    glBindVertexArray(node_vao_);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, node_count_);
    ++last_draw_calls_;
  }
  if (overlay_count_ > 0) {
    glBindVertexArray(overlay_vao_);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, overlay_count_);
    ++last_draw_calls_;
  }
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindBuffer(GL_UNIFORM_BUFFER, 0);
}

}  // namespace dramatis::render
