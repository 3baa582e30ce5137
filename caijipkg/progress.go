package caijipkg

// Stage says what a progress report is about.
type Stage int

const (
	Writing   Stage = iota // Writer: items written so far
	Verifying              // Verify: the first pass, nothing handed out yet
	Reading                // Walk: items handed to the caller
)

// Progress is reported after each item, for a progress bar. Bytes counts the
// package file written or read so far; Total is the file's size when
// reading (the bar's 100 %) and 0 when writing, where the caller knows how
// many items it is exporting.
type Progress struct {
	Stage Stage
	Items int
	Bytes int64
	Total int64
}
