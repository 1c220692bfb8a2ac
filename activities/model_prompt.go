package activities

import (
	"encoding/json"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
)

// noAgent is the recommendation that recommends nobody.
const noAgent = "none"

// modelInstructions define the triggers as the labelled set in decision/testdata/triggers
// does, so the model and the built-in analyzer are measured against the same definitions.
const modelInstructions = `You read a conversation between a customer and a bot of a real-estate (or marketing) business and decide whether a person should take over. Judge the customer's state now: later messages weigh more, and a complaint or worry the bot has already resolved, or a request for a person the customer withdrew, no longer counts. Customers write in English or Spanish, with typos and without accents.

For each trigger give present (true or false), score (0 to 1, how sure), and evidence (the customer's own words that show it, at most 12 words; empty when absent):
- human_request: the customer explicitly asks for a person, human, real agent, someone, representative, manager, supervisor or operator, or to call or speak with one; terse requests ("agent", "human pls", "operador") count. Declining a person ("no need for a person"), mentioning people ("my agent said", "a person at the bank") and compliments ("better than a real agent") do not.
- frustration: anger, exasperation or complaints about the service: shouting in capitals, "!!!" or "???", insults, exasperated sarcasm, the same question asked again. Negations ("I'm not angry") and positive uses ("ridiculous how fast houses sell", "crazy good deal") do not.
- distress: emotional distress from life circumstances: job loss, mortgage hardship or missed payments, medical bills, bereavement, serious illness, fear of losing the home, the pain of a divorce, panic, crying, feeling overwhelmed. Ordinary eagerness, small talk, a worry already cleared up and past events mentioned factually do not.
- legal: legal complexity: liens, easement problems, title defects, boundary disputes, litigation, probate and estates among heirs, divorce settlements or court orders, foreclosure, bankruptcy, code violations with fines, contract disputes, a lawyer reviewing the deal. "Real estate" the business, estate sales, signing a lease, a lien already released or a routine utility easement do not.

recommendation: when the roster is given, the agent (by id) best placed to help the customer next, with confidence 0 to 100 and a one-sentence reason; "none" when no agent fits. Never the source agent.

Answer with the JSON object the schema describes and nothing else.`

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Model          string         `json:"model"`
	Messages       []chatMessage  `json:"messages"`
	Temperature    float64        `json:"temperature"`
	ResponseFormat map[string]any `json:"response_format"`
}

// request is the chat completion asked for: the instructions, then the conversation (the
// latest messages of the customer and the agents, no tool or system lines, no customer
// details) and, when recommending, the roster, as JSON.
func (m *ModelAnalyzer) request(in *handoff.Input) chatRequest {
	type line struct {
		Role string `json:"role"`
		Text string `json:"text"`
	}
	var lines []line
	for i := len(in.Messages) - 1; i >= 0 && len(lines) < modelTranscript; i-- {
		msg := in.Messages[i]
		if (msg.Role == "customer" || msg.Role == "agent") && strings.TrimSpace(msg.Text) != "" {
			lines = append(lines, line{msg.Role, clipBytes(msg.Text, modelMessageBytes)})
		}
	}
	for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	user := map[string]any{"source_agent": in.SourceAgent, "conversation": lines}
	var ids []string
	if m.recommend {
		var roster []modelAgent
		for _, a := range m.roster {
			if a.ID != in.SourceAgent {
				roster = append(roster, a)
				ids = append(ids, a.ID)
			}
		}
		user["roster"] = roster
	}
	content, _ := json.Marshal(user) // strings, slices and maps of them: cannot fail
	return chatRequest{
		Model:       m.model,
		Temperature: 0,
		Messages:    []chatMessage{{Role: "system", Content: modelInstructions}, {Role: "user", Content: string(content)}},
		ResponseFormat: map[string]any{
			"type":        "json_schema",
			"json_schema": map[string]any{"name": "handoff_triggers", "strict": true, "schema": answerSchema(ids)},
		},
	}
}

// answerSchema is the structured output asked for. The recommendation's agent is one of the
// roster's IDs or "none", so a model that honours the schema cannot name anyone else.
func answerSchema(ids []string) map[string]any {
	trigger := map[string]any{
		"type": "object",
		"properties": map[string]any{
			"present":  map[string]any{"type": "boolean"},
			"score":    map[string]any{"type": "number"},
			"evidence": map[string]any{"type": "string"},
		},
		"required":             []string{"present", "score", "evidence"},
		"additionalProperties": false,
	}
	props := map[string]any{"human_request": trigger, "frustration": trigger, "distress": trigger, "legal": trigger}
	required := []string{"human_request", "frustration", "distress", "legal"}
	if len(ids) > 0 {
		props["recommendation"] = map[string]any{
			"type": "object",
			"properties": map[string]any{
				"agent":      map[string]any{"type": "string", "enum": append(append([]string(nil), ids...), noAgent)},
				"confidence": map[string]any{"type": "number"},
				"reason":     map[string]any{"type": "string"},
			},
			"required":             []string{"agent", "confidence", "reason"},
			"additionalProperties": false,
		}
		required = append(required, "recommendation")
	}
	return map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
}

// clipBytes cuts s to at most n bytes on a rune boundary.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
