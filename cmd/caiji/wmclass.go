package main

import (
	"fyne.io/fyne/v2"

	"github.com/go-gl/glfw/v3.4/glfw"
)

// wmInstance is the instance half of the X11 WM_CLASS, the command's name.
const wmInstance = "caiji"

// setWindowClass makes the X11 WM_CLASS of the windows created next
// "caiji", "<app name>" instead of GLFW's default, the window title: docks
// and task bars match a window to its launcher by this class (the desktop
// entry's StartupWMClass). GLFW keeps window hints until it is terminated and
// Fyne never resets them, so setting them once after GLFW started (the first
// NewWindow does that) and before the window is shown is enough. Other
// platforms ignore these hints. It must run on the main goroutine, which Fyne
// locks to the main thread.
func setWindowClass(a fyne.App) {
	glfw.WindowHintString(glfw.X11ClassName, a.Metadata().Name)
	glfw.WindowHintString(glfw.X11InstanceName, wmInstance)
}
