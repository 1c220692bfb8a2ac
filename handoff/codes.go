package handoff

import (
	"regexp"
	"strings"
)

// The handoff log keeps codes, never prose anyone typed: a person's decline reason or a
// receiver's verdict may name the customer or quote them. Whatever is not one of the known
// codes (or, for labels, not shaped like one) is stored as "other".

// DeclineCodes are the reasons a person may give for declining an offer (the decline's
// "reason"); the log keeps the code, or "other" for anything else they wrote.
var DeclineCodes = []string{"busy", "not_qualified", "language", "conflict_of_interest", "end_of_shift", "wrong_team"}

// DeclineCode is the code of a decline reason: a known code as given (any case, spaces or
// dashes for underscores), "unspecified" when the person gave none, "other" for anything else.
func DeclineCode(reason string) string {
	r := strings.ToLower(strings.TrimSpace(reason))
	r = strings.NewReplacer(" ", "_", "-", "_").Replace(r)
	if r == "" || strings.HasPrefix(r, "declined_by_") {
		return "unspecified"
	}
	for _, c := range DeclineCodes {
		if r == c {
			return c
		}
	}
	return "other"
}

var labelPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,63}$`)

// IsLabel reports whether s is shaped like a label: lower case letters, digits, "_", "." and
// "-", at most 64 characters. Labels are categories ("listing_signed"), not sentences.
func IsLabel(s string) bool { return labelPattern.MatchString(s) }

// Label is s when it is shaped like a label, "other" when it is not, "" when empty.
func Label(s string) string {
	switch {
	case s == "":
		return ""
	case IsLabel(s):
		return s
	}
	return "other"
}
