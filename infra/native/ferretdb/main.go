// Command hamgam-ferretdb runs FerretDB v1.24 (a MongoDB wire-protocol server) on its PostgreSQL or
// SQLite backend, for machines that cannot install MongoDB.
//
// Why a wrapper instead of `go install .../cmd/ferretdb`: FerretDB's own main package refuses to
// start unless it was built from a git checkout (it panics on a missing build/version/version.txt).
// Its documented embedding API (package ferretdb) skips that check, so this small main embeds it.
package main

import (
	"context"
	"flag"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	handler := flag.String("handler", "sqlite", "backend: postgresql or sqlite")
	pgURL := flag.String("postgresql-url", "postgres://postgres@127.0.0.1:5432/ferretdb",
		"PostgreSQL URL for -handler postgresql (pool_* query parameters set FerretDB's pool)")
	dataDir := flag.String("data-dir", "data", "directory for the SQLite databases (-handler sqlite)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		slog.Error("bad -log-level", "error", err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Logger:   logger,
		Handler:  *handler,
	}
	var where string
	switch *handler {
	case "sqlite":
		if err := os.MkdirAll(*dataDir, 0o755); err != nil {
			logger.Error("cannot create data directory", "error", err)
			os.Exit(1)
		}
		config.SQLiteURL = "file:" + *dataDir + "/"
		where = *dataDir
	case "postgresql":
		config.PostgreSQLURL = *pgURL
		where = redacted(*pgURL)
	default:
		logger.Error("bad -handler: want postgresql or sqlite", "handler", *handler)
		os.Exit(2)
	}

	server, err := ferretdb.New(config)
	if err != nil {
		logger.Error("cannot start FerretDB", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger.Warn("FerretDB listening", "addr", *listen, "handler", *handler, "data", where)
	if err := server.Run(ctx); err != nil {
		logger.Error("FerretDB stopped", "error", err)
		os.Exit(1)
	}
}

// redacted hides a password in the URL before it is logged.
func redacted(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}
