package syncer

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"caiji/wire"
)

// HubError is a refusal with the hub's status and its zh/en message.
type HubError struct {
	Status int
	Body   wire.Error
}

func (e *HubError) Error() string {
	return fmt.Sprintf("hub %d %s: %s", e.Status, e.Body.Code, e.Body.En)
}

// Retryable reports whether the same request may succeed later.
func (e *HubError) Retryable() bool { return wire.Retryable(e.Status) }

// Client calls one hub. A request is either a person's (with their token)
// or the station's (signed with its ed25519 key).
type Client struct {
	base    *url.URL
	http    *http.Client
	station string
	key     ed25519.PrivateKey
	now     func() time.Time
}

// NewClient makes a client for the hub at hub (https only), verifying its
// certificate with tlsConf. station and key sign the station's requests;
// key may be nil on a home PC, which sends only with persons' tokens.
func NewClient(hub string, tlsConf *tls.Config, station string, key ed25519.PrivateKey) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(hub, "/"))
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("syncer: the hub address %q is not an https:// URL", hub)
	}
	tr := &http.Transport{TLSClientConfig: tlsConf, Proxy: http.ProxyFromEnvironment,
		TLSHandshakeTimeout: 15 * time.Second, ResponseHeaderTimeout: 60 * time.Second, IdleConnTimeout: 90 * time.Second}
	return &Client{base: u, http: &http.Client{Transport: tr, Timeout: 5 * time.Minute}, station: station, key: key, now: time.Now}, nil
}

// do sends one request and decodes a 2xx JSON answer into out (if not
// nil). token "" signs the request as the station. progress, if not nil,
// is told how many bytes of the body have gone.
func (c *Client) do(ctx context.Context, method, path, token string, body []byte, out any, progress func(int64)) (int, error) {
	var rd io.Reader = bytes.NewReader(body)
	if progress != nil {
		rd = &counting{r: rd, report: progress}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base.String()+path, rd)
	if err != nil {
		return 0, err
	}
	req.ContentLength = int64(len(body))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	switch {
	case token != "":
		req.Header.Set("Authorization", "Bearer "+token)
	case c.key != nil:
		wire.Sign(req, c.station, c.key, wire.Digest(body), c.now())
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		he := &HubError{Status: resp.StatusCode}
		if json.Unmarshal(data, &he.Body) != nil || he.Body.Code == "" {
			he.Body.Code, he.Body.Zh, he.Body.En = "http_"+strconv.Itoa(resp.StatusCode), "中心返回 "+resp.Status, "The hub answered "+resp.Status
		}
		return resp.StatusCode, he
	}
	if out != nil && method != http.MethodHead {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("syncer: the hub's answer to %s %s: %w", method, path, err)
		}
	}
	return resp.StatusCode, nil
}

// counting reports the bytes read through it, for a transfer's progress.
type counting struct {
	r      io.Reader
	n      int64
	report func(int64)
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.report(c.n)
	return n, err
}

func marshal(v any) []byte {
	b, _ := json.Marshal(v) // the wire types always encode
	return b
}

// Healthy reports whether the hub answers and its database with it
// (GET /healthz, no credentials).
func (c *Client) Healthy(ctx context.Context) error {
	_, err := c.do(ctx, http.MethodGet, "/healthz", "", nil, nil, nil)
	return err
}

// SignIn signs a person in and returns their token.
func (c *Client) SignIn(ctx context.Context, in wire.SignIn) (*wire.Token, error) {
	var t wire.Token
	_, err := c.do(ctx, http.MethodPost, "/v1/signin", "", marshal(in), &t, nil)
	return &t, err
}

// Enrol spends the administrator's one-time code with this station's key.
func (c *Client) Enrol(ctx context.Context, code string, pub ed25519.PublicKey) (*wire.Station, error) {
	var st wire.Station
	_, err := c.do(ctx, http.MethodPost, "/v1/enrol", "", marshal(wire.Enrol{Code: code, PublicKey: pub}), &st, nil)
	return &st, err
}

// RegisterPerson registers on the hub a person who registered on this
// kiosk (idempotent).
func (c *Client) RegisterPerson(ctx context.Context, p wire.KioskPerson) error {
	_, err := c.do(ctx, http.MethodPost, "/v1/persons", "", marshal(p), nil, nil)
	return err
}

// HasBlob asks whether the hub holds a blob this caller may read.
func (c *Client) HasBlob(ctx context.Context, token, digest string) (bool, error) {
	_, err := c.do(ctx, http.MethodHead, "/v1/blobs/"+digest, token, nil, nil, nil)
	var he *HubError
	if errors.As(err, &he) && he.Status == http.StatusNotFound {
		return false, nil
	}
	return err == nil, err
}

// PutBlob uploads an image under its digest.
func (c *Client) PutBlob(ctx context.Context, token, digest string, data []byte, progress func(int64)) error {
	_, err := c.do(ctx, http.MethodPut, "/v1/blobs/"+digest, token, data, nil, progress)
	return err
}

// GetBlob downloads an image and checks it hashes to its name.
func (c *Client) GetBlob(ctx context.Context, token, digest string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base.String()+"/v1/blobs/"+digest, nil)
	if err != nil {
		return nil, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	} else {
		wire.Sign(req, c.station, c.key, wire.Digest(nil), c.now())
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		he := &HubError{Status: resp.StatusCode}
		_ = json.Unmarshal(data, &he.Body)
		return nil, he
	}
	if wire.Digest(data) != digest {
		return nil, fmt.Errorf("syncer: blob %s from the hub does not hash to its name", digest)
	}
	return data, nil
}

// PostVersion sends a submitted version; the receipt is the hub's.
func (c *Client) PostVersion(ctx context.Context, token string, v *wire.Version) (*wire.Receipt, error) {
	var rc wire.Receipt
	_, err := c.do(ctx, http.MethodPost, fmt.Sprintf("/v1/records/%s/versions/%d", v.Record, v.N), token, marshal(v), &rc, nil)
	return &rc, err
}

// PostDecision sends a review station's decision.
func (c *Client) PostDecision(ctx context.Context, d *wire.Decision) error {
	_, err := c.do(ctx, http.MethodPost, "/v1/records/"+d.Record+"/decisions", "", marshal(d), nil, nil)
	return err
}

// Feed reads one page of the caller's feed after since.
func (c *Client) Feed(ctx context.Context, token string, since int64) (*wire.Feed, error) {
	var f wire.Feed
	_, err := c.do(ctx, http.MethodGet, "/v1/feed?since="+strconv.FormatInt(since, 10), token, nil, &f, nil)
	return &f, err
}

// PutDraft keeps the person's unsubmitted record on the hub.
func (c *Client) PutDraft(ctx context.Context, token, record string, doc []byte) error {
	_, err := c.do(ctx, http.MethodPut, "/v1/records/"+record+"/draft", token, doc, nil, nil)
	return err
}

// GetDraft returns the person's draft of record kept on the hub, or nil
// when there is none.
func (c *Client) GetDraft(ctx context.Context, token, record string) ([]byte, error) {
	var doc json.RawMessage
	_, err := c.do(ctx, http.MethodGet, "/v1/records/"+record+"/draft", token, nil, &doc, nil)
	var he *HubError
	if errors.As(err, &he) && he.Status == http.StatusNotFound {
		return nil, nil
	}
	return doc, err
}
