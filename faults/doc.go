// Package faults is the fault suite: handoffs driven through the real worker binary, the real
// Temporal dev server, the HTTP API and the stand-in agents, while the worker is killed with
// SIGKILL and agents' endpoints fail or slow down at each step. An observer samples who owns
// the conversation throughout (what the stand-in bots were told, what people hold in their
// entity workflows) and each scenario checks the ownership promise: never two owners, exactly
// one at the end, no capacity left held, no message the customer sees twice.
//
// It has no code of its own outside its tests; `make faults` runs it alone, and `make test`
// runs it with everything else. `make chaos` runs TestChaosOnStack, skipped otherwise: a
// thousand handoffs on the PostgreSQL stack of `make stack` while workers are killed and
// PostgreSQL and the Temporal server restarted, with the same ledgers.
package faults
