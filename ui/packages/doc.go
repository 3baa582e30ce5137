// Package packages is the staff's 数据包 screen for stations that never go
// online: on a review station its department recipient (with a copy
// button), importing kiosks' packages and exporting decisions back; on a
// kiosk the departments' recipients, exporting submissions and importing
// decisions. The work is package exchange's, run off the UI goroutine with
// a progress bar.
package packages
