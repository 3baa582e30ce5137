package exchange

import (
	"os"
	"testing"

	"caiji/domain"
	"caiji/storage"
	"caiji/storage/storagetest"
)

func TestZZDemo(t *testing.T) {
	dir := os.Getenv("DEMO_KIOSK")
	if dir == "" {
		t.Skip()
	}
	st, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if os.Getenv("DEMO_ALT") != "" {
		storagetest.Submitted(t, st, "110101199003079913", "钱七", "13800000011")
		storagetest.Submitted(t, st, "440305200002299920", "孙八", "13800000012")
		return
	}
	for i, c := range candidates {
		storagetest.Submitted(t, st, c.id, []string{"张三", "李四", "王五"}[i], c.phone)
	}
	storagetest.Submitted(t, st, "440305199507077893", "赵六", "13800000004", func(r *domain.Record) {
		r.Department = domain.Department{Province: "440000", City: "440300", County: "440305"}
	})
}

func TestZZDecide(t *testing.T) {
	dir := os.Getenv("DEMO_REVIEW")
	if dir == "" {
		t.Skip()
	}
	st, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in, err := st.Login(ctx, "120101198512319986", "Review12!")
	if err != nil {
		t.Fatal(err)
	}
	admin := in.Session
	if _, err := st.CreateReviewer(ctx, admin, domain.Registration{IDType: domain.IDMainland, IDNumber: storagetest.Reviewer, Name: "李审核", Password: storagetest.Password, Confirm: storagetest.Password}, []string{"110108"}); err != nil {
		t.Fatal(err)
	}
	rev := storagetest.SignIn(t, st, storagetest.Reviewer)
	q, err := st.Queue(ctx, rev, storage.QueueFilter{})
	if err != nil || len(q) != 3 {
		t.Fatal(q, err)
	}
	if err := st.Decide(ctx, rev, q[0].RecordID, q[0].Version, storage.Decision{Pass: true, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	if err := st.Decide(ctx, rev, q[1].RecordID, q[1].Version, storage.Decision{Reasons: []string{"R02"}, Comment: "照片背景不是白色", RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
}
