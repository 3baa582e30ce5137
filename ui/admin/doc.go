// Package admin is the administrator's screen of a review station: its
// reviewers, their 会计管理部门 (cities or counties), disable and enable.
package admin
