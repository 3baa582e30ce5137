package main

import (
	"debug/pe"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// cliName is the console build of this program that the Windows installer
// puts beside Caiji.exe for the command-line subcommands.
const cliName = "caiji-cli.exe"

// redirectToConsoleBuild handles a subcommand given to Caiji.exe, which is a
// GUI program: cmd.exe and PowerShell neither wait for it nor give it their
// console, so a password prompt could never be answered. It borrows the
// parent's console to say which program to run instead and reports true. The
// console build (caiji-cli.exe) gets false and runs the subcommand.
func redirectToConsoleBuild() bool {
	exe, err := os.Executable()
	if err != nil || !guiSubsystem(exe) {
		return false
	}
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if ok, _, _ := attach.Call(attachParentProcess); ok != 0 {
		if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = out
		}
	}
	cli := filepath.Join(filepath.Dir(exe), cliName)
	fmt.Fprintf(os.Stderr, "\r\n%s 是图形界面程序；命令行请用 Use the console program for commands:\r\n  \"%s\" %s\r\n",
		filepath.Base(exe), cli, windows.ComposeCommandLine(os.Args[1:]))
	return true
}

// guiSubsystem reports whether the executable was linked for the Windows GUI
// subsystem (-H windowsgui), read from its PE header.
func guiSubsystem(exe string) bool {
	f, err := pe.Open(exe)
	if err != nil {
		return false
	}
	defer f.Close()
	h, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	return ok && h.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
}
