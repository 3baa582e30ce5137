package hub

import (
	"net"
	"sync"
)

// DefaultMaxConnsPerAddr is how many connections one remote address may
// hold at once unless told otherwise: far more than a station uses (one or
// two) or a test centre's kiosks behind one address, far fewer than the
// process's file descriptors.
const DefaultMaxConnsPerAddr = 256

// perAddrListener closes a new connection at once when its remote address
// already holds max of them. Without it, one client opening connections
// (each idle one kept for minutes, about 26 KB each) takes every file
// descriptor and hundreds of megabytes, and the hub stops accepting anyone.
type perAddrListener struct {
	net.Listener
	max  int
	mu   sync.Mutex
	open map[string]int
}

func limitPerAddr(l net.Listener, max int) net.Listener {
	return &perAddrListener{Listener: l, max: max, open: map[string]int{}}
}

func (l *perAddrListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		host, _, err := net.SplitHostPort(c.RemoteAddr().String())
		if err != nil {
			host = c.RemoteAddr().String()
		}
		l.mu.Lock()
		full := l.open[host] >= l.max
		if !full {
			l.open[host]++
		}
		l.mu.Unlock()
		if full {
			c.Close()
			continue
		}
		return &countedConn{Conn: c, release: sync.OnceFunc(func() { l.release(host) })}, nil
	}
}

func (l *perAddrListener) release(host string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[host]--; l.open[host] <= 0 {
		delete(l.open, host)
	}
}

// countedConn gives its place back when closed (once, however often Close
// is called).
type countedConn struct {
	net.Conn
	release func()
}

func (c *countedConn) Close() error {
	c.release()
	return c.Conn.Close()
}
