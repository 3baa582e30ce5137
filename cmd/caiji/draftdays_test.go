package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"caiji/storage"
)

// The kiosk's staff sets how long drafts are kept; a wrong password or a
// number out of range changes nothing.
func TestKioskDraftDays(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	const staff = "120101198512319986"
	if err := kioskCommand([]string{"init", "-data", dir}, strings.NewReader(staff+"\n王老师\nKiosk123!\nKiosk123!\n"), &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	set := func(password string, days string) error {
		return kioskCommand([]string{"draft-days", "-data", dir, "-id", staff, days}, strings.NewReader(password+"\n"), &out)
	}
	if err := set("Kiosk123!", "30"); err != nil {
		t.Fatal(err)
	}
	if err := set("wrong-one1!", "3"); !errors.Is(err, storage.ErrBadCredentials) {
		t.Fatalf("wrong password: %v", err)
	}
	if err := set("Kiosk123!", "0"); !errors.Is(err, storage.ErrBadDraftDays) {
		t.Fatalf("0 days: %v", err)
	}
	if err := set("Kiosk123!", "many"); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Fatalf("not a number: %v", err)
	}
	s, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if info, _ := s.StationInfo(context.Background()); info.DraftDays != 30 {
		t.Fatalf("drafts kept %d days, want 30", info.DraftDays)
	}
}
