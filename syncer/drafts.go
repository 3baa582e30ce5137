package syncer

import (
	"context"
	"encoding/json"

	"caiji/domain"
)

// sendDrafts keeps on the hub the drafts of the candidates who chose so
// (保存草稿到服务器) and are signed in to the hub here: their images first,
// then the record document.
func (w *Worker) sendDrafts(ctx context.Context, c *Client) error {
	drafts, err := w.store.DraftsToSend(ctx)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		t, err := w.token(d.Account)
		if err != nil || t == nil {
			continue // sent once they sign in here again
		}
		if err := w.sendImages(ctx, c, t.Token, digests(d.Record)); err != nil {
			return err
		}
		if err := c.PutDraft(ctx, t.Token, d.Record.ID, d.Document); err != nil {
			return err
		}
		if err := w.store.DraftSent(ctx, d.Account, d.Record.Version); err != nil {
			return err
		}
	}
	return nil
}

// restoreDraft takes the person's draft kept on the hub as the working
// copy of their record here, when it is newer than what came with the
// record's versions.
func (w *Worker) restoreDraft(ctx context.Context, c *Client, account, token, record string) error {
	doc, err := c.GetDraft(ctx, token, record)
	if err != nil || doc == nil {
		return err
	}
	var rec domain.Record
	if err := json.Unmarshal(doc, &rec); err != nil {
		return err
	}
	images := map[string][]byte{}
	for _, d := range digests(&rec) {
		if _, err := w.store.Blob(ctx, d); err == nil {
			continue
		}
		if images[d], err = c.GetBlob(ctx, token, d); err != nil {
			return err
		}
	}
	_, err = w.store.RestoreDraft(ctx, account, doc, images)
	return err
}

// digests are the images a record names, each once.
func digests(rec *domain.Record) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range rec.Attachments() {
		if !seen[a.SHA256] {
			seen[a.SHA256] = true
			out = append(out, a.SHA256)
		}
	}
	return out
}
