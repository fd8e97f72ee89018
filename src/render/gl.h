// The one place that includes OpenGL headers: OpenGL 3.3 core natively, WebGL2 (OpenGL ES 3.0)
// under Emscripten. Render code includes this instead of a platform header. Natively the 3.3
// entry points come straight from libGL (GLVND exports every core function), so no loader.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#endif
