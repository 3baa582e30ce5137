package mydata

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/storage/storagetest"
	"caiji/ui/i18n"
	"caiji/ui/session"
	"caiji/wire"

	"fyne.io/fyne/v2/test"
)

const idNumber = "110101199003079913"

// station is a candidate station's data folder with a submitted candidate
// signed in to 我的数据.
type station struct {
	dir     string
	store   *storage.Store
	screen  *Screen
	deleted string // the account the screen reported deleted
}

func (s *station) Deleted(account string) { s.deleted = account }

func newStation(t *testing.T) *station {
	t.Helper()
	test.NewTempApp(t)
	st := &station{dir: t.TempDir()}
	var err error
	if st.store, err = storage.Open(st.dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.store.Close() })
	storagetest.Submitted(t, st.store, idNumber, "张三", "13800138000")
	in, err := st.store.Login(t.Context(), idNumber, storagetest.Password)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := i18n.NewTranslator(i18n.LangZh)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	sess := session.New(st.store, domaintest.Catalog(t), tr, w, in)
	t.Cleanup(sess.End)
	st.screen = New(sess, st)
	w.SetContent(st.screen.Content())
	return st
}

// stored reads, straight from caiji.db, every version's JSON and every
// image of the records.
func (s *station) stored(t *testing.T) (versions, images map[string][]byte) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(s.dir, storage.FileName)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	versions, images = map[string][]byte{}, map[string][]byte{}
	read := func(q string, into map[string][]byte) {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			var v []byte
			if err := rows.Scan(&k, &v); err != nil {
				t.Fatal(err)
			}
			into[k] = v
		}
	}
	read(`SELECT r.uuid || '/v' || printf('%03d', s.version), s.data FROM snapshots s JOIN records r ON r.id = s.record_id
		UNION SELECT uuid || '/v' || printf('%03d', version), data FROM records`, versions)
	read("SELECT sha256, data FROM attachments", images)
	return versions, images
}

// TestExportHoldsEverything: the zip holds every version and every image
// byte for byte, the form, the consents and a README.
func TestExportHoldsEverything(t *testing.T) {
	st := newStation(t)
	var name string
	var data []byte
	st.screen.save = func(n string, d []byte) { name, data = n, d }
	test.Tap(st.screen.Export)
	st.screen.Wait()
	if data == nil {
		t.Fatalf("no archive: %q", st.screen.ExportStatus.Text)
	}
	if !strings.HasPrefix(name, "我的数据-张三-") || !strings.HasSuffix(name, ".zip") {
		t.Errorf("file name %q", name)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	versions, images := st.stored(t)
	if len(versions) < 1 || len(images) < 5 {
		t.Fatalf("fixture: %d versions, %d images", len(versions), len(images))
	}
	for key, want := range versions {
		if got := files["records/"+key+".json"]; !bytes.Equal(got, want) {
			t.Errorf("version %s is not byte-identical in the zip", key)
		}
	}
	for sha, want := range images {
		if got := files["images/"+sha+".jpg"]; !bytes.Equal(got, want) || wire.Digest(got) != sha {
			t.Errorf("image %s is not byte-identical in the zip", sha)
		}
	}
	for _, f := range []string{"README.txt", "events.json", "decisions.json", "consents.json", "SHA256SUMS"} {
		if files[f] == nil {
			t.Errorf("%s missing", f)
		}
	}
	var pdf bool
	for n, b := range files {
		pdf = pdf || strings.HasSuffix(n, ".pdf") && bytes.HasPrefix(b, []byte("%PDF-"))
	}
	if !pdf || !bytes.Contains(files["consents.json"], []byte(`"sensitive"`)) {
		t.Errorf("the form or the consents are missing")
	}
}

// dbFiles reads caiji.db and its log as they are on disk.
func (s *station) dbFiles(t *testing.T) []byte {
	t.Helper()
	var all []byte
	for _, n := range []string{storage.FileName, storage.FileName + "-wal"} {
		b, err := os.ReadFile(filepath.Join(s.dir, n))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

// TestDeleteFlow: with no hub the screen warns that this is the only copy
// and deletes only with the box ticked and the right password, after a
// last question; then neither the ID number nor the image bytes remain in
// the database files.
func TestDeleteFlow(t *testing.T) {
	st := newStation(t)
	s := st.screen
	if !s.Warning.Visible() || !strings.Contains(s.Warning.Text, "唯一副本") || !s.Accept.Visible() {
		t.Fatalf("no only-copy warning: %q", s.Warning.Text)
	}
	_, images := st.stored(t)
	asked := 0
	s.confirm = func(yes func()) { asked++; yes() }
	test.Tap(s.Delete)
	if !strings.Contains(s.Status.Text, "密码") || asked != 0 {
		t.Fatalf("deleting without the password: %q", s.Status.Text)
	}
	test.Type(s.Password, storagetest.Password)
	test.Tap(s.Delete)
	if !strings.Contains(s.Status.Text, "勾选") || asked != 0 {
		t.Fatalf("deleting without accepting the loss: %q", s.Status.Text)
	}
	s.Accept.SetChecked(true)
	s.Password.SetText("wrong")
	test.Tap(s.Delete)
	s.Wait()
	if !strings.Contains(s.Status.Text, "密码不正确") || st.deleted != "" {
		t.Fatalf("a wrong password: %q", s.Status.Text)
	}
	s.Password.SetText(storagetest.Password)
	test.Tap(s.Delete)
	s.Wait()
	if asked != 2 || st.deleted == "" {
		t.Fatalf("not deleted: %q", s.Status.Text)
	}
	after := st.dbFiles(t)
	if bytes.Contains(after, []byte(idNumber)) {
		t.Error("the ID number remains in the database files")
	}
	for sha, data := range images {
		if bytes.Contains(after, data[len(data)/2:][:64]) {
			t.Errorf("bytes of image %s remain in the database files", sha[:8])
		}
	}
}

// TestWarnsOfUnconfirmedVersion: with a hub that has not confirmed the
// submitted version, the warning names it.
func TestWarnsOfUnconfirmedVersion(t *testing.T) {
	st := newStation(t)
	if err := st.store.SetHub(t.Context(), "https://hub.example.cn"); err != nil {
		t.Fatal(err)
	}
	st.screen.warn()
	if w := st.screen.Warning.Text; !strings.Contains(w, "尚未确认收到") || strings.Contains(w, "唯一副本") || !st.screen.Accept.Visible() {
		t.Fatalf("warning %q", w)
	}
}
