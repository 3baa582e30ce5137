// Package exchange carries a station's records on a USB stick as .caiji
// packages (package caijipkg) when the station never goes online: a kiosk
// or candidate station exports its submitted versions not yet confirmed,
// one package per department, each encrypted to that department's
// recipient only; the review station imports them into its queue exactly as
// if they had come from the hub, and exports its decisions back, encrypted
// to the station each version came from, which applies them as the sync
// client applies the hub's and, on a kiosk, forgets the candidates.
//
// It joins caijipkg (the file), storage (one transaction per package) and
// the domain's pre-audit and photo checks (the same code the hub runs on
// what it receives). The command line (`caiji export`, `caiji import`) and
// the staff screens call it; it holds no Fyne.
package exchange
