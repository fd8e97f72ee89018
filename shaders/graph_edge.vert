// Edges: one instanced quad per edge between its nodes' current positions, width in pixels.
in vec2 a_corner;   // x: 0 at node a, 1 at node b; y: -1 or 1 across (per vertex)
in uvec2 a_nodes;   // the two node indices (per instance)
in float a_width;   // pixels
in vec4 a_color;    // RGBA8, normalised
in uint a_flags;

out float v_across;        // pixels from the centre line
flat out float v_half_width;  // pixels
out vec4 v_color;

void main() {
  if ((a_flags & kHidden) != 0u) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  vec2 half_viewport = u_viewport.xy * 0.5;
  vec2 a = world_to_clip(node_position(a_nodes.x)) * half_viewport;  // pixels from the centre
  vec2 b = world_to_clip(node_position(a_nodes.y)) * half_viewport;
  vec2 along = b - a;
  float len = length(along);
  vec2 normal = len > 1e-4 ? vec2(-along.y, along.x) / len : vec2(0.0, 1.0);
  float half_width = a_width * 0.5;
  float extent = half_width + 1.0;  // one pixel more for antialiasing
  vec2 p = mix(a, b, a_corner.x) + normal * a_corner.y * extent;
  gl_Position = vec4(p / half_viewport, 0.0, 1.0);
  v_across = a_corner.y * extent;
  v_half_width = half_width;
  vec4 color = (a_flags & kHighlighted) != 0u ? u_highlight_color : a_color;
  if ((a_flags & kDimmed) != 0u) color.a *= u_node_style.w;
  v_color = color;
}
