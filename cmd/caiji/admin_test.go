package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"caiji/storage"
)

func TestAdminInit(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	in := strings.NewReader("120101198512319986\n王管理\nReview12!\nReview12!\n")
	if err := adminMain([]string{"init", "-data", dir}, in, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	s, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if k, _ := s.Station(context.Background()); k != storage.StationReview {
		t.Fatalf("station %s", k)
	}
	a, err := s.Login(context.Background(), "120101198512319986", "Review12!")
	if err != nil || a.Account.Role != storage.RoleAdmin {
		t.Fatalf("admin login: %+v %v", a, err)
	}
}

func TestAdminInitRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	in := strings.NewReader("120101198512319980\n王管理\nshort\nshort\n")
	if err := adminMain([]string{"init", "-data", dir}, in, &out); err == nil {
		t.Fatal("accepted a wrong ID number and a short password")
	}
	if !strings.Contains(out.String(), "校验位") || !strings.Contains(out.String(), "8–20") {
		t.Fatalf("messages: %s", out.String())
	}
	if err := adminMain([]string{"setup"}, strings.NewReader(""), &out); err == nil {
		t.Fatal("unknown subcommand accepted")
	}
}
