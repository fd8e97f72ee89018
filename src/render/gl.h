// The one place that includes OpenGL headers: OpenGL 3.3 core natively, WebGL2 (OpenGL ES 3.0)
// under Emscripten. Render code includes this instead of a platform header.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <GL/gl.h>
#endif
