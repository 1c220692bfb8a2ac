//go:build !race

package decision_test

const raceSlowdown = 1
