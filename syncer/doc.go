// Package syncer is the app's side of the hub: an HTTPS client over package
// wire that verifies the hub's certificate, and the worker that empties the
// outbox (images first, then the version), pulls the feed and applies what
// it brings, and on a kiosk forgets candidates the hub has confirmed. The
// station signs with the keys package caijipkg made at its first start. It
// holds no Fyne: screens read its Status and call SendNow; everything here
// runs off the UI goroutine.
package syncer
