// Package glfwx11 checks Caiji's patched GLFW (third_party/glfw) on X11: an
// event the input method consumed must not reach the app. It stands in for
// an input method the way libX11's own XIM client does, by registering an
// event filter on the window, and replays the key events of typing pinyin;
// the test then reads what GLFW's key and character callbacks — the whole
// input Fyne's entries get — received. The package holds nothing the app
// uses; its tests need an X server (Xvfb is started when DISPLAY is unset).
package glfwx11
