package hub

import (
	"context"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"caiji/domain"
	"caiji/hub/store"
)

// Config holds the hub's limits; zero fields take the defaults.
type Config struct {
	// MaxBody is the largest JSON body (a version, a draft); blobs are capped
	// by the document rules' largest file.
	MaxBody int64
	// RequestTimeout bounds the work of one request once its body is read.
	RequestTimeout time.Duration
	// Rate and Burst limit requests per credential (per second).
	Rate  float64
	Burst int
	// MaxInFlight bounds the requests handled at once; more wait their turn.
	MaxInFlight int
	// TokenTTL is how long a person's token lives.
	TokenTTL time.Duration
	// Now is the hub's clock (tests move it); time.Now when nil.
	Now func() time.Time
}

func (c *Config) defaults() {
	if c.MaxBody == 0 {
		c.MaxBody = 1 << 20
	}
	if c.RequestTimeout == 0 {
		c.RequestTimeout = 30 * time.Second
	}
	if c.Rate == 0 {
		c.Rate, c.Burst = 50, 100
	}
	if c.MaxInFlight == 0 {
		c.MaxInFlight = 64
	}
	if c.TokenTTL == 0 {
		c.TokenTTL = 90 * 24 * time.Hour
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// Server answers the hub's API over one store.
type Server struct {
	cfg      Config
	store    *store.Store
	cat      *domain.Catalog
	log      *slog.Logger
	metrics  *metrics
	limiter  *limiter
	inFlight chan struct{}
	// images bounds the images decoded at once (one per core), and so the
	// memory they take.
	images chan struct{}
	// hashing bounds argon2id runs at once (19 MiB each); hashQueue bounds
	// the sign-ins running or waiting for one, so anonymous sign-ins never
	// hold more than a quarter of the places in flight.
	hashing   chan struct{}
	hashQueue chan struct{}
}

// New makes a server. cat is the catalog the pre-audit reads (the same
// assets/data the app ships).
func New(st *store.Store, cat *domain.Catalog, log *slog.Logger, cfg Config) *Server {
	cfg.defaults()
	return &Server{
		cfg: cfg, store: st, cat: cat, log: log,
		metrics:   newMetrics(),
		limiter:   newLimiter(cfg.Rate, cfg.Burst),
		inFlight:  make(chan struct{}, cfg.MaxInFlight),
		images:    make(chan struct{}, runtime.GOMAXPROCS(0)),
		hashing:   make(chan struct{}, 2),
		hashQueue: make(chan struct{}, max(2, cfg.MaxInFlight/4)),
	}
}

func (s *Server) now() time.Time { return s.cfg.Now() }

// Handler is the hub's routes behind its limits, logs and metrics.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	route := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		mux.Handle(pattern, s.wrap(h))
	}
	route("POST /v1/signin", s.signIn)
	route("POST /v1/signout", s.signOut)
	route("POST /v1/enrol", s.enrol)
	route("POST /v1/persons", s.kioskPerson)
	route("PUT /v1/blobs/{digest}", s.putBlob)
	route("GET /v1/blobs/{digest}", s.getBlob)
	route("HEAD /v1/blobs/{digest}", s.getBlob)
	route("POST /v1/records/{uuid}/versions/{n}", s.postVersion)
	route("GET /v1/records/{uuid}/versions/{n}", s.getVersion)
	route("PUT /v1/records/{uuid}/draft", s.putDraft)
	route("GET /v1/records/{uuid}/draft", s.getDraft)
	route("GET /v1/drafts", s.listDrafts)
	route("POST /v1/records/{uuid}/decisions", s.postDecision)
	route("GET /v1/feed", s.feed)
	route("GET /v1/refdata", s.refdata)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /metrics", s.metrics.handler())
	mux.Handle("/", s.wrap(func(http.ResponseWriter, *http.Request) error { return errNotFound }))
	return mux
}

// wrap runs one route: a place among the requests in flight, a deadline,
// the answer for an error, a log line and the metrics.
func (s *Server) wrap(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		ctx, cancel := context.WithTimeout(withCallInfo(r.Context()), s.cfg.RequestTimeout)
		defer cancel()
		r = r.WithContext(ctx)
		select {
		case s.inFlight <- struct{}{}:
			err := h(rec, r)
			<-s.inFlight
			if err != nil {
				s.writeError(rec, r, err)
			}
		case <-ctx.Done():
			s.writeError(rec, r, errUnavailable)
		}
		s.metrics.observe(r.Pattern, rec.status, time.Since(start))
		// Only the route, status and timing: never a name, ID number, phone,
		// token or body.
		s.log.InfoContext(ctx, "request", "method", r.Method, "route", r.Pattern, "status", rec.status,
			"ms", time.Since(start).Milliseconds(), "caller", callerID(r))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "database unreachable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
