// Package export takes documents out of Caiji for a signed-in session: the
// 信息采集表 PDF and the 我的数据 archive. Documents are made off the UI
// goroutine and saved with a file dialog, then offered to the system
// viewer; on a kiosk, shared by strangers, they go to removable media or
// the printer only, and any file made for the printer is removed when the
// session ends.
package export
