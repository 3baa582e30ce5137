// Package widgets holds the inputs Caiji's screens share and that need no
// App, session or record: the image picker (behind an ImageStore, for one
// record of one session), the searchable division select, the month entry,
// the entry that saves on leaving it, the labelled field with its message
// and the wrapping check box, and the controls as a keyboard user needs
// them: a button that Enter presses, a button and check box whose focus
// shows as a ring, a search box whose list opens as one types. Screens give
// them what to show and a function to call back; the widgets know nothing
// of storage.
package widgets
