// Package syncer is the app's side of the hub: the station's keys, an HTTPS
// client over package wire that verifies the hub's certificate, and the
// worker that empties the outbox (images first, then the version), pulls
// the feed and applies what it brings, and on a kiosk forgets candidates
// the hub has confirmed. It holds no Fyne: screens read its Status and call
// SendNow; everything here runs off the UI goroutine.
package syncer
