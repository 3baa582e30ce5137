package hub_test

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"caiji/hub"
)

// One address holding its share of connections has the next one closed at
// once; a place freed is taken again.
func TestConnectionsPerAddress(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	go func() {
		done <- hub.Serve(ctx, hub.Listen{Addr: "127.0.0.1:0", InsecureLoopback: true, MaxConnsPerAddr: 3}, ok,
			slog.New(slog.DiscardHandler), func(a net.Addr) { addr <- a })
	}()
	at := (<-addr).String()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	// ask sends one request on c and says whether it was answered.
	ask := func(c net.Conn) bool {
		c.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: hub\r\n\r\n"); err != nil {
			return false
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		return err == nil && resp.StatusCode == http.StatusNoContent
	}
	dial := func() net.Conn {
		c, err := net.Dial("tcp", at)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	var held []net.Conn
	for range 3 {
		c := dial()
		if !ask(c) {
			t.Fatal("a connection within the limit was not answered")
		}
		held = append(held, c)
	}
	if ask(dial()) {
		t.Fatal("a fourth connection from one address was answered")
	}
	held[0].Close()
	for i := 0; ; i++ { // the hub notices the close when it reads the connection
		if ask(dial()) {
			break
		}
		if i == 50 {
			t.Fatal("a freed place was not given again")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
