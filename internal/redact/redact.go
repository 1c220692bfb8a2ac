// Package redact keeps customer contact details out of logs: a slog.Handler that masks email
// addresses, phone numbers and given names in the message and in every string, error and
// formatted attribute before the next handler writes them.
//
// Emails and phone numbers are recognised by pattern. Names cannot be recognised in general,
// so the rule is that our code never logs a customer's name, the conversation transcript or
// any other payload field (only IDs, agent IDs, phases, outcomes and counts); Options.Names
// masks names known in advance on top of that. The PII scan test checks the rule on a real
// run.
package redact

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
)

// Replacements put in place of what is masked.
const (
	Email = "[email]"
	Phone = "[phone]"
	Name  = "[name]"
)

var (
	emailRE = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	// phoneCandidateRE finds digit runs with the separators phone numbers are written with;
	// isPhone then decides (dates, IP addresses, UUID parts and short numbers are not phones).
	phoneCandidateRE = regexp.MustCompile(`\+?\(?\d[\d ().\-]{5,22}\d`)
	dateRE           = regexp.MustCompile(`^\d{4}[-./]\d{1,2}[-./]\d{1,2}`)
)

// Options tune a handler.
type Options struct {
	// Names are masked wherever they appear, case-insensitively (for instance staff or test
	// customers whose names are known). Names shorter than three letters are ignored.
	Names []string
}

// Handler masks PII before passing records to the next handler.
type Handler struct {
	next  slog.Handler
	names []string // lower case
}

// NewHandler wraps next.
func NewHandler(next slog.Handler, opts Options) *Handler {
	h := &Handler{next: next}
	for _, n := range opts.Names {
		if n = strings.TrimSpace(n); len(n) >= 3 {
			h.names = append(h.names, strings.ToLower(n))
		}
	}
	return h
}

// New is a logger whose records go through a redacting handler to next.
func New(next slog.Handler, opts Options) *slog.Logger {
	return slog.New(NewHandler(next, opts))
}

// Enabled implements slog.Handler.
func (h *Handler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

// Handle implements slog.Handler.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.String(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

// WithAttrs implements slog.Handler.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.attr(a)
	}
	return &Handler{next: h.next.WithAttrs(clean), names: h.names}
}

// WithGroup implements slog.Handler.
func (h *Handler) WithGroup(name string) slog.Handler {
	return &Handler{next: h.next.WithGroup(name), names: h.names}
}

func (h *Handler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		if isIDKey(a.Key) {
			return slog.String(a.Key, idValue(v.String()))
		}
		return slog.String(a.Key, h.String(v.String()))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]any, len(group))
		for i, g := range group {
			clean[i] = h.attr(g)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			// Errors often quote what they failed on; the text is all a log needs.
			return slog.String(a.Key, h.String(x.Error()))
		case fmt.Stringer:
			return slog.String(a.Key, h.String(x.String()))
		case []byte:
			return slog.String(a.Key, h.String(string(x)))
		default:
			// Structs and maps: keep them as they are unless their text holds something to
			// mask, then log the masked text instead.
			s := fmt.Sprintf("%+v", x)
			if masked := h.String(s); masked != s {
				return slog.String(a.Key, masked)
			}
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}

// String masks emails, phone numbers and the handler's names in s.
func (h *Handler) String(s string) string {
	s = String(s)
	for _, n := range h.names {
		s = replaceFold(s, n, Name)
	}
	return s
}

