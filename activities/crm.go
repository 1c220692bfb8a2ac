package activities

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/sony/gobreaker/v2"
)

// The CRM lookup follows GoHighLevel's contacts API (v2):
//
//	GET {crm.url}/contacts/?locationId={crm.location_id}&query={email or phone}
//	Authorization: Bearer {token}
//	Version: 2021-07-28
//
// answered with {"contacts": [{"id", "firstName", "lastName", "email", "phone", "tags": [],
// "customFields": [{"id", "value"}], "dateAdded", "source", "opportunities": [...]}]}.
// The query is a fuzzy search, so only a contact whose email or phone equals the customer's is
// used: enriching from someone else's record would be worse than not enriching at all.

// crmAPIVersion is the Version header GoHighLevel's v2 API requires.
const crmAPIVersion = "2021-07-28"

// EnrichInput is what a CRM lookup reads: who to look up, and the parts of the input it may
// fill (so it asks only for what is missing). The transcript stays out: it is not needed and
// would bloat the activity's input in history.
type EnrichInput struct {
	Customer            handoff.Customer            `json:"customer"`
	ConversationState   handoff.ConversationState   `json:"conversation_state"`
	RelationshipContext handoff.RelationshipContext `json:"relationship_context"`
	BusinessContext     handoff.BusinessContext     `json:"business_context"`
}

// NewEnrichInput takes from a handoff input what EnrichFromCRM needs.
func NewEnrichInput(in *handoff.Input) EnrichInput {
	return EnrichInput{
		Customer:            in.Customer,
		ConversationState:   in.ConversationState,
		RelationshipContext: in.RelationshipContext,
		BusinessContext:     in.BusinessContext,
	}
}

type crmContact struct {
	ID           string   `json:"id"`
	FirstName    string   `json:"firstName"`
	LastName     string   `json:"lastName"`
	Email        string   `json:"email"`
	Phone        string   `json:"phone"`
	Source       string   `json:"source"`
	DateAdded    string   `json:"dateAdded"`
	Tags         []string `json:"tags"`
	CustomFields []struct {
		ID    string `json:"id"`
		Key   string `json:"key"`
		Value any    `json:"value"`
	} `json:"customFields"`
	Opportunities []struct {
		MonetaryValue float64 `json:"monetary_value"`
		Status        string  `json:"status"`
	} `json:"opportunities"`
}

// unavailable is an enrichment that did not happen because the CRM could not answer.
func unavailable(format string, args ...any) handoff.Enrichment {
	return handoff.Enrichment{Source: "crm", Reason: "CRM unavailable: " + fmt.Sprintf(format, args...)}
}

// EnrichFromCRM looks the customer up in the CRM by email or phone and returns values for the
// profile fields the input lacks. It fails only when the activity itself is cancelled: a CRM
// that is down, slow, refuses the token or has its breaker open gives Enriched false and a
// reason, and the handoff goes on without enrichment. Merge the result with
// handoff.ApplyEnrichment (pure, deterministic) or pass it to PackageContext.
func (a *Activities) EnrichFromCRM(ctx context.Context, in EnrichInput) (handoff.Enrichment, error) {
	crm := a.cfg.CRM
	if !crm.Enabled() {
		return handoff.Enrichment{Reason: "no CRM is configured"}, nil
	}
	if crm.Token == "" {
		return unavailable("no token in $%s", crm.TokenEnv), nil
	}
	var queries []string
	for _, q := range []string{strings.TrimSpace(in.Customer.Email), strings.TrimSpace(in.Customer.Phone)} {
		if q != "" {
			queries = append(queries, q)
		}
	}
	if len(queries) == 0 {
		return handoff.Enrichment{Source: "crm", Reason: "no email or phone to look the customer up by"}, nil
	}
	for _, q := range queries {
		contacts, e, ok := a.searchCRM(ctx, q)
		if !ok {
			if err := ctx.Err(); err != nil {
				return e, err
			}
			return e, nil
		}
		if c, found := matchContact(contacts, in.Customer); found {
			e := contactEnrichment(c, in, a.cfg.CRM.CustomFields)
			a.logger.Info("CRM enrichment", "fields", len(e.Fields))
			return e, nil
		}
	}
	return handoff.Enrichment{Source: "crm", Reason: "no CRM contact matches the customer's email or phone"}, nil
}

