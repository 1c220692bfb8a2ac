//go:build race

package decision_test

// The race detector slows code five to ten times; timing bounds allow for it.
const raceSlowdown = 10
