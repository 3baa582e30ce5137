package glfw

/*
#include "glfw/src/platform.c"
#include "glfw/src/context.c"
#include "glfw/src/null_init.c"
#include "glfw/src/init.c"
#include "glfw/src/input.c"
#include "glfw/src/null_joystick.c"
#include "glfw/src/null_monitor.c"
#include "glfw/src/monitor.c"
#include "glfw/src/vulkan.c"
#include "glfw/src/null_window.c"
#include "glfw/src/window.c"
#include "glfw/src/osmesa_context.c"

extern int glfwGetPlatform(void);
extern int glfwPlatformSupported(int platform);
*/
import "C"
