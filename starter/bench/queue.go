package bench

// queueBenchConfig is the queue the queue bench parks its handoffs in: no position messages
// (a thousand handoffs each announcing every 30 s would measure the messages, not the queue),
// no steps, aging on, and a max wait long enough that nobody leaves while it measures.
func queueBenchConfig() map[string]any {
	return map[string]any{"group": "human_agent", "max_wait": "24h", "aging_every": "30s", "service_level": "20s"}
}
