// Antialiased line: full alpha inside the width, fading over one pixel at each side.
in float v_across;
flat in float v_half_width;
in vec4 v_color;
out vec4 frag_color;

void main() {
  // Lines thinner than a pixel keep their coverage as alpha rather than vanishing.
  float coverage = clamp(v_half_width + 0.5 - abs(v_across), 0.0, 1.0) *
                   min(1.0, v_half_width * 2.0);
  float alpha = v_color.a * coverage;
  if (alpha <= 0.0) discard;
  frag_color = vec4(v_color.rgb, alpha);
}