// searchCRM runs one contacts search behind the CRM's breaker. ok is false when the CRM could
// not answer; the enrichment then says why.
func (a *Activities) searchCRM(ctx context.Context, query string) ([]crmContact, handoff.Enrichment, bool) {
	crm := a.cfg.CRM
	u := strings.TrimRight(crm.URL, "/") + "/contacts/?" + crmQuery(crm.LocationID, query)
	cctx, cancel := context.WithTimeout(ctx, crm.TimeoutDuration())
	defer cancel()

	var body []byte
	resp, err := a.breaker("crm").Execute(func() (*http.Response, error) {
		req, err := http.NewRequestWithContext(cctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+crm.Token)
		req.Header.Set("Version", crmAPIVersion)
		req.Header.Set("Accept", "application/json")
		resp, err := a.http.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		body, err = io.ReadAll(io.LimitReader(resp.Body, 4<<20))
		if err != nil {
			return resp, err
		}
		// 5xx and rate limiting count against the breaker: the CRM is struggling. Other 4xx
		// are the CRM working and saying no (a bad token), so they do not trip it.
		if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
			return resp, fmt.Errorf("answered %s", resp.Status)
		}
		return resp, nil
	})
	switch {
	case errors.Is(err, gobreaker.ErrOpenState), errors.Is(err, gobreaker.ErrTooManyRequests):
		return nil, unavailable("circuit open after repeated failures"), false
	case isTimeout(err) || cctx.Err() != nil && ctx.Err() == nil:
		return nil, unavailable("no answer within %s", crm.TimeoutDuration()), false
	case err != nil:
		return nil, unavailable("%s", redactURL(err.Error(), u)), false
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return nil, unavailable("the CRM refused the token (%s): check $%s", resp.Status, crm.TokenEnv), false
	case resp.StatusCode == http.StatusNotFound:
		return nil, handoff.Enrichment{}, true
	case resp.StatusCode >= 300:
		return nil, unavailable("answered %s", resp.Status), false
	}
	var out struct {
		Contacts []crmContact `json:"contacts"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		return nil, unavailable("unreadable answer: %v", err), false
	}
	return out.Contacts, handoff.Enrichment{}, true
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}

func crmQuery(locationID, query string) string {
	v := url.Values{}
	if locationID != "" {
		v.Set("locationId", locationID)
	}
	v.Set("query", query)
	return v.Encode()
}

// redactURL keeps the query (the customer's email or phone) out of error messages, which end
// up in the package, the brief and the logs.
func redactURL(msg, u string) string {
	base, _, _ := strings.Cut(u, "?")
	return strings.ReplaceAll(msg, u, base)
}

// matchContact finds the contact whose email or phone is the customer's.
func matchContact(contacts []crmContact, cu handoff.Customer) (crmContact, bool) {
	email := strings.ToLower(strings.TrimSpace(cu.Email))
	phone := phoneDigits(cu.Phone)
	for _, c := range contacts {
		if email != "" && strings.ToLower(strings.TrimSpace(c.Email)) == email {
			return c, true
		}
		if phone != "" && phoneDigits(c.Phone) == phone {
			return c, true
		}
	}
	return crmContact{}, false
}

// phoneDigits compares numbers by their last ten digits, so "+1-512-555-0142" and
// "(512) 555-0142" match; shorter numbers must match whole.
func phoneDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if len(d) > 10 {
		d = d[len(d)-10:]
	}
	return d
}

// contactEnrichment turns a contact into values for the fields the input lacks.
func contactEnrichment(c crmContact, in EnrichInput, mapped []config.CRMField) handoff.Enrichment {
	found := map[string]any{}
	put := func(path string, v any) {
		if s, ok := v.(string); ok {
			v = strings.TrimSpace(s)
		}
		if _, dup := found[path]; !dup && v != nil && v != "" {
			found[path] = v
		}
	}
	for _, m := range mapped {
		for _, f := range c.CustomFields {
			if f.ID == m.ID || (f.Key != "" && f.Key == m.ID) {
				put(m.Path, f.Value)
			}
		}
	}
	put("customer.id", c.ID)
	put("customer.name", strings.TrimSpace(c.FirstName+" "+c.LastName))
	put("customer.email", c.Email)
	put("customer.phone", c.Phone)
	var history []any
	if c.DateAdded != "" {
		since, _, _ := strings.Cut(c.DateAdded, "T")
		entry := "In the CRM since " + since
		if c.Source != "" {
			entry += " (source: " + c.Source + ")"
		}
		history = append(history, entry)
	}
	if len(c.Tags) > 0 {
		history = append(history, "CRM tags: "+strings.Join(c.Tags, ", "))
	}
	if len(history) > 0 {
		put("relationship_context.relationship_history", history)
	}
	best := 0.0
	for _, o := range c.Opportunities {
		if o.Status == "" || o.Status == "open" {
			best = max(best, o.MonetaryValue)
		}
	}
	if best > 0 {
		put("business_context.opportunity_value", best)
	}

	// Keep only what the input lacks, through the same merge the workflow runs.
	probe := handoff.Input{Customer: in.Customer, ConversationState: in.ConversationState,
		RelationshipContext: in.RelationshipContext, BusinessContext: in.BusinessContext}
	e := handoff.Enrichment{Enriched: true, Source: "crm", ContactID: c.ID, Fields: found}
	filled := handoff.ApplyEnrichment(&probe, e)
	e.Fields = make(map[string]any, len(filled))
	for _, p := range filled {
		e.Fields[p] = found[p]
	}
	return e
}
