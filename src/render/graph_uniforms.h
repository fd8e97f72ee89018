// The C++ twin of the GraphFrame uniform block in shaders/graph_frame.glsl (std140 layout), and
// the per-instance flag bits the graph shaders test. Kept beside each other so the CPU and GPU
// layouts cannot drift (sokol-shdc's habit): the static_asserts fail when a field is added here
// without its vec4 there.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dramatis::render {

struct GraphFrameUniforms {
  float clip_x[4];           // world -> clip x: (a, b, c, 0) with x' = a*x + b*y + c
  float clip_y[4];           // world -> clip y
  float viewport[4];         // width px, height px, zoom (px per world unit), 0
  float node_style[4];       // min radius px, max radius px, outline px, dimmed alpha
  float ring_style[4];       // selection ring gap px, ring width px, hover ring width px, 0
  float ring_color[4];       // RGBA
  float outline_color[4];    // RGBA
  float highlight_color[4];  // RGBA: edges of the hovered or selected node
};
static_assert(sizeof(GraphFrameUniforms) == 8 * 16, "std140: eight vec4");
static_assert(offsetof(GraphFrameUniforms, highlight_color) == 7 * 16);

// Bits of NodeInstance::flags and EdgeInstance::flags (same values as the kHidden... constants in
// shaders/graph_frame.glsl).
enum InstanceFlag : uint8_t {
  kHidden = 1,
  kDimmed = 2,
  kSelected = 4,
  kHovered = 8,
  kPinned = 16,
  kHighlighted = 32,
};

// One node as the GPU sees it (16 bytes); its position lives in the positions texture.
struct NodeInstance {
  uint32_t node = 0;
  float radius = 1.0f;  // world units
  uint8_t color[4] = {255, 255, 255, 255};
  uint8_t flags = 0;
  uint8_t padding[3] = {0, 0, 0};
};
static_assert(sizeof(NodeInstance) == 16);

// One edge as the GPU sees it (20 bytes).
struct EdgeInstance {
  uint32_t a = 0;
  uint32_t b = 0;
  float width = 1.0f;  // pixels
  uint8_t color[4] = {128, 128, 128, 255};
  uint8_t flags = 0;
  uint8_t padding[3] = {0, 0, 0};
};
static_assert(sizeof(EdgeInstance) == 20);

}  // namespace dramatis::render
