package handoff

import (
	"fmt"
	"regexp"
	"strconv"
)

// A conversation carries its channel, and a person's capacity counts it by the channel's
// weight: a chat takes 1, an email half, a voice call the whole person. Weights are set for
// everyone (handoff.channels), per group (queues[].channels) and per person
// (agents[].channels); the person's beat the group's, which beat everyone's.

// DefaultChannel is the channel of a conversation that names none.
const DefaultChannel = "chat"

// WeightWhole is the weight that takes a person's whole capacity.
const WeightWhole = "whole"

// ChannelWeights maps channels to weights: a positive number, or "whole".
type ChannelWeights map[string]string

// DefaultChannelWeights apply when handoff.channels is not set.
var DefaultChannelWeights = ChannelWeights{"chat": "1", "email": "0.5", "voice": WeightWhole}

var channelPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}$`)

// ValidateChannel explains what is wrong with a channel name, or returns nil.
func ValidateChannel(ch string) error {
	if ch != "" && !channelPattern.MatchString(ch) {
		return &FieldError{"channel", fmt.Sprintf("%s must be 1 to 32 lower-case letters, digits, '_' or '-', starting with a letter", Quote(ch))}
	}
	return nil
}

// ParseWeight reads a weight: "whole", or a number above 0 and at most 100.
func ParseWeight(s string) (w float64, whole bool, err error) {
	if s == WeightWhole {
		return 0, true, nil
	}
	w, err = strconv.ParseFloat(s, 64)
	if err != nil || w <= 0 || w > 100 {
		return 0, false, fmt.Errorf("%s is not a weight: a number above 0 (1 is one chat), or %q", Quote(s), WeightWhole)
	}
	return w, false, nil
}

// Weight resolves what a conversation of the channel takes of a person of the given capacity,
// from the most specific layer that names the channel (person, group, everyone). "whole" is the
// capacity itself; a channel no layer names takes 1.
func Weight(channel string, capacity int, layers ...ChannelWeights) float64 {
	if channel == "" {
		channel = DefaultChannel
	}
	for _, l := range layers {
		s, ok := l[channel]
		if !ok {
			continue
		}
		w, whole, err := ParseWeight(s)
		switch {
		case err != nil:
			continue // refused at load
		case whole:
			return float64(max(capacity, 1))
		}
		return w
	}
	return 1
}
