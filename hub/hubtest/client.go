package hubtest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"caiji/wire"
)

// Client calls a hub as a station does: as a person with a token, or as an
// enrolled station signing each request.
type Client struct {
	Base string // https://127.0.0.1:PORT
	HTTP *http.Client
	// Token is a person's bearer token.
	Token string
	// Station and Key sign requests as an enrolled station.
	Station string
	Key     ed25519.PrivateKey
	// Now is the clock requests are signed with (time.Now when nil).
	Now func() time.Time
}

// Answer is a hub's answer: its status, body and, for a refusal, the
// decoded error.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
	Err    *wire.Error
}

func (a *Answer) String() string {
	if a.Err != nil {
		return fmt.Sprintf("%d %s (%s)", a.Status, a.Err.Code, a.Err.En)
	}
	return strconv.Itoa(a.Status)
}

// Do sends one request.
func (c *Client) Do(ctx context.Context, method, path string, body []byte) (*Answer, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	switch {
	case c.Token != "":
		req.Header.Set("Authorization", "Bearer "+c.Token)
	case c.Key != nil:
		now := time.Now()
		if c.Now != nil {
			now = c.Now()
		}
		wire.Sign(req, c.Station, c.Key, wire.Digest(body), now)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	a := &Answer{Status: resp.StatusCode, Header: resp.Header}
	if a.Body, err = io.ReadAll(resp.Body); err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 && resp.StatusCode != http.StatusNotModified && method != http.MethodHead {
		a.Err = &wire.Error{}
		if err := json.Unmarshal(a.Body, a.Err); err != nil {
			return nil, fmt.Errorf("%s %s: %d with a body that is not an error: %q", method, path, resp.StatusCode, a.Body)
		}
	}
	return a, nil
}

// JSON sends v as JSON and decodes a 2xx answer into out (when not nil).
func (c *Client) JSON(ctx context.Context, method, path string, v, out any) (*Answer, error) {
	var body []byte
	if v != nil {
		var err error
		if body, err = json.Marshal(v); err != nil {
			return nil, err
		}
	}
	a, err := c.Do(ctx, method, path, body)
	if err != nil {
		return nil, err
	}
	if out != nil && a.Status < 300 {
		if err := json.Unmarshal(a.Body, out); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// WithToken is a copy of c calling as a signed-in person.
func (c *Client) WithToken(t string) *Client {
	d := *c
	d.Token, d.Key, d.Station = t, nil, ""
	return &d
}

// WithStation is a copy of c calling as an enrolled station.
func (c *Client) WithStation(id string, key ed25519.PrivateKey) *Client {
	d := *c
	d.Token, d.Station, d.Key = "", id, key
	return &d
}

// Enrol makes a station key, spends the one-time code and returns a client
// signing as that station.
func (c *Client) Enrol(ctx context.Context, code string) (*Client, *wire.Station, error) {
	pub, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, nil, err
	}
	var st wire.Station
	a, err := c.JSON(ctx, "POST", "/v1/enrol", wire.Enrol{Code: code, PublicKey: pub}, &st)
	if err != nil {
		return nil, nil, err
	}
	if a.Status != http.StatusOK {
		return nil, nil, fmt.Errorf("enrol: %s", a)
	}
	return c.WithStation(st.UUID, key), &st, nil
}

// SignIn signs a person in (registering them on first use) and returns a
// client calling with their token.
func (c *Client) SignIn(ctx context.Context, in wire.SignIn) (*Client, *Answer, error) {
	var tok wire.Token
	a, err := c.JSON(ctx, "POST", "/v1/signin", in, &tok)
	if err != nil || a.Status >= 300 {
		return nil, a, err
	}
	return c.WithToken(tok.Token), a, nil
}

// Upload sends a record's blobs, then its version.
func (c *Client) Upload(ctx context.Context, r *Record, v *wire.Version) (*Answer, error) {
	for d, data := range r.Blobs {
		a, err := c.Do(ctx, "PUT", "/v1/blobs/"+d, data)
		if err != nil {
			return nil, err
		}
		if a.Status != http.StatusCreated {
			return a, nil
		}
	}
	return c.JSON(ctx, "POST", VersionPath(v.Record, v.N), v, nil)
}

// VersionPath is the route of a record version.
func VersionPath(record string, n int) string {
	return "/v1/records/" + record + "/versions/" + strconv.Itoa(n)
}
