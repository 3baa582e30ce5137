package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"caiji/domain"
	"caiji/storage"
	"caiji/storage/storagetest"
)

// caiji runs one command line as the terminal would and returns its output.
func caiji(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := commands[args[0]](args[1:], strings.NewReader(stdin), &out)
	t.Logf("$ caiji %s\n%s%v", strings.Join(args, " "), out.String(), err)
	return out.String(), err
}

// The commands a department and a kiosk run, end to end: the department's
// recipient file, the kiosk set to it, the export, the import with the
// station accepted by its fingerprint, and the decisions back.
func TestPackageCommands(t *testing.T) {
	kioskDir, reviewDir, stick := t.TempDir(), t.TempDir(), t.TempDir()
	if _, err := caiji(t, "王管理\nKiosk123!\nKiosk123!\n", "kiosk", "init", "-data", kioskDir, "-id", "120101198512319986"); err != nil {
		t.Fatal(err)
	}
	if _, err := caiji(t, "王管理\nReview12!\nReview12!\n", "admin", "init", "-data", reviewDir, "-id", "120101198512319986"); err != nil {
		t.Fatal(err)
	}
	if _, err := caiji(t, "", "admin", "recipient", "-data", kioskDir); err == nil {
		t.Fatal("a kiosk printed a department recipient")
	}
	deptFile := filepath.Join(stick, "dept.txt")
	if _, err := caiji(t, "", "admin", "recipient", "-data", reviewDir, "-o", deptFile); err != nil {
		t.Fatal(err)
	}
	out, err := caiji(t, "", "kiosk", "recipient", "add", "-data", kioskDir, "-departments", "110108", "-file", deptFile)
	if err != nil || !strings.Contains(out, "110108  age1") {
		t.Fatalf("%s %v", out, err)
	}

	k, err := storage.Open(kioskDir)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range []string{"110101198805121234", "110108199201014568", "110105198702112349"} {
		storagetest.Submitted(t, k, id, "张三", "1380000000"+string(rune('1'+i)))
	}
	k.Close()

	if out, err = caiji(t, "", "export", "-data", kioskDir, "-to", stick, "-since", "24h"); err != nil || !strings.Contains(out, "3 项 items") {
		t.Fatalf("%s %v", out, err)
	}
	pkg := regexp.MustCompile(`\S+\.caiji`).FindString(out)
	out, err = caiji(t, "", "import", "-data", reviewDir, pkg)
	fp := regexp.MustCompile(`-accept (\S+)`).FindStringSubmatch(err.Error())
	if fp == nil || !strings.Contains(out, "签名密钥指纹 fingerprint "+fp[1]) {
		t.Fatalf("an unknown station was not shown with its fingerprint: %v", err)
	}
	if _, err := caiji(t, "", "import", "-data", reviewDir, "-accept", "0000-0000-0000-0000-0000", pkg); err == nil {
		t.Fatal("a wrong fingerprint was accepted")
	}
	if out, err = caiji(t, "", "import", "-data", reviewDir, "-accept", fp[1], pkg); err != nil || !strings.Contains(out, "3 new, 0 already present") {
		t.Fatalf("%s %v", out, err)
	}
	if out, err = caiji(t, "", "import", "-data", reviewDir, pkg); err != nil || !strings.Contains(out, "0 new, 3 already present") {
		t.Fatalf("%s %v", out, err)
	}

	r, err := storage.Open(reviewDir)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := r.Login(context.Background(), "120101198512319986", "Review12!")
	if err != nil {
		t.Fatal(err)
	}
	storagetest.NewReviewer(t, r, admin.Session, "440305200002299920", "李审核", "Review12!", []string{"110108"})
	rev, err := r.Login(context.Background(), "440305200002299920", "Review12!")
	if err != nil {
		t.Fatal(err)
	}
	q, err := r.Queue(context.Background(), rev.Session, storage.QueueFilter{})
	if err != nil || len(q) != 3 {
		t.Fatalf("queue %v %v", q, err)
	}
	if err := r.Decide(context.Background(), rev.Session, q[0].RecordID, q[0].Version, storage.Decision{Reasons: []string{"R02"}, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	r.Close()

	back := t.TempDir()
	if out, err = caiji(t, "", "export", "-data", reviewDir, "-to", back); err != nil || !strings.Contains(out, "1 项 items") {
		t.Fatalf("%s %v", out, err)
	}
	dec := regexp.MustCompile(`\S+\.caiji`).FindString(out)
	_, err = caiji(t, "", "import", "-data", kioskDir, dec)
	fp = regexp.MustCompile(`-accept (\S+)`).FindStringSubmatch(err.Error())
	if out, err = caiji(t, "", "import", "-data", kioskDir, "-accept", fp[1], dec); err != nil || !strings.Contains(out, "1 candidates' data deleted") || !strings.Contains(out, "R02") {
		t.Fatalf("%s %v", out, err)
	}
	if out, err = caiji(t, "", "export", "-data", kioskDir, "-to", t.TempDir()); err != nil || !strings.Contains(out, "2 项 items") {
		t.Fatalf("%s %v", out, err)
	}
}
