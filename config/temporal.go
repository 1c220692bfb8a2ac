package config

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"log/slog"
	"os"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"
)

// ClientOptions turns the Temporal section into SDK client options: plain for the dev
// server, TLS or mTLS with files, an API key for Temporal Cloud, and payload encryption.
func (c *Config) ClientOptions(logger *slog.Logger) (client.Options, error) {
	t := c.Temporal
	opts := client.Options{
		HostPort:  t.Address,
		Namespace: t.Namespace,
		Logger:    log.NewStructuredLogger(logger),
	}
	tlsCfg, err := t.TLS.config(t.APIKey != "")
	if err != nil {
		return opts, &Error{File: c.File, Key: "temporal.tls", Reason: err.Error()}
	}
	opts.ConnectionOptions.TLS = tlsCfg
	if t.APIKey != "" {
		opts.Credentials = client.NewAPIKeyStaticCredentials(t.APIKey)
	}
	// Every client and worker gets the converters here, so none can write payloads in clear
	// by forgetting them (see config/codec.go).
	dc, fc, err := c.Converters()
	if err != nil {
		return opts, err
	}
	if cc := c.Codec.codec; cc != nil {
		logger.Info("payload encryption on", "active_key", cc.ActiveKeyID(), "keys", cc.KeyIDs())
	}
	if dc == nil {
		logger.Warn("PAYLOAD ENCRYPTION IS OFF (codec.allow_plaintext): the Temporal server stores transcripts and customer details in clear; development only")
	}
	opts.DataConverter, opts.FailureConverter = dc, fc
	return opts, nil
}

// Dial connects a Temporal client with the config's options, changed by each of with (the
// worker adds its telemetry).
func (c *Config) Dial(logger *slog.Logger, with ...func(*client.Options)) (client.Client, error) {
	opts, err := c.ClientOptions(logger)
	if err != nil {
		return nil, err
	}
	for _, f := range with {
		f(&opts)
	}
	cl, err := client.Dial(opts)
	if err != nil {
		return nil, fmt.Errorf("connect to Temporal at %s (namespace %s): %w", c.Temporal.Address, c.Temporal.Namespace, err)
	}
	return cl, nil
}

// config builds the TLS settings; an API key implies TLS because Temporal Cloud requires it.
func (t TLS) config(apiKey bool) (*tls.Config, error) {
	if !t.Enabled && !apiKey && t.CertFile == "" && t.CAFile == "" {
		return nil, nil
	}
	cfg := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		ServerName:         t.ServerName,
		InsecureSkipVerify: t.DisableHostVerification, //nolint:gosec // operator's explicit choice, off by default
	}
	if t.CertFile != "" {
		pair, err := tls.LoadX509KeyPair(t.CertFile, t.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("client certificate %s / key %s: %w", t.CertFile, t.KeyFile, err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	if t.CAFile != "" {
		pem, err := os.ReadFile(t.CAFile)
		if err != nil {
			return nil, fmt.Errorf("CA file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("CA file %s holds no PEM certificate", t.CAFile)
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}

// WorkerOptions are the worker settings every worker process of the service uses, so the
// handoff worker and the benchmark's baselines worker are tuned alike.
func (c *Config) WorkerOptions() worker.Options {
	stop, _ := time.ParseDuration(c.Worker.ShutdownTimeout)
	return worker.Options{
		WorkerStopTimeout:                stop,
		MaxConcurrentWorkflowTaskPollers: c.Worker.WorkflowTaskPollers,
		MaxConcurrentActivityTaskPollers: c.Worker.ActivityTaskPollers,
	}
}
