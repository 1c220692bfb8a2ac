package config_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
)

// Connecting to Temporal Cloud or a TLS-secured cluster: the settings come from Temporal's own
// environment names, and a bad file fails with the key that named it.

func loadWithEnv(t *testing.T, env map[string]string) (*config.Config, error) {
	t.Helper()
	t.Setenv("HANDOFF_CODEC_ALLOW_PLAINTEXT", "true")
	for k, v := range env {
		t.Setenv(k, v)
	}
	return config.LoadFile(example, nil)
}

func TestPlainConnectionByDefault(t *testing.T) {
	cfg, err := loadWithEnv(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts, err := cfg.ClientOptions(quiet)
	if err != nil {
		t.Fatal(err)
	}
	if opts.ConnectionOptions.TLS != nil || opts.Credentials != nil {
		t.Errorf("dev server connection should be plain: tls %v credentials %v", opts.ConnectionOptions.TLS, opts.Credentials)
	}
}

func TestAPIKeyImpliesTLS(t *testing.T) {
	cfg, err := loadWithEnv(t, map[string]string{
		"TEMPORAL_ADDRESS":   "my-ns.a1b2c.tmprl.cloud:7233",
		"TEMPORAL_NAMESPACE": "my-ns.a1b2c",
		"TEMPORAL_API_KEY":   "not-a-real-key",
	})
	if err != nil {
		t.Fatal(err)
	}
	opts, err := cfg.ClientOptions(quiet)
	if err != nil {
		t.Fatal(err)
	}
	if opts.HostPort != "my-ns.a1b2c.tmprl.cloud:7233" || opts.Namespace != "my-ns.a1b2c" {
		t.Errorf("address/namespace from the environment: %s %s", opts.HostPort, opts.Namespace)
	}
	if opts.ConnectionOptions.TLS == nil || opts.Credentials == nil {
		t.Errorf("an API key needs TLS and credentials: tls %v credentials %v", opts.ConnectionOptions.TLS, opts.Credentials)
	}
}

func TestMutualTLSFromFiles(t *testing.T) {
	cert, key := writeClientCert(t)
	cfg, err := loadWithEnv(t, map[string]string{
		"TEMPORAL_TLS_CERT": cert, "TEMPORAL_TLS_KEY": key, "TEMPORAL_TLS_CA": cert, "TEMPORAL_TLS_SERVER_NAME": "temporal.internal",
	})
	if err != nil {
		t.Fatal(err)
	}
	opts, err := cfg.ClientOptions(quiet)
	if err != nil {
		t.Fatal(err)
	}
	tlsCfg := opts.ConnectionOptions.TLS
	if tlsCfg == nil || len(tlsCfg.Certificates) != 1 || tlsCfg.RootCAs == nil || tlsCfg.ServerName != "temporal.internal" {
		t.Fatalf("mTLS settings not applied: %+v", tlsCfg)
	}
}

func TestTLSMistakesNameTheKey(t *testing.T) {
	_, err := loadWithEnv(t, map[string]string{"TEMPORAL_TLS_CERT": "client.pem"})
	wantConfigError(t, err, "temporal.tls", "cert and key must be given together")

	cfg, err := loadWithEnv(t, map[string]string{"TEMPORAL_TLS_CERT": "/nonexistent/client.pem", "TEMPORAL_TLS_KEY": "/nonexistent/client.key"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cfg.ClientOptions(quiet)
	wantConfigError(t, err, "temporal.tls", "/nonexistent/client.pem")
}

// writeClientCert writes a self-signed certificate and its key, PEM-encoded.
func writeClientCert(t *testing.T) (certPath, keyPath string) {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "handoff-worker"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &priv.PublicKey, priv)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certPath, keyPath = filepath.Join(dir, "client.pem"), filepath.Join(dir, "client.key")
	if err := os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certPath, keyPath
}
