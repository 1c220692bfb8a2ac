package calendar

import (
	"testing"
	"time"
)

// at is 2026-03-02 (a Monday) at hh:mm UTC.
func at(hhmm string) time.Time { return utc("2026-03-02 " + hhmm) }

func iv(from, to string) Interval { return Interval{Start: at(from), End: at(to)} }

func TestMergeJoinsOverlappingAndTouchingIntervals(t *testing.T) {
	in := []Interval{iv("14:00", "15:00"), iv("09:00", "10:00"), iv("09:30", "09:45"), iv("10:00", "11:00"), iv("12:00", "12:00"), iv("14:30", "16:00")}
	if got, want := show(Merge(in)), "03-02 09:00/03-02 11:00, 03-02 14:00/03-02 16:00"; got != want {
		t.Fatalf("Merge = %q, want %q", got, want)
	}
	if in[0] != iv("14:00", "15:00") {
		t.Fatal("Merge modified its argument")
	}
}

func TestBridgeJoinsShortGaps(t *testing.T) {
	in := []Interval{iv("00:00", "09:59"), iv("10:00", "12:00"), iv("12:10", "13:00"), iv("14:00", "15:00")}
	if got, want := show(Bridge(in, 15*time.Minute)), "03-02 00:00/03-02 13:00, 03-02 14:00/03-02 15:00"; got != want {
		t.Fatalf("Bridge = %q, want %q", got, want)
	}
}

func TestSubtract(t *testing.T) {
	hours := []Interval{iv("09:00", "13:00"), iv("14:00", "18:00")}
	busy := []Interval{iv("08:00", "09:30"), iv("10:00", "10:30"), iv("12:30", "14:30"), iv("17:00", "19:00")}
	want := "03-02 09:30/03-02 10:00, 03-02 10:30/03-02 12:30, 03-02 14:30/03-02 17:00"
	if got := show(Subtract(hours, busy)); got != want {
		t.Fatalf("Subtract = %q, want %q", got, want)
	}
	if got := show(Subtract(hours, nil)); got != show(hours) {
		t.Fatalf("Subtract nothing = %q", got)
	}
	if got := Subtract(hours, []Interval{iv("00:00", "23:59")}); len(got) != 0 {
		t.Fatalf("Subtract everything = %q", show(got))
	}
}

func TestCoveringNextFreeAndNextStart(t *testing.T) {
	free := []Interval{iv("09:00", "09:10"), iv("10:00", "12:00"), iv("15:00", "18:00")}
	if c, ok := Covering(free, at("10:30")); !ok || c != free[1] {
		t.Errorf("Covering 10:30 = %v %v", c, ok)
	}
	if _, ok := Covering(free, at("12:00")); ok {
		t.Error("an interval's end is not in it")
	}
	cases := []struct {
		fn        func([]Interval, time.Time, time.Duration) (time.Time, bool)
		name, now string
		min       time.Duration
		want      string // "" for none
	}{
		{NextFree, "free now", "10:30", 15 * time.Minute, "10:30"},
		{NextFree, "too little left now", "11:50", 15 * time.Minute, "15:00"},
		{NextFree, "gap too short", "08:00", 15 * time.Minute, "10:00"},
		{NextFree, "short gap will do", "08:00", 5 * time.Minute, "09:00"},
		{NextFree, "nothing later", "18:00", 0, ""},
		{NextStart, "skips the stretch in progress", "10:30", 15 * time.Minute, "15:00"},
		{NextStart, "busy now", "12:30", 15 * time.Minute, "15:00"},
		{NextStart, "before the day", "08:00", 15 * time.Minute, "10:00"},
		{NextStart, "nothing later", "15:00", 0, ""},
	}
	for _, c := range cases {
		got, ok := c.fn(free, at(c.now), c.min)
		switch {
		case c.want == "" && ok:
			t.Errorf("%s: got %v, want none", c.name, got)
		case c.want != "" && (!ok || !got.Equal(at(c.want))):
			t.Errorf("%s: got %v %v, want %s", c.name, got, ok, c.want)
		}
	}
}

func TestCombineSchedules(t *testing.T) {
	own := Schedule{From: at("00:00"), To: at("23:00"), Busy: []Interval{iv("09:00", "10:00")}}
	team := Schedule{From: at("01:00"), To: at("23:30"), Busy: []Interval{iv("09:30", "11:00")}, Away: []Interval{iv("15:00", "16:00")}}
	s := Combine(own, team)
	if !s.From.Equal(at("01:00")) || !s.To.Equal(at("23:00")) {
		t.Errorf("window %v-%v, want the part both cover", s.From, s.To)
	}
	if got := show(s.Unavailable()); got != "03-02 09:00/03-02 11:00, 03-02 15:00/03-02 16:00" {
		t.Errorf("unavailable = %q", got)
	}
	if until, away, blocked := s.BlockedAt(at("09:15")); !blocked || away || !until.Equal(at("11:00")) {
		t.Errorf("BlockedAt 09:15 = %v %v %v", until, away, blocked)
	}
	if _, _, blocked := s.BlockedAt(at("12:00")); blocked {
		t.Error("free at noon")
	}
	if !s.Covers(at("02:00"), at("22:00")) || s.Covers(at("00:30"), at("22:00")) {
		t.Error("Covers")
	}
}
