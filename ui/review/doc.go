// Package review is the reviewer's side: the queue of their departments'
// submitted records and the screen where one is judged — every field and
// image beside the pre-audit's findings, and the decision. Each screen is
// built for one reviewer's session; storage decides what it may see.
package review
