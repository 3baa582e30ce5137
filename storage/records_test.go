package storage

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"syscall"
	"testing"
	"time"

	"caiji/domain"
	"caiji/domain/domaintest"
)

func TestRecordLifecycle(t *testing.T) {
	s, _ := openTemp(t)
	s.SetClock(func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, domain.Shanghai) })
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, err := s.MyRecord(ctx, me)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Basic.Name != "张三" || rec.Basic.Gender != domain.Male || rec.Basic.Birth != domain.NewMonth(1990, 3) || rec.Status != domain.StatusDraft {
		t.Fatalf("new record %+v", rec.Basic)
	}
	again, _ := s.MyRecord(ctx, me)
	if again.ID != rec.ID {
		t.Fatal("a second record was created")
	}
	// A field edit bumps the version and is one event.
	rec, err = s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Scopes = []domain.Scope{domain.ScopeExam} })
	if err != nil || rec.Version != 2 {
		t.Fatalf("update: %v, version %d", err, rec.Version)
	}
	// An edit that changes nothing writes nothing.
	if same, _ := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {}); same.Version != 2 {
		t.Fatalf("no-op edit moved the version to %d", same.Version)
	}
	// Identity, workflow and real-name fields are refused, whole.
	for field, edit := range map[string]func(*domain.Record){
		"basic.name":      func(r *domain.Record) { r.Basic.Name = "李四"; r.Committed = true },
		"status":          func(r *domain.Record) { r.Status = domain.StatusApproved },
		"realname.status": func(r *domain.Record) { r.RealName.Status = domain.RealNameVerified },
	} {
		var lf *domain.LockedFieldError
		if _, err := s.UpdateRecord(ctx, me, rec.ID, edit); !errors.As(err, &lf) || lf.Field != field {
			t.Errorf("edit of %s: %v", field, err)
		}
	}
	if rec, _ = s.MyRecord(ctx, me); rec.Basic.Name != "张三" || rec.Status != domain.StatusDraft || rec.Committed {
		t.Fatalf("a refused edit was saved: %+v", rec)
	}
	// Submitting with errors is refused.
	if _, err := s.Submit(ctx, me, rec.ID, domaintest.Catalog(t)); !errors.Is(err, ErrHasErrors) {
		t.Fatalf("submit with errors: %v", err)
	}
	rec, err = s.UpdateRecord(ctx, me, rec.ID, filled(t, s, me, rec.ID))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := s.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil || sub.Status != domain.StatusSubmitted || sub.Version != rec.Version+1 {
		t.Fatalf("submit: %v %+v", err, sub)
	}
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = false }); !errors.Is(err, ErrNotEditable) {
		t.Fatalf("edit after submit: %v", err)
	}
	// The snapshot and the events cannot be changed.
	if _, err := s.db.Exec("UPDATE snapshots SET data = '{}'"); err == nil {
		t.Fatal("snapshot updated")
	}
	if _, err := s.db.Exec("DELETE FROM events"); err == nil {
		t.Fatal("events deleted")
	}
	var snap string
	s.db.QueryRow("SELECT data FROM snapshots WHERE version = ?", sub.Version).Scan(&snap)
	var fromSnap domain.Record
	json.Unmarshal([]byte(snap), &fromSnap)
	if !reflect.DeepEqual(&fromSnap, sub) {
		t.Fatal("snapshot differs from the submitted record")
	}
	// The log replays to the current record.
	events, err := s.Events(ctx, me, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if events[0].Kind != "created" || events[len(events)-1].Kind != "submitted" {
		t.Fatalf("events %v … %v", events[0].Kind, events[len(events)-1].Kind)
	}
	replayed, err := Replay(events)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(replayed, sub) {
		a, _ := json.Marshal(replayed)
		b, _ := json.Marshal(sub)
		t.Fatalf("replay differs:\n%s\n%s", a, b)
	}
}

