// Package storage keeps Caiji's data in one SQLite file (caiji.db) in the
// data folder: accounts, collection records, attachments and the append-only
// event log. It never imports Fyne. Every call that touches a record takes
// the acting account and refuses what that account may not do, so the rules
// hold even when a screen forgets to hide a button.
package storage
