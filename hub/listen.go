package hub

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Listen is where and how the hub serves.
type Listen struct {
	Addr     string
	CertFile string
	KeyFile  string
	// InsecureLoopback serves plain HTTP, allowed only on a loopback
	// address (tests, a load generator on the same machine).
	InsecureLoopback bool
	// ReadTimeout bounds reading one request, body included: a client
	// trickling its upload is cut off instead of holding a connection.
	ReadTimeout time.Duration
	// MaxConnsPerAddr is how many connections one remote address may hold
	// at once (0: DefaultMaxConnsPerAddr; negative: no limit, for a hub
	// behind a proxy that connects from one address).
	MaxConnsPerAddr int
	// ShutdownGrace is how long requests in flight may take to finish
	// once the hub is asked to stop.
	ShutdownGrace time.Duration
}

// Serve answers h on l until ctx is done, then stops taking connections and
// lets the requests in flight finish (up to ShutdownGrace). ready, when not
// nil, receives the address actually listened on.
func Serve(ctx context.Context, l Listen, h http.Handler, log *slog.Logger, ready func(net.Addr)) error {
	if l.InsecureLoopback {
		host, _, err := net.SplitHostPort(l.Addr)
		ip := net.ParseIP(host)
		if err != nil || ip == nil || !ip.IsLoopback() {
			return fmt.Errorf("plain HTTP only on a loopback address (127.0.0.1, ::1), not %q", l.Addr)
		}
	} else if l.CertFile == "" || l.KeyFile == "" {
		return errors.New("the hub serves HTTPS only: give -tls-cert and -tls-key")
	}
	if l.ReadTimeout == 0 {
		l.ReadTimeout = time.Minute
	}
	if l.MaxConnsPerAddr == 0 {
		l.MaxConnsPerAddr = DefaultMaxConnsPerAddr
	}
	if l.ShutdownGrace == 0 {
		l.ShutdownGrace = 30 * time.Second
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       l.ReadTimeout,
		WriteTimeout:      l.ReadTimeout + time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if !l.InsecureLoopback {
		cert, err := tls.LoadX509KeyPair(l.CertFile, l.KeyFile)
		if err != nil {
			return fmt.Errorf("TLS certificate: %w", err)
		}
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}}
	}
	ln, err := net.Listen("tcp", l.Addr)
	if err != nil {
		return err
	}
	if l.MaxConnsPerAddr > 0 {
		ln = limitPerAddr(ln, l.MaxConnsPerAddr)
	}
	if srv.TLSConfig != nil {
		ln = tls.NewListener(ln, srv.TLSConfig)
	}
	log.Info("hub listening", "addr", ln.Addr().String(), "tls", srv.TLSConfig != nil)
	if ready != nil {
		ready(ln.Addr())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("hub stopping: finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), l.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	<-done
	log.Info("hub stopped")
	return nil
}
