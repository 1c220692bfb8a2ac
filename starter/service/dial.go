package service

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/handoffhq/orchestrator/config"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/grpc"
)

// Dial connects a Temporal client with the config's options plus the start-report
// interceptor. Lazy clients connect on first use, so `starter serve` comes up (and /readyz
// tells the truth) while Temporal is still starting.
func Dial(cfg *config.Config, logger *slog.Logger, lazy bool, with ...func(*client.Options)) (client.Client, error) {
	opts, err := cfg.ClientOptions(logger)
	if err != nil {
		return nil, err
	}
	for _, f := range with {
		f(&opts)
	}
	opts.ConnectionOptions.DialOptions = append(opts.ConnectionOptions.DialOptions,
		grpc.WithChainUnaryInterceptor(startReportInterceptor))
	var cl client.Client
	if lazy {
		cl, err = client.NewLazyClient(opts)
	} else {
		cl, err = client.Dial(opts)
	}
	if err != nil {
		return nil, fmt.Errorf("connect to Temporal at %s (namespace %s): %w", cfg.Temporal.Address, cfg.Temporal.Namespace, err)
	}
	return cl, nil
}

// The SDK's ExecuteWorkflow hides whether the server started a new run or (conflict policy
// USE_EXISTING) returned the running one. The server says so in the response's Started
// field; this interceptor hands it back through the context of the start call.
type startReportKey struct{}

type startReport struct {
	seen    bool
	started bool
}

func withStartReport(ctx context.Context, r *startReport) context.Context {
	return context.WithValue(ctx, startReportKey{}, r)
}

func startReportInterceptor(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	err := invoker(ctx, method, req, reply, cc, opts...)
	if err != nil {
		return err
	}
	if r, ok := ctx.Value(startReportKey{}).(*startReport); ok {
		if resp, ok := reply.(*workflowservice.StartWorkflowExecutionResponse); ok {
			r.seen, r.started = true, resp.GetStarted()
		}
	}
	return nil
}
