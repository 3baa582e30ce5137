// Package domain holds the rules of 会计人员信息采集 as pure Go: identifiers, the
// collection record, the pre-audit, the workflow, calendars and the reference
// data parsers. It imports neither Fyne nor database/sql, so the candidate's
// screens, the reviewer's screens and the tests all share one truth.
package domain
