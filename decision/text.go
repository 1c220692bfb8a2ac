package decision

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/handoffhq/orchestrator/handoff"
)

// words splits text into lowercase words (runs of letters and digits), appending to dst.
// Keywords are split the same way, so "post" matches "Post!" and "#post" but never
// "posting", and a keyword such as "landing page" matches those two words in a row.
func words(s string, dst []string) []string {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			dst = append(dst, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, strings.ToLower(s[start:]))
	}
	return dst
}

// findPhrase returns the index where phrase starts in ws, or -1.
func findPhrase(ws, phrase []string) int {
	if len(phrase) == 0 {
		return -1
	}
outer:
	for i := 0; i+len(phrase) <= len(ws); i++ {
		for j, p := range phrase {
			if ws[i+j] != p {
				continue outer
			}
		}
		return i
	}
	return -1
}

// stem is a deliberately small suffix stripper for capability matching only ("posting" and
// "posts" meet "post"); explicit league keywords stay exact, as the seed's are.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:len(w)-1]
	}
	switch {
	case len(w) >= 7 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) >= 6 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

func stems(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = stem(w)
	}
	return out
}

// clip bounds the text one message contributes to analysis, so no input can make the
// analyzer slow; it cuts on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// latestCustomerMessage is the text of the last customer message, or "".
func latestCustomerMessage(msgs []handoff.Message) string {
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Role == "customer" {
			return msgs[i].Text
		}
	}
	return ""
}
