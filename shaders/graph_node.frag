// A signed-distance circle: antialiased fill, a thin outline, and a ring when selected/hovered.
in vec2 v_local;
flat in float v_radius;
in vec4 v_color;
flat in uint v_flags;
out vec4 frag_color;

void main() {
  float d = length(v_local);
  float fill = clamp(v_radius - d + 0.5, 0.0, 1.0);
  float outline = clamp(d - (v_radius - u_node_style.z) + 0.5, 0.0, 1.0) * u_outline_color.a;
  vec4 body = vec4(mix(v_color.rgb, u_outline_color.rgb, outline), v_color.a * fill);

  float ring_width = (v_flags & kSelected) != 0u ? u_ring_style.y
                   : (v_flags & kHovered) != 0u  ? u_ring_style.z
                                                 : 0.0;
  vec4 ring = vec4(u_ring_color.rgb, 0.0);
  if (ring_width > 0.0) {
    float inner = v_radius + u_ring_style.x;
    float outer = inner + ring_width;
    float coverage = clamp(d - inner + 0.5, 0.0, 1.0) * clamp(outer - d + 0.5, 0.0, 1.0);
    ring.a = u_ring_color.a * coverage;
  }
  // The ring lies outside the disc, so the two never overlap: take whichever covers the pixel.
  vec4 color = body.a >= ring.a ? body : ring;
  if ((v_flags & kDimmed) != 0u) color.a *= u_node_style.w;
  if (color.a <= 0.0) discard;
  frag_color = color;
}
