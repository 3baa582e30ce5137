package hub

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the hub's Prometheus series, on a registry of its own so two
// servers in one test binary do not collide.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	versions *prometheus.CounterVec
	blobs    prometheus.Counter
	blobSize prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "caiji_hub_requests_total", Help: "Requests answered, by route and status.",
		}, []string{"route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "caiji_hub_request_seconds", Help: "Time to answer a request, by route.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 15),
		}, []string{"route"}),
		versions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "caiji_hub_versions_total", Help: "Record versions received, by outcome (stored, repeat).",
		}, []string{"outcome"}),
		blobs: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "caiji_hub_blobs_total", Help: "Images accepted (new or repeated).",
		}),
		blobSize: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "caiji_hub_blob_bytes_total", Help: "Bytes of images accepted.",
		}),
	}
	m.reg.MustRegister(m.requests, m.duration, m.versions, m.blobs, m.blobSize,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route).Observe(d.Seconds())
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
