// Package ui is Caiji's Fyne front end: the window, the step navigator, one
// file per step, the widgets they share and the theme with the embedded CJK
// font. Only cmd/caiji imports it. Screens keep the widgets they own as struct
// fields, so tests drive them with fyne.io/fyne/v2/test (type, tap) and assert
// on what they show, without a display.
package ui
