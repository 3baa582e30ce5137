; Caiji's Windows installer, built on Linux with makensis (Debian's nsis).
; Per-user: installs under %LOCALAPPDATA%\Programs without administrator rights,
; so candidates can install on their own PCs. The Makefile defines APP_NAME,
; APP_ID, VERSION, VERSION4, SRC (folder with the files) and OUTFILE.
;   /S            silent install (desktop shortcut included)
;   /D=FOLDER     install folder (last on the command line)
; Uninstall.exe /S keeps the data folder; add /REMOVEDATA to delete it too.

Target amd64-unicode ; a 64-bit installer for a 64-bit app (runs under 64-bit-only Wine too)
ManifestDPIAware true
ManifestSupportedOS Win10
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 64 ; both executables share most bytes: one dictionary holds them

!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SHORTCUT "采集 ${APP_NAME}.lnk"
!define DATA_DIR "$APPDATA\${APP_NAME}"          ; storage.DefaultDir: os.UserConfigDir()\Caiji
!define FYNE_SETTINGS "$APPDATA\fyne\${APP_ID}" ; Fyne's preferences for this app

Name "${APP_NAME} ${VERSION}"
Caption "$(caption)"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "Software\${APP_NAME}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "The ${APP_NAME} developers"

!define MUI_ICON "${SRC}\caiji.ico"
!define MUI_UNICON "${SRC}\caiji.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\Caiji.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; Windows in any other language than
; Chinese gets English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString caption ${LANG_SIMPCHINESE} "采集 ${APP_NAME} ${VERSION} 安装"
LangString caption ${LANG_ENGLISH} "${APP_NAME} ${VERSION} Setup"
LangString secProgram ${LANG_SIMPCHINESE} "采集程序（含开始菜单快捷方式）"
LangString secProgram ${LANG_ENGLISH} "Caiji (with a Start menu shortcut)"
LangString secDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString secDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString keepData ${LANG_SIMPCHINESE} "是否保留数据文件夹？$\r$\n$\r$\n${DATA_DIR}$\r$\n$\r$\n其中有本机的全部采集记录、照片和账户。重新安装后可继续使用。选择“否”将永久删除。"
LangString keepData ${LANG_ENGLISH} "Keep the data folder?$\r$\n$\r$\n${DATA_DIR}$\r$\n$\r$\nIt holds every record, photo and account on this PC, and a new installation uses it again. No deletes it for good."

Section "!$(secProgram)" SecProgram
	SectionIn RO
	SetOutPath "$INSTDIR"
	File "${SRC}\Caiji.exe"
	File "${SRC}\caiji-cli.exe"
	File "${SRC}\THIRD_PARTY.txt"
	WriteUninstaller "$INSTDIR\Uninstall.exe"
	CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\Caiji.exe"

	WriteRegStr HKCU "Software\${APP_NAME}" "InstallDir" "$INSTDIR"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "采集 ${APP_NAME}"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "The ${APP_NAME} developers"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\Caiji.exe"
	WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
	WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
	${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
	WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(secDesktop)" SecDesktop
	CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\Caiji.exe"
SectionEnd

Section "Uninstall"
	Delete "$INSTDIR\Caiji.exe"
	Delete "$INSTDIR\caiji-cli.exe"
	Delete "$INSTDIR\THIRD_PARTY.txt"
	Delete "$INSTDIR\Uninstall.exe"
	RMDir "$INSTDIR"
	Delete "$SMPROGRAMS\${SHORTCUT}"
	Delete "$DESKTOP\${SHORTCUT}"
	DeleteRegKey HKCU "${UNINST_KEY}"
	DeleteRegKey HKCU "Software\${APP_NAME}"
	RMDir /r "${FYNE_SETTINGS}"

	; The data folder is the candidates' work: kept unless the user says so.
	${GetParameters} $0
	ClearErrors
	${GetOptions} $0 "/REMOVEDATA" $1
	${IfNot} ${Errors}
		RMDir /r "${DATA_DIR}"
	${ElseIf} ${FileExists} "${DATA_DIR}\*.*"
		MessageBox MB_YESNO|MB_ICONQUESTION "$(keepData)" /SD IDYES IDYES keep
		RMDir /r "${DATA_DIR}"
		keep:
	${EndIf}
SectionEnd
