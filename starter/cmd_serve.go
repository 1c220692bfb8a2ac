package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/handoffhq/orchestrator/starter/tokens"
	"github.com/handoffhq/orchestrator/store"
	"github.com/handoffhq/orchestrator/telemetry"
)

// drainTimeout is how long SIGTERM lets requests in flight finish before they are cut off.
const drainTimeout = 20 * time.Second

func runServe(e *env, args []string) error {
	fs := e.flags("serve", "[--listen ADDR]")
	// "listen" is mapped to api.listen by config.Load.
	fs.String("listen", "", "address to listen on (default api.listen, 127.0.0.1:8080)")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := config.Load(fs)
	if err != nil {
		return err
	}
	list, skipped, err := tokens.Load(cfg)
	if err != nil {
		return err
	}
	e.logLevel = slog.LevelInfo
	logger := e.logger()
	if len(skipped) > 0 {
		logger.Warn("tokens for agents not in this config's roster are not accepted", "tokens", skipped, "config", cfg.File)
	}
	tel, err := telemetry.New(context.Background(), telemetry.Options{Service: "handoff-api", Config: cfg.Telemetry, Logger: logger})
	if err != nil {
		return err
	}
	defer shutdownWithin(tel.Shutdown)
	if addr := cfg.API.MetricsListen; addr != "" {
		stop, err := tel.Serve(addr, logger)
		if err != nil {
			return err
		}
		defer shutdownWithin(stop)
	}
	// Lazy: the API comes up while Temporal is still starting; /readyz says when it is there.
	cl, err := service.Dial(cfg, logger, true, tel.ClientOptions)
	if err != nil {
		return err
	}
	defer cl.Close()
	opts := httpapi.Options{Codec: httpapi.CodecFromConfig(cfg), Console: httpapi.ConsoleFromConfig(cfg),
		Tracer: tel.Tracer, Meter: tel.Meter, Analytics: cfg.Analytics, Experiments: cfg.ExperimentSet}
	if opts.EventsSecret, err = cfg.Events.StreamSecret(); err != nil {
		return err
	}
	if opts.EventsSecret != nil {
		if opts.Events, err = events.NewHub(0, tel.Meter); err != nil {
			return err
		}
	}
	if cfg.Store.URL != "" {
		// The handoff log behind the outcome and stats routes; migrated here too, so the API
		// started before the worker finds its tables.
		log, err := store.OpenMigrated(context.Background(), cfg.Store.URL)
		if err != nil {
			return err
		}
		defer log.Close()
		opts.Log = log
		logger.Info("handoff log open", "store", log.Where())
	}
	api := httpapi.New(service.New(cl, cfg), httpapi.NewAuth(list), logger, opts)
	ln, err := net.Listen("tcp", cfg.API.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.API.Listen, err)
	}
	logger.Info("serving the handoff API", "addr", ln.Addr().String(), "tokens", len(list),
		"temporal", cfg.Temporal.Address, "namespace", cfg.Temporal.Namespace, "config", cfg.File)
	var onShutdown []func()
	if opts.Events != nil {
		// Streams end at shutdown instead of holding the drain for its whole timeout.
		onShutdown = append(onShutdown, opts.Events.Close)
	}
	return serveUntilSignal(ln, api.Handler(), logger, onShutdown...)
}

// shutdownWithin runs a stop function at exit with a bounded wait.
func shutdownWithin(stop func(context.Context) error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = stop(ctx)
}

// serveUntilSignal serves until SIGINT or SIGTERM, then drains: no new connections, requests
// in flight get drainTimeout to finish, and only then are the rest (long ?wait=true calls)
// cancelled.
func serveUntilSignal(ln net.Listener, h http.Handler, logger *slog.Logger, onShutdown ...func()) error {
	base, cancelBase := context.WithCancel(context.Background())
	defer cancelBase()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	for _, f := range onShutdown {
		srv.RegisterOnShutdown(f)
	}
	sig, stop := interruptible()
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-sig.Done():
	}
	logger.Info("shutting down: draining requests", "timeout", drainTimeout.String())
	ctx, cancel := context.WithTimeout(context.Background(), drainTimeout)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		logger.Warn("drain timed out; cancelling the remaining requests", "err", err)
		cancelBase()
		_ = srv.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}
