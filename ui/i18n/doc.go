// Package i18n is the UI's language: the translator over the embedded
// zh/en string tables, the user-facing text of every error storage and the
// domain rules return, and the choice of language from the flag or the
// system. It knows no screen.
package i18n
