package handoff

import (
	"strings"
	"testing"
	"time"
)

// Windows keep their clock times across a daylight-saving change: Madrid moves to summer time
// on Sunday 29 March 2026, so 09:00 is 08:00Z on the Friday before and 07:00Z on the Monday.
func TestBusinessHoursWindows(t *testing.T) {
	madrid, err := time.LoadLocation("Europe/Madrid")
	if err != nil {
		t.Fatal(err)
	}
	h, err := ParseBusinessHours("Mon-Fri 09:00-18:00, Sat 10:00-12:00")
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC) // Friday, in the middle of the day
	var got []string
	for _, w := range h.Windows(from, from.Add(4*24*time.Hour), madrid) {
		got = append(got, w.Open.UTC().Format("Mon 15:04")+"-"+w.Close.UTC().Format("15:04"))
	}
	want := "Fri 08:00-17:00, Sat 09:00-11:00, Mon 07:00-16:00, Tue 07:00-16:00"
	if strings.Join(got, ", ") != want {
		t.Fatalf("windows %q, want %q", strings.Join(got, ", "), want)
	}
	always, _ := ParseBusinessHours("")
	if w := always.Windows(from, from.Add(time.Hour), madrid); len(w) != 1 || !w[0].Open.Equal(from) || !w[0].Close.Equal(from.Add(time.Hour)) {
		t.Fatalf("always open: %v, want the whole span", w)
	}
}
