package httpapi_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/service"
)

// TestIntegrationHumanPoolCapacity runs 200 handoffs against a pool of five humans with
// capacity 2 each, on the real dev server with a real worker, through the HTTP API. More
// handoffs run at once than the pool has capacity, so reservations race and some are refused;
// a handoff that finds nobody (no_capacity) is started again, as a bot would. Each human works
// with their own token: list offers, accept, release a moment later. At the end no human ever
// held more than their capacity (their entity's MaxHeld, and what the test saw) and nothing is
// held any more.
func TestIntegrationHumanPoolCapacity(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	const (
		conversations = 200
		producers     = 14 // more handoffs at once than the pool's 10 units of capacity
		capacity      = 2
		maxAttempts   = 30
	)
	pool := []string{"p1", "p2", "p3", "p4", "p5"}
	e := testenv.Start(t, testenv.Options{
		Handoff: map[string]any{"monitoring_window": "1s", "offer_timeout": "20s", "away_on_timeout": false},
		Edit: func(doc map[string]any, agentsURL string) {
			// The pool replaces the example's humans in the human_agent group.
			var roster []any
			for _, a := range doc["agents"].([]any) {
				if id := a.(map[string]any)["id"]; id != "maria" && id != "james" {
					roster = append(roster, a)
				}
			}
			for _, id := range pool {
				roster = append(roster, map[string]any{
					"id": id, "kind": "human", "groups": []any{"human_agent"}, "capacity": capacity,
					"notify_url": agentsURL + "/agents/" + id + "/notify",
				})
			}
			doc["agents"] = roster
		},
	})
	start := time.Now()

	humans := make([]*human, len(pool))
	var stop atomic.Bool
	var humansDone sync.WaitGroup
	for i, id := range pool {
		humans[i] = &human{id: id, e: e, t: t}
		if i == 0 {
			humans[i].intruder = pool[1]
		}
		humansDone.Add(1)
		go func() {
			defer humansDone.Done()
			humans[i].work(&stop)
		}()
	}

	// Another person's token cannot read p1's offers (nor answer them: see human.intruder).
	if status, body := e.Do(t, "GET", "/v1/agents/p1/offers", "p2", nil); status != http.StatusForbidden {
		t.Fatalf("p2 reading p1's offers: %d %s", status, body)
	}

	var (
		mu       sync.Mutex
		outcomes = map[handoff.Outcome]int{}
		targets  = map[string]int{}
		retries  int
		refused  int
	)
	work := make(chan int)
	var producing sync.WaitGroup
	for range producers {
		producing.Add(1)
		go func() {
			defer producing.Done()
			for n := range work {
				conv := fmt.Sprintf("pool-%03d", n)
				var st handoff.State
				for attempt := 1; ; attempt++ {
					status, body := e.Do(t, "POST", "/v1/handoffs?wait=true", "jorge_seller_bot", sellerInput(conv))
					if status != http.StatusCreated {
						t.Errorf("%s: start answered %d %s", conv, status, body)
						return
					}
					st = decodeJSON[handoff.State](t, body)
					mu.Lock()
					for _, o := range st.Offers {
						if o.Result == handoff.OfferUnavailable && strings.Contains(o.Reason, "at capacity") {
							refused++
						}
					}
					if st.Outcome == handoff.OutcomeNoCapacity && attempt < maxAttempts {
						retries++
						mu.Unlock()
						time.Sleep(time.Duration(50+rand.IntN(150)) * time.Millisecond)
						continue
					}
					outcomes[st.Outcome]++
					targets[st.Owner]++
					mu.Unlock()
					break
				}
				if st.Outcome != handoff.OutcomeCompleted || !slices.Contains(pool, st.Owner) {
					t.Errorf("%s: outcome %s (%s), owner %s", conv, st.Outcome, st.OutcomeReason, st.Owner)
				}
			}
		}()
	}
	for n := range conversations {
		work <- n
	}
	close(work)
	producing.Wait()
	// Let the humans finish the releases they have scheduled, then stop them.
	for _, h := range humans {
		h.releases.Wait()
	}
	stop.Store(true)
	humansDone.Wait()
	elapsed := time.Since(start)

	if !humans[0].intruded.Load() {
		t.Error("p1 never got an offer for p2 to try to take")
	}
	for _, h := range humans {
		status, body := e.Do(t, "GET", "/v1/agents/"+h.id, "operator", nil)
		if status != http.StatusOK {
			t.Fatalf("state of %s: %d %s", h.id, status, body)
		}
		st := decodeJSON[handoff.AgentState](t, body)
		t.Logf("%s: accepted %d, most held %d (entity MaxHeld %d), now holding %d", h.id, h.accepted.Load(), h.maxSeen.Load(), st.MaxHeld, st.Active())
		if st.MaxHeld > capacity || int(h.maxSeen.Load()) > capacity {
			t.Errorf("%s held %d (seen %d), capacity %d", h.id, st.MaxHeld, h.maxSeen.Load(), capacity)
		}
		if st.Active() != 0 {
			t.Errorf("%s still holds %+v", h.id, st.Reservations)
		}
	}
	t.Logf("%d handoffs in %s: outcomes %v, owners %v, %d restarted after no_capacity, %d candidates skipped or refused at capacity (ranking or reservation)",
		conversations, elapsed.Round(time.Millisecond), outcomes, targets, retries, refused)
	if outcomes[handoff.OutcomeCompleted] != conversations {
		t.Fatalf("completed %d of %d", outcomes[handoff.OutcomeCompleted], conversations)
	}
}

