// Package candidate is the candidate's side of the collection: the record
// being edited (saved field by field, pre-audited after each save) and the
// screens of its steps, from 实名认证 to 审核结果. A Collection is built for
// one session and talks to the window only through Host.
package candidate