func TestCandidateCannotReachOthersRecords(t *testing.T) {
	s, _ := openTemp(t)
	alice := candidate(t, s, "110101199003079913", "13800138000")
	bob := candidate(t, s, "440305200002299920", "13900139000")
	rec, _ := s.MyRecord(ctx, alice)
	facts := put(t, s, alice, rec.ID, domain.AttPhoto, photoBytes())
	if _, err := s.UpdateRecord(ctx, bob, rec.ID, func(r *domain.Record) { r.Committed = true }); !errors.Is(err, ErrForbidden) {
		t.Errorf("bob edits alice's record: %v", err)
	}
	if _, err := s.Events(ctx, bob, rec.ID); !errors.Is(err, ErrForbidden) {
		t.Errorf("bob reads alice's history: %v", err)
	}
	if _, err := s.Submit(ctx, bob, rec.ID, domaintest.Catalog(t)); !errors.Is(err, ErrForbidden) {
		t.Errorf("bob submits alice's record: %v", err)
	}
	if _, err := s.PutAttachment(ctx, bob, rec.ID, domain.AttPhoto, photoBytes(), domaintest.Catalog(t).Photo); !errors.Is(err, ErrForbidden) {
		t.Errorf("bob attaches to alice's record: %v", err)
	}
	if _, err := s.Attachment(ctx, bob, facts.SHA256); !errors.Is(err, ErrNotFound) {
		t.Errorf("bob reads alice's photo: %v", err)
	}
	if data, err := s.Attachment(ctx, alice, facts.SHA256); err != nil || len(data) != facts.Bytes {
		t.Errorf("alice reads her photo: %v", err)
	}
	bobs, _ := s.MyRecord(ctx, bob)
	if bobs.ID == rec.ID {
		t.Fatal("bob got alice's record")
	}
}

// TestKilledMidSaveKeepsAcknowledged runs a child process that saves a
// stream of field changes and prints each acknowledged version, kills it
// with SIGKILL in the middle, and checks the database: intact, holding at
// least every acknowledged change, and its events replay to the record.
func TestKilledMidSaveKeepsAcknowledged(t *testing.T) {
	if dir := os.Getenv("CAIJI_SAVE_STREAM"); dir != "" {
		saveStream(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledMidSaveKeepsAcknowledged$")
	cmd.Env = append(os.Environ(), "CAIJI_SAVE_STREAM="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	acked := 0
	for sc.Scan() {
		if v, err := strconv.Atoi(sc.Text()); err == nil {
			acked = v
		}
		if acked >= 150 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if acked < 150 {
		t.Fatalf("child acknowledged only %d saves", acked)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	me := signIn(t, s, "13800138000", "Abcdef12!")
	rec, _ := s.MyRecord(ctx, me)
	if rec.Version < acked {
		t.Fatalf("version %d after %d acknowledged saves", rec.Version, acked)
	}
	want := fmt.Sprintf("北京市海淀区中关村大街%d号", rec.Version)
	if len(rec.Work) != 1 || rec.Work[0].Address != want {
		t.Fatalf("last saved value lost: %+v", rec.Work)
	}
	events, _ := s.Events(ctx, me, rec.ID)
	replayed, err := Replay(events)
	if err != nil || !reflect.DeepEqual(replayed, rec) {
		t.Fatalf("replay after the kill differs: %v", err)
	}
	t.Logf("killed after %d acknowledged saves; database at version %d", acked, rec.Version)
}

// saveStream is the child: it saves forever, printing each acknowledged version.
func saveStream(dir string) {
	s, err := Open(dir)
	if err != nil {
		panic(err)
	}
	in, err := s.Register(ctx, reg("110101199003079913", "13800138000"))
	if err != nil {
		panic(err)
	}
	me := in.Session
	rec, _ := s.MyRecord(ctx, me)
	rec, _ = s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Work = []domain.Work{{Employer: "北京示例有限公司"}} })
	for {
		next := rec.Version + 1
		rec, err = s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {
			r.Work[0].Address = fmt.Sprintf("北京市海淀区中关村大街%d号", next)
		})
		if err != nil {
			panic(err)
		}
		fmt.Println(rec.Version)
	}
}