// human plays one person of the pool through the API with their own token.
type human struct {
	id string
	e  *testenv.Env
	t  *testing.T

	accepted atomic.Int64
	maxSeen  atomic.Int64
	releases sync.WaitGroup
	answered map[string]bool
	// intruder, when set, tries to accept this person's first offer with their own token; the
	// workflow must refuse it.
	intruder string
	intruded atomic.Bool
}

func (h *human) work(stop *atomic.Bool) {
	h.answered = map[string]bool{}
	for !stop.Load() {
		status, body := h.e.Do(h.t, "GET", "/v1/agents/"+h.id, h.id, nil)
		if status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout {
			// Temporal or the worker did not answer in time (a loaded machine): a client
			// asks again, as a person's console would.
			time.Sleep(100 * time.Millisecond)
			continue
		}
		if status != http.StatusOK {
			h.t.Errorf("%s state: %d %s", h.id, status, body)
			return
		}
		var st handoff.AgentState
		if err := json.Unmarshal(body, &st); err != nil {
			h.t.Errorf("%s state: %v", h.id, err)
			return
		}
		if n := int64(st.Active()); n > h.maxSeen.Load() {
			h.maxSeen.Store(n)
		}
		if slices.ContainsFunc(st.Reservations, func(r handoff.Reservation) bool { return r.State == handoff.ReservationOffered }) {
			h.answerOffers()
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func (h *human) answerOffers() {
	status, body := h.e.Do(h.t, "GET", "/v1/agents/"+h.id+"/offers", h.id, nil)
	if status != http.StatusOK {
		h.t.Errorf("%s offers: %d %s", h.id, status, body)
		return
	}
	var offers service.Offers
	if err := json.Unmarshal(body, &offers); err != nil {
		h.t.Errorf("%s offers: %v", h.id, err)
		return
	}
	for _, o := range offers.Offers {
		key := o.HandoffID + "@" + o.Since.String()
		if h.answered[key] {
			continue
		}
		h.answered[key] = true
		if h.intruder != "" && !h.intruded.Swap(true) {
			if status, body := h.e.Do(h.t, "POST", o.AcceptPath, h.intruder, nil); status != http.StatusConflict {
				h.t.Errorf("%s accepting %s's offer: %d %s, want 409", h.intruder, h.id, status, body)
			}
		}
		status, body := h.e.Do(h.t, "POST", o.AcceptPath, h.id, nil)
		switch status {
		case http.StatusOK:
		case http.StatusConflict:
			continue // the offer ended meanwhile
		default:
			h.t.Errorf("%s accepting %s: %d %s", h.id, o.ConversationID, status, body)
			continue
		}
		h.accepted.Add(1)
		h.releases.Add(1)
		conv := o.ConversationID
		// The conversation lasts a moment, then the person releases it. It is theirs to
		// release once assigned, a moment after the accept (the source lets go first); until
		// then the release is refused with 409, and a client retries.
		time.AfterFunc(time.Duration(150+rand.IntN(350))*time.Millisecond, func() {
			defer h.releases.Done()
			deadline := time.Now().Add(30 * time.Second)
			for {
				status, body := h.e.Do(h.t, "POST", "/v1/agents/"+h.id+"/release", h.id, map[string]string{"conversation_id": conv})
				switch {
				case status == http.StatusOK:
					return
				case status == http.StatusConflict && time.Now().Before(deadline):
					time.Sleep(50 * time.Millisecond)
				default:
					h.t.Errorf("%s releasing %s: %d %s", h.id, conv, status, body)
					return
				}
			}
		})
	}
}
