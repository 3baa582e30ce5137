package history

import (
	"strings"
	"testing"
	"time"

	"caiji/storage"
	"caiji/ui/i18n"
)

// Every kind of event storage writes reads as a sentence in both
// languages, never as its internal name: a review station shows the
// versions it pulled from the hub, a second PC the draft it fetched.
func TestTimelineNamesEveryEvent(t *testing.T) {
	kinds := []string{"created", "submitted", "decided", "reopened", "change_opened", "change_discarded", "received", "draft_received"}
	at := time.Date(2026, 12, 1, 1, 12, 0, 0, time.UTC)
	for _, lang := range []string{i18n.LangZh, i18n.LangEn} {
		tr, err := i18n.NewTranslator(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range kinds {
			got := Timeline(tr, []storage.Event{{Kind: k, Version: 29, At: at}}, []storage.Decision{{Version: 28}})
			if len(got) != 1 || got[0].Text == "" || got[0].Text == k || strings.Contains(got[0].Text, "_") {
				t.Errorf("%s: event %q reads %+v", lang, k, got)
			}
		}
	}
	tr, _ := i18n.NewTranslator(i18n.LangZh)
	if got := Timeline(tr, []storage.Event{{Kind: "received", Version: 29, At: at}}, nil); !strings.Contains(got[0].Text, "29") {
		t.Errorf("a received version does not say which: %q", got[0].Text)
	}
}
