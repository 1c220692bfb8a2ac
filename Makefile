# Handoff orchestrator. A new user needs two commands: `make run` and `make test`.
# `make help` lists the rest.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

GO ?= go

# Pinned tools. The Temporal CLI embeds the dev server (Server 1.29.1, UI 2.42.1); later CLI
# releases carry a replace directive and cannot be installed with `go install`.
TEMPORAL_CLI_VERSION := 1.5.1
# The Temporal server of `make stack`: the release that CLI's dev server embeds and
# docker-compose.yml runs, built from the Go module proxy with its SQL schema tool.
TEMPORAL_SERVER_VERSION := 1.29.1
# staticcheck 2026.2.2, the newest release (the module proxy knows it by its tag v0.8.2).
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
WORKFLOWCHECK := go.temporal.io/sdk/contrib/tools/workflowcheck@v0.6.0

TEST_FLAGS ?= -count=1 -race -timeout 20m
# How long `make fuzz` runs each fuzz target, as a count of inputs (a few to 25 seconds each
# here); their checked-in corpora (testdata/fuzz/) also run as plain tests in `make test`. A
# count, not a duration: Go 1.26's fuzz coordinator can fail a target with "context deadline
# exceeded" when a duration runs out (golang/go#75804, fixed in Go 1.27), having found nothing.
FUZZTIME ?= 30000x
# Extra flags for `starter bench` (see `bin/starter bench --help`), e.g. BENCH_FLAGS="--total 600".
BENCH_FLAGS ?=
SOAK ?= 10000
QUEUE ?= 1000
# make stack's Temporal server (scripts/stack/stack.sh reads STACK_TEMPORAL_PORT, and
# STACK_METRICS_PORT for the server's /metrics), the worker counts of `make bench-stack`, and
# the handoffs of `make chaos`.
STACK_TEMPORAL ?= 127.0.0.1:$(or $(STACK_TEMPORAL_PORT),17733)
STACK_METRICS ?= http://127.0.0.1:$(or $(STACK_METRICS_PORT),19560)/metrics
WORKERS ?= 1
CHAOS ?= 1000
# Extra flags for `starter simulate` (see `bin/starter simulate --help`), e.g. SIMULATE_FLAGS="--seed 7".
SIMULATE_FLAGS ?=

.PHONY: help temporal node-deps console-deps console-vendor console-screenshots chromium build run test faults fuzz histories replay test-compose lint eval eval-dev train bench bench-soak bench-queue bench-stack stack stack-server stack-down stack-status stack-reset stack-test chaos simulate simulate-experiments clean reset

help: ## list the targets
	@echo "Usage: make TARGET"
	@echo
	@awk 'BEGIN { FS = ":.*## " } /^[a-z-]+:.*## / { printf "  %-20s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

temporal: ## install the pinned Temporal CLI and dev server into bin/ (once; ~3 min)
	@bash scripts/temporal-cli.sh $(TEMPORAL_CLI_VERSION)

node-deps: ## install the Node.js client's pinned dependencies into clients/node/node_modules (once)
	@if [ ! -f clients/node/node_modules/.package-lock.json ] || \
		[ clients/node/package-lock.json -nt clients/node/node_modules/.package-lock.json ]; then \
		command -v npm >/dev/null || { echo "make node-deps: npm is needed (Node.js 20 or later) for the Node.js client's test"; exit 1; }; \
		npm ci --prefix clients/node --no-audit --no-fund; \
	fi

console-deps: ## install the console's pinned npm packages (Chart.js, axe-core for its browser test) into console/node_modules (once)
	@if [ ! -f console/node_modules/.package-lock.json ] || \
		[ console/package-lock.json -nt console/node_modules/.package-lock.json ]; then \
		command -v npm >/dev/null || { echo "make console-deps: npm is needed (Node.js 20 or later) for the console's browser test"; exit 1; }; \
		npm ci --prefix console --no-audit --no-fund; \
	fi

console-vendor: console-deps ## refresh console/assets/vendor/ from the pinned npm packages (after changing console/package.json)
	cp console/node_modules/chart.js/dist/chart.umd.min.js console/assets/vendor/chart.umd.min.js

