// Package widgets holds the inputs Caiji's screens share and that need no
// App, session or record: the image picker (behind an ImageStore, for one
// record of one session), the searchable division select, the month entry,
// the entry that saves on leaving it, the labelled field with its message
// and the wrapping check box. Screens give them what to show and a
// function to call back; the widgets know nothing of storage.
package widgets
