// Package ui is Caiji's window: the navigator (tabs found by key, never by
// their translated titles), the 账户 screen, and the lifecycle of a
// signed-in session — sign-in, sign-out by the button, the kiosk's idle
// timer or closing the window — with the screens built for it. What the
// screens do lives below:
//
//	ui/candidate  the candidate's record and steps (实名认证 … 审核结果)
//	ui/review     the reviewer's queue and case
//	ui/admin      the administrator's reviewers
//	ui/history    a record's timeline, for candidate and reviewer
//	ui/session    a signed-in session as a value
//	ui/widgets    inputs that need no App: picker, division select, month entry
//	ui/i18n       the translator and the text of errors
//
// Only cmd/caiji imports ui. Screens keep the widgets they own as struct
// fields, so tests drive them with fyne.io/fyne/v2/test (type, tap) and
// assert on what they show, without a display.
package ui
