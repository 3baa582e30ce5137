package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// devcert writes a throw-away self-signed certificate and key for a hub on
// this machine (make hub, tests). Stations trust it only when given the
// certificate as their CA file; a real hub uses a certificate from a CA.
func devcert(_ context.Context, args []string, out io.Writer) error {
	fl := flag.NewFlagSet("devcert", flag.ContinueOnError)
	dir := fl.String("dir", ".", "`DIR` to write cert.pem and key.pem into")
	hosts := fl.String("host", "127.0.0.1,localhost", "comma-separated IP addresses and names the certificate names")
	valid := fl.Duration("valid", 30*24*time.Hour, "validity")
	if err := fl.Parse(args); err != nil {
		return err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	serial, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: "caiji-hub (self-signed, for testing)"},
		NotBefore:    time.Now().Add(-time.Minute),
		NotAfter:     time.Now().Add(*valid),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:         true, BasicConstraintsValid: true,
	}
	for _, h := range strings.Split(*hosts, ",") {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else if h != "" {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return err
	}
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	certPath, keyPath := filepath.Join(*dir, "cert.pem"), filepath.Join(*dir, "key.pem")
	if err := os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s and %s (self-signed for %s)\n", certPath, keyPath, *hosts)
	return nil
}
