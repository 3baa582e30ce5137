// Package report makes the documents a person takes away from Caiji: the
// printable 信息采集表 (a one-record A4 PDF with the photo, the decision
// and a QR code that matches the paper to the record version) and the
// 我的数据 archive (a zip of everything held about the person).
//
// It imports domain and assets only: no Fyne, no SQL. The caller reads the
// stored bytes (the snapshot, the photo, the decision) and hands them over,
// so the same code serves a candidate station, a review station and the
// hub.
package report