chromium: ## install Debian's Chromium for the console's browser test when it is missing (apt-get, as root)
	@command -v chromium >/dev/null || { \
		echo "make chromium: installing Debian's chromium for the console's browser test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

console-screenshots: temporal console-deps chromium ## re-take the README's console screenshots (docs/console/) with the browser test
	HANDOFF_SCREENSHOTS=docs/console HANDOFF_REQUIRE_BROWSER=1 HANDOFF_REQUIRE_DEVSERVER=1 \
		$(GO) test ./console/ -run '^TestBrowserConsole$$' -count=1 -v

build: ## build bin/worker and bin/starter
	$(GO) build -o bin/worker ./worker
	$(GO) build -o bin/starter ./starter

run: temporal build ## run everything locally (dev server, Web UI, worker, API, dev agents); CONFIG=... picks the config, data/ is kept
	@$(if $(CONFIG),HANDOFF_CONFIG=$(CONFIG)) bash scripts/run.sh

test: temporal node-deps console-deps chromium ## run every test, integration tests against the real dev server included (the store's on a throwaway PostgreSQL, the console's in headless Chromium)
	HANDOFF_REQUIRE_DEVSERVER=1 HANDOFF_REQUIRE_NODE=1 HANDOFF_REQUIRE_POSTGRES=1 HANDOFF_REQUIRE_BROWSER=1 $(GO) test ./... $(TEST_FLAGS)
	@$(MAKE) --no-print-directory test-compose

faults: temporal ## the fault suite alone: the real worker killed and agents failing at each step (~4 min; also in make test)
	HANDOFF_REQUIRE_DEVSERVER=1 $(GO) test ./faults/ $(TEST_FLAGS) -v -run 'TestFaults|TestKillsWhileRecording|TestQueueFaults'

fuzz: ## run each fuzz target for FUZZTIME (30000 inputs): the API decoder, the rule parser, the package builder, the calendar parser
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeInput$$' -fuzztime $(FUZZTIME) ./starter/service/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeRequest$$' -fuzztime $(FUZZTIME) ./starter/service/
	$(GO) test -run '^$$' -fuzz '^FuzzParseCondition$$' -fuzztime $(FUZZTIME) ./decision/
	$(GO) test -run '^$$' -fuzz '^FuzzCompileRule$$' -fuzztime $(FUZZTIME) ./decision/
	$(GO) test -run '^$$' -fuzz '^FuzzBuild$$' -fuzztime $(FUZZTIME) ./handoff/
	$(GO) test -run '^$$' -fuzz '^FuzzParseICS$$' -fuzztime $(FUZZTIME) ./calendar/

histories: temporal ## re-record testdata/histories (after a workflow change meant to change them)
	HANDOFF_RECORD_HISTORIES=1 HANDOFF_REQUIRE_DEVSERVER=1 $(GO) test ./workflows/ -count=1 \
		-run 'TestSellerInDistressReachesHumanWhoAccepts|TestQualifiedLeadGoesToBuyerBot|TestNobodyAnswersEndsTimedOutWithSourceKeepingCustomer|TestFastBotPathStaysWithinTheHistoryBudget|TestAngryCustomerDuringMonitoringEndsUpWithAPerson|TestBanditAssignmentAndHoldOutThroughTheWorkflow|TestQueuedHandoffHearsItsPlaceAndGoesToTheFirstPersonOnline'

replay: build ## the deploy check: replay recorded histories (HISTORIES, default testdata/histories) with this build's workflow code
	bin/starter replay $(or $(HISTORIES),testdata/histories)

test-compose: ## validate docker-compose.yml with the compose-spec loader Docker Compose uses
	cd deploy/composecheck && $(GO) test ./... -count=1

# The model is evaluated too when HANDOFF_MODEL_BASE_URL and HANDOFF_MODEL_NAME are set
# (HANDOFF_MODEL_API_KEY if the endpoint needs one). `make eval` scores fresh19, the untouched
# set, and each run is a look at it that the README counts: while developing, use
# `make eval-dev` (every development set, misses listed; fresh19 is not even loaded). Until
# fresh19.jsonl is added, `make eval` stops and says so rather than score nothing blind.
BLIND_SET := decision/testdata/triggers/fresh19.jsonl
EVAL_FILTER := grep -v -e '^=== RUN' -e '^--- PASS' -e '^--- SKIP' -e '^PASS' -e '^ok ' -e '_test.go:[0-9]*: no model'

eval: ## trigger analysis on the labelled sets, the untouched fresh19 set included: precision/recall per trigger, routing accuracy (built-in, and a model if configured)
	@test -f $(BLIND_SET) || { echo "make eval: $(BLIND_SET), the blind set, is missing: it has not been added yet, so there is nothing blind to score. make eval-dev scores the development sets."; exit 1; }
	HANDOFF_EVAL=1 HANDOFF_EVAL_SPLIT=all $(GO) test ./decision/ -run '^TestTriggerEval$$' -count=1 -v | $(EVAL_FILTER)
	HANDOFF_EVAL=1 HANDOFF_EVAL_SPLIT=all $(GO) test ./activities/ -run '^TestModelTriggerEval$$' -count=1 -v -timeout 60m | $(EVAL_FILTER)

eval-dev: ## as eval on the development sets only (tune, holdout, fresh to fresh18, train-a to train-h), with their misses listed: for tuning
	HANDOFF_EVAL=1 HANDOFF_EVAL_SPLIT=dev $(GO) test ./decision/ -run '^TestTriggerEval$$' -count=1 -v | $(EVAL_FILTER)

train: ## retrain the built-in analyzer's classifier (decision/model/triggers.json) on the development sets, cross-validated (~55 min on 2 cores)
	$(GO) run ./internal/triggertrain

bench: temporal build ## load benchmark against a bare-workflow floor and a naive shape (~3 min; JSON in bench-results/)
	bin/starter bench $(BENCH_FLAGS)

bench-soak: temporal build ## SOAK (10000) handoffs waiting in their monitoring window: worker memory, new handoffs (~9 min)
	bin/starter bench --soak $(SOAK) $(BENCH_FLAGS)

bench-queue: temporal build ## QUEUE (1000) handoffs waiting in one queue: its history and state, a waiting handoff's history, the time to offer the next one (~4 min)
	bin/starter bench --queue $(QUEUE) $(BENCH_FLAGS)

stack-server: ## build the pinned Temporal server and temporal-sql-tool into bin/ from the Go module proxy (once; ~5 min)
	@bash scripts/stack/build.sh $(TEMPORAL_SERVER_VERSION)

stack: temporal build stack-server ## docker-compose.yml without Docker: PostgreSQL, the Temporal server on it, 2 workers, 2 APIs, on 127.0.0.1 (state and logs in data/stack/)
	@bash scripts/stack/stack.sh up

stack-down: ## stop everything make stack started (data/stack/ is kept)
	@bash scripts/stack/stack.sh down

stack-status: ## what make stack runs, and where
	@bash scripts/stack/stack.sh status

stack-reset: ## stop make stack and delete data/stack/ (its PostgreSQL cluster, secrets and logs)
	@bash scripts/stack/stack.sh reset

stack-test: temporal build stack-server ## scripts/stack/stack.sh end to end on ports of its own: up, up again, a handoff through both APIs, down (~2 min)
	HANDOFF_STACK_TEST=1 $(GO) test ./scripts/stack/ -count=1 -v -timeout 10m

bench-stack: stack ## make bench on make stack's Temporal server (namespace bench) with WORKERS handoff workers (e.g. WORKERS="1 2 3")
	@for n in $(WORKERS); do \
		bin/starter bench --temporal $(STACK_TEMPORAL) --temporal-namespace bench --temporal-metrics $(STACK_METRICS) --workers $$n $(BENCH_FLAGS); \
	done

chaos: stack ## CHAOS (1000) handoffs on make stack while a worker is killed every 10 s, PostgreSQL and Temporal restarted once; ends with the ledger (1000 took 3 min here)
	HANDOFF_CHAOS_TEMPORAL=$(STACK_TEMPORAL) HANDOFF_CHAOS_STACK=$(CURDIR)/scripts/stack/stack.sh HANDOFF_CHAOS_HANDOFFS=$(CHAOS) \
		$(GO) test ./faults/ -run '^TestChaosOnStack$$' -count=1 -v -timeout 30m

simulate: temporal build ## 2,000 handoffs with planted truths through the workflow; checks the stats recover them (~8 min; log in data/simulate.db)
	bin/starter simulate $(SIMULATE_FLAGS)

simulate-experiments: temporal build ## an A/B test, a bandit and a hold-out with planted truths through the workflow (~10 min; log in data/simulate-experiments.db)
	bin/starter simulate --experiments $(SIMULATE_FLAGS)

lint: ## gofmt, go vet, staticcheck, and Temporal's workflowcheck on ./workflows
	@echo "gofmt -l"
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './bin/*' -not -path './data/*' -not -path '*/node_modules/*')); \
	if [ -n "$$unformatted" ]; then echo "gofmt: these files need gofmt -w:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	cd deploy/composecheck && $(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(WORKFLOWCHECK) -config workflows/workflowcheck.yaml ./workflows/...

clean: ## remove bin/worker and bin/starter (keeps the pinned bin/temporal and data/)
	rm -f bin/worker bin/starter

reset: ## delete data/: the local dev server's state, dev tokens, dev encryption key, logs
	rm -rf data/
