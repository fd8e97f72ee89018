// Nodes: one instanced quad per node, sized to hold the circle, its outline and selection ring.
in vec2 a_corner;        // quad corner in [-1, 1]^2 (per vertex)
in uint a_node;          // node index (per instance): its position comes from u_positions
in float a_radius;       // world units
in vec4 a_color;         // RGBA8, normalised
in uint a_flags;         // kHidden | kDimmed | ...

out vec2 v_local;        // pixels from the node's centre
flat out float v_radius;  // pixels
out vec4 v_color;
flat out uint v_flags;

void main() {
  if ((a_flags & kHidden) != 0u) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: nothing drawn
    return;
  }
  float radius = clamp(a_radius * u_viewport.z, u_node_style.x, u_node_style.y);
  float extent = radius + u_ring_style.x + u_ring_style.y + 1.0;
  vec2 clip = world_to_clip(node_position(a_node));
  gl_Position = vec4(clip + a_corner * extent * 2.0 / u_viewport.xy, 0.0, 1.0);
  v_local = a_corner * extent;
  v_radius = radius;
  v_color = a_color;
  v_flags = a_flags;
}