// String masks email addresses and phone numbers in s.
func String(s string) string {
	if !strings.ContainsAny(s, "0123456789@") {
		return s
	}
	s = emailRE.ReplaceAllString(s, Email)
	idx := phoneCandidateRE.FindAllStringIndex(s, -1)
	if len(idx) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range idx {
		if !isPhone(s, m[0], m[1]) {
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(Phone)
		last = m[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// idKeys are attribute keys whose values are identifiers (lower case, without '_'): our own
// and the Temporal SDK's. Their values are opaque IDs by contract (conversation IDs are
// checked against handoff's pattern); masking a digit run in one only breaks the log line
// for whoever searches it.
var idKeys = map[string]bool{
	"handoff": true, "handoffid": true, "conversation": true, "conversationid": true,
	"workflowid": true, "runid": true, "agent": true, "agentid": true, "activityid": true,
	"workerid": true, "parentworkflowid": true, "parentrunid": true,
	// OpenTelemetry's trace and span IDs (telemetry.LogHandler and the SDK interceptor's
	// loggers): hex, sometimes long runs of digits.
	"traceid": true, "spanid": true,
}

func isIDKey(key string) bool {
	return idKeys[strings.ToLower(strings.ReplaceAll(key, "_", ""))]
}

// idValue is an ID attribute's value as logged: intact, unless the whole of it is an email
// address or a phone number (an ID someone made of the customer's number is still PII).
func idValue(v string) string {
	if masked := String(v); masked == Email || masked == Phone {
		return masked
	}
	return v
}

// isPhone decides whether s[i:j], a run of digits and separators, is written like a phone
// number rather than a date, an IP address, a version, a duration or part of an identifier.
func isPhone(s string, i, j int) bool {
	if partOfToken(s, i, j) {
		return false
	}
	c := strings.TrimRight(s[i:j], " .-")
	digits, groups, maxGroup, cur := 0, 0, 0, 0
	onlyDots := true
	for k := 0; k < len(c); k++ {
		switch ch := c[k]; {
		case ch >= '0' && ch <= '9':
			digits++
			if cur == 0 {
				groups++
			}
			cur++
			maxGroup = max(maxGroup, cur)
		default:
			if ch != '.' {
				onlyDots = false
			}
			cur = 0
		}
	}
	if digits < 7 || digits > 15 {
		return false
	}
	if strings.HasPrefix(c, "+") {
		return true
	}
	if dateRE.MatchString(c) {
		return false
	}
	if onlyDots && maxGroup <= 3 {
		return false // 10.0.12.7, 1.29.1
	}
	if groups == 1 {
		return digits >= 10 // a bare run: 5125550142, not 40817 or 2650000
	}
	return maxGroup >= 3
}

// partOfToken reports whether the digit run s[i:j] belongs to a larger token: an ID such as
// cust-40817123456, conv-2025-555-0100 or handoff-c/0195f3a2-…-555501001234, a time such
// as 14:02:00.5550100, a path segment, a duration such as 12.5ms. Prose sets a phone number
// apart with spaces, quotes, brackets or '='; identifiers glue their parts together with
// letters, digits, '_', '-', '.', '/' or ':'. A phone URI scheme ("tel:") is not such glue.
func partOfToken(s string, i, j int) bool {
	if i > 0 {
		if isWordByte(s[i-1]) {
			return true
		}
		if isJoiner(s[i-1]) && i > 1 && isWordByte(s[i-2]) && !afterPhoneScheme(s[:i]) {
			return true
		}
	}
	if j < len(s) {
		if isWordByte(s[j]) {
			return true
		}
		if isJoiner(s[j]) && j+1 < len(s) && isWordByte(s[j+1]) {
			return true
		}
	}
	return false
}

func isJoiner(b byte) bool { return b == '-' || b == '.' || b == '/' || b == ':' }

// phoneSchemes introduce a phone number glued to them: "tel:+1-512-555-0142".
var phoneSchemes = []string{"tel:", "sms:", "callto:", "phone:", "mobile:", "fax:", "whatsapp:"}

// afterPhoneScheme reports whether prefix ends with a phone scheme that starts a token.
func afterPhoneScheme(prefix string) bool {
	lower := strings.ToLower(prefix)
	for _, scheme := range phoneSchemes {
		if rest, ok := strings.CutSuffix(lower, scheme); ok && (rest == "" || !isWordByte(rest[len(rest)-1]) && !isJoiner(rest[len(rest)-1])) {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// replaceFold replaces every case-insensitive occurrence of lower (already lower case) in s.
func replaceFold(s, lower, with string) string {
	ls := strings.ToLower(s)
	if !strings.Contains(ls, lower) {
		return s
	}
	if len(ls) != len(s) {
		// Lower-casing changed byte offsets (some non-Latin letters): exact matches only.
		return strings.ReplaceAll(s, lower, with)
	}
	var b strings.Builder
	for {
		k := strings.Index(ls, lower)
		if k < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:k])
		b.WriteString(with)
		s, ls = s[k+len(lower):], ls[k+len(lower):]
	}
}
