// image_stats: prints "WIDTH HEIGHT DISTINCT_COLOURS LUMA_STDDEV" for a PNG, so end-to-end tests
// can tell a rendered frame from a blank one without an image library in the shell.
#include <stb_image.h>

#include <cmath>
#include <cstdio>
#include <unordered_set>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: image_stats FILE.png\n");
    return 1;
  }
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(argv[1], &width, &height, &channels, 4);
  if (pixels == nullptr) {
    std::fprintf(stderr, "image_stats: %s: %s\n", argv[1], stbi_failure_reason());
    return 2;
  }
  std::unordered_set<unsigned> colours;
  double sum = 0.0, sum_sq = 0.0;
  const size_t count = static_cast<size_t>(width) * static_cast<size_t>(height);
  for (size_t i = 0; i < count; ++i) {
    const unsigned char* p = pixels + i * 4;
    colours.insert(static_cast<unsigned>(p[0]) << 16 | static_cast<unsigned>(p[1]) << 8 | p[2]);
    const double luma = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
    sum += luma;
    sum_sq += luma * luma;
  }
  stbi_image_free(pixels);
  const double n = count > 0 ? static_cast<double>(count) : 1.0;
  const double mean = sum / n;
  std::printf("%d %d %zu %.2f\n", width, height, colours.size(),
              std::sqrt(std::max(0.0, sum_sq / n - mean * mean)));
  return 0;
}
