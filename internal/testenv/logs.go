package testenv

import (
	"bytes"
	"sync"
)

// SyncBuffer is a log sink that the API and the worker write to at once, read by tests that
// scan every log line (for PII, for tokens, for what a fault left behind).
type SyncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// Bytes is a copy of what was written so far.
func (b *SyncBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}

// String is what was written so far.
func (b *SyncBuffer) String() string { return string(b.Bytes()) }
