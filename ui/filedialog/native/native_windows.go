package native

import (
	"context"
	"runtime"
	"strings"
	"syscall"
	"unicode/utf16"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	comdlg32          = windows.NewLazySystemDLL("comdlg32.dll")
	getOpenFileName   = comdlg32.NewProc("GetOpenFileNameW")
	commDlgError      = comdlg32.NewProc("CommDlgExtendedError")
	user32            = windows.NewLazySystemDLL("user32.dll")
	enumThreadWindows = user32.NewProc("EnumThreadWindows")
	postMessage       = user32.NewProc("PostMessageW")
)

// openFileName is OPENFILENAMEW (commdlg.h).
type openFileName struct {
	structSize    uint32
	owner         uintptr
	instance      uintptr
	filter        *uint16
	customFilter  *uint16
	maxCustFilter uint32
	filterIndex   uint32
	file          *uint16
	maxFile       uint32
	fileTitle     *uint16
	maxFileTitle  uint32
	initialDir    *uint16
	title         *uint16
	flags         uint32
	fileOffset    uint16
	fileExtension uint16
	defExt        *uint16
	custData      uintptr
	hook          uintptr
	templateName  *uint16
	reserved      uintptr
	reservedDW    uint32
	flagsEx       uint32
}

const (
	ofnHideReadOnly    = 0x00000004
	ofnNoChangeDir     = 0x00000008
	ofnPathMustExist   = 0x00000800
	ofnFileMustExist   = 0x00001000
	ofnExplorer        = 0x00080000
	ofnDontAddToRecent = 0x02000000
	wmClose            = 0x0010
)

// Open shows Windows' common Open dialog (GetOpenFileNameW, through
// golang.org/x/sys/windows: no cgo), in the system's language, filtered to
// the image extensions, starting in start, owned by the window and adding
// nothing to the recent files. Ending ctx closes it. Cancelling answers "".
func Open(ctx context.Context, r Request) (string, error) {
	runtime.LockOSThread() // the dialog's windows belong to this thread
	defer runtime.UnlockOSThread()
	thread := windows.GetCurrentThreadId()
	stop := context.AfterFunc(ctx, func() { closeThreadWindows(thread) })
	defer stop()

	patterns := "*" + strings.Join(Exts, ";*")
	filter := utf16z(r.FilterName + " (" + patterns + ")\x00" + patterns + "\x00")
	file := make([]uint16, windows.MAX_LONG_PATH)
	ofn := openFileName{owner: r.Parent, filter: &filter[0], filterIndex: 1, file: &file[0], maxFile: uint32(len(file)),
		initialDir: &utf16z(r.Start)[0], title: &utf16z(r.Title)[0],
		flags: ofnExplorer | ofnFileMustExist | ofnPathMustExist | ofnHideReadOnly | ofnNoChangeDir | ofnDontAddToRecent}
	ofn.structSize = uint32(unsafe.Sizeof(ofn))
	ok, _, _ := getOpenFileName.Call(uintptr(unsafe.Pointer(&ofn)))
	if ok == 0 {
		if code, _, _ := commDlgError.Call(); code != 0 {
			return "", ErrUnavailable
		}
		return "", nil // 取消, or closed at sign-out
	}
	return windows.UTF16ToString(file), nil
}

// utf16z is s as a NUL-terminated UTF-16 string (s may hold NULs of its
// own, as a filter does).
func utf16z(s string) []uint16 { return append(utf16.Encode([]rune(s)), 0) }

// closeWindow asks a window to close (an EnumThreadWindows callback; made
// once, as Windows callbacks are never freed).
var closeWindow = syscall.NewCallback(func(hwnd, _ uintptr) uintptr {
	postMessage.Call(hwnd, wmClose, 0, 0)
	return 1
})

// closeThreadWindows asks every window of thread (the dialog) to close.
func closeThreadWindows(thread uint32) { enumThreadWindows.Call(uintptr(thread), closeWindow, 0) }

// knownFolders are the Windows known folders of the user folders.
var knownFolders = map[string]*windows.KNOWNFOLDERID{Pictures: windows.FOLDERID_Pictures, Desktop: windows.FOLDERID_Desktop, Downloads: windows.FOLDERID_Downloads}

// UserDir is the known folder of kind (图片, 桌面, 下载 as the system names
// them), wherever the user moved it.
func UserDir(kind string) string {
	dir, err := windows.KnownFolderPath(knownFolders[kind], 0)
	if err != nil {
		return homeDir(kind)
	}
	return dir
}
