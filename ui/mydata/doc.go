// Package mydata is 我的数据 on a candidate station: a copy of everything
// the station holds about the signed-in person, as one zip, and the
// deletion of all of it from this station after the password is typed
// again (PIPL art. 45 and 47).
package mydata
