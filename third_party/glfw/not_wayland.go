//go:build (linux || freebsd || netbsd || openbsd) && x11 && !wayland

package glfw

const WAYLAND = false
