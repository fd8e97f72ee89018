// Shared by every graph shader: the per-frame uniform block. Its C++ twin is
// render::GraphFrameUniforms (src/render/graph_uniforms.h); keep the two in step (std140).
layout(std140) uniform GraphFrame {
  vec4 u_clip_x;         // world -> clip x: dot(u_clip_x.xyz, vec3(world, 1))
  vec4 u_clip_y;         // world -> clip y
  vec4 u_viewport;       // width px, height px, zoom (px per world unit), 0
  vec4 u_node_style;     // min radius px, max radius px, outline px, dimmed alpha
  vec4 u_ring_style;     // selection ring gap px, ring width px, hover ring width px, 0
  vec4 u_ring_color;     // selection ring colour (RGBA)
  vec4 u_outline_color;  // node outline colour (RGBA)
  vec4 u_highlight_color;  // edges of the hovered or selected node (RGBA)
};

// Per-instance flag bits (render::NodeFlag / EdgeFlag).
const uint kHidden = 1u;
const uint kDimmed = 2u;
const uint kSelected = 4u;
const uint kHovered = 8u;
const uint kPinned = 16u;
const uint kHighlighted = 32u;

uniform highp sampler2D u_positions;  // RG32F: node i's world position at (i % width, i / width)

vec2 node_position(uint node) {
  int width = textureSize(u_positions, 0).x;
  int i = int(node);
  return texelFetch(u_positions, ivec2(i % width, i / width), 0).xy;
}

vec2 world_to_clip(vec2 world) {
  vec3 w = vec3(world, 1.0);
  return vec2(dot(u_clip_x.xyz, w), dot(u_clip_y.xyz, w));
}
