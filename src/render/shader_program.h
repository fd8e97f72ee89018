// Compiles the embedded GLSL sources (shaders/, one body for both targets) into a program: the
// `#version` line and precision qualifiers are prepended at run time (GLSL 330 core natively,
// GLSL ES 300 for WebGL2), then the shared includes, then the stage's body.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/gl.h"

namespace dramatis::render {

// The source of an embedded shader file by its name in shaders/ ("graph_node.vert"); empty when
// there is none.
std::string_view shader_source(std::string_view name);

class ShaderProgram {
 public:
  ShaderProgram() = default;
  ~ShaderProgram();
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;

  // Builds from the named vertex and fragment files, each preceded by the `includes`. Attribute
  // names are bound to locations 0, 1, ... in the order given (ES 300 has no layout(location) on
  // vertex inputs in every driver we target). Returns false and fills error() on failure.
  bool build(std::string_view vertex_file, std::string_view fragment_file,
             const std::vector<std::string_view>& includes,
             const std::vector<const char*>& attributes);

  GLuint id() const { return program_; }
  const std::string& error() const { return error_; }

 private:
  GLuint program_ = 0;
  std::string error_;
};

}  // namespace dramatis::render
