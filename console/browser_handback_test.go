package console_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
)

// TestBrowserHandback: maria owns a conversation (the handoff that brought it closed); on her
// page she writes what she promised and hands it back, and the seller bot owns it, with her
// words in the end-of-stretch marker it got.
func TestBrowserHandback(t *testing.T) {
	chromium := requireChromium(t)
	axe := requireAxe(t)
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "2m"}})
	in := testenv.Sample(t, "seller-distress.json")
	conv := in.ConversationID
	if status, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); status != http.StatusCreated {
		t.Fatalf("start: %d %s", status, body)
	}
	e.WaitFor(t, conv, 20*time.Second, "offer to maria", func(s handoff.State) bool {
		return s.CurrentOffer != nil && s.CurrentOffer.Agent == "maria"
	})
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/accept", "maria", nil); status != http.StatusOK {
		t.Fatalf("accept: %d %s", status, body)
	}
	e.WaitFor(t, conv, 20*time.Second, "closed with maria", func(s handoff.State) bool { return s.Phase == handoff.PhaseClosed && s.Owner == "maria" })

	maria := newBrowser(t, chromium, axe).tab("maria")
	maria.signIn(e.API.URL, e.Secrets["maria"])
	card := `#conversations article[data-conversation="` + conv + `"]`
	waitFor[bool](maria, 20*time.Second, "the hand back control", `!!document.querySelector('`+card+` button.handback')`)
	maria.checkA11y("agent page with a conversation to hand back")
	maria.do(
		chromedp.SendKeys(chromedp.CSS(card+` .row.handback input`), "Valuation visit booked for Thursday 10:00"),
		chromedp.Click(chromedp.CSS(card+` button.handback`)),
	)
	st := e.WaitFor(t, conv, 20*time.Second, "handed back", func(s handoff.State) bool {
		return s.Kind == handoff.LinkHandback && s.Phase == handoff.PhaseClosed
	})
	if st.Owner != in.SourceAgent || st.StretchEnded == nil || st.StretchEnded.Summary.Notes != "Valuation visit booked for Thursday 10:00" {
		t.Fatalf("after the console's handback: owner %s (%s %s), marker %+v", st.Owner, st.Outcome, st.OutcomeReason, st.StretchEnded)
	}
	waitFor[bool](maria, 20*time.Second, "the conversation gone from her page", `!document.querySelector('`+card+`')`)
	maria.clean("handback")
}
