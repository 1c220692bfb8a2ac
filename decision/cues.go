package decision

import (
	"strings"
	"sync"

	"github.com/jonreiter/govader"
)

// Cue lexicons for the built-in analyzer. VADER scores how negative a message sounds; these
// add what a general-purpose sentiment lexicon does not know about a property conversation:
// the life events and legal situations that make a sale complex or a customer fragile.

type cueLevel uint8

const (
	cueDistress    cueLevel = iota + 1
	cueMedium               // makes a transaction more complex
	cueLegalMedium          // legal, but routine for an agent
	cueLegalHigh            // legal trouble a human should handle
)

// cueWeight is how much one distinct cue adds to complexity_score (combined as 1-Π(1-w)):
// one high legal cue alone gives 0.6, two give 0.84, over rule 1's 0.8.
var cueWeight = map[cueLevel]float64{cueMedium: 0.25, cueLegalMedium: 0.3, cueLegalHigh: 0.6}

type cue struct {
	label    string
	level    cueLevel
	forms    [][]string
	notAfter string // "estate" after "real" is the business, not a deceased's estate
}

var cueTable = []struct {
	level cueLevel
	spec  string // "label: form, form, ..."; a form may be several words
}{
	{cueDistress, "overwhelmed: overwhelmed, overwhelming"},
	{cueDistress, "scared: scared, afraid, terrified, frightened"},
	{cueDistress, "desperate: desperate, desperately"},
	{cueDistress, "stressed: stressed, stressful, stress"},
	{cueDistress, "anxious: anxious, anxiety, panic, panicking"},
	{cueDistress, "crying: crying, cried, in tears"},
	{cueDistress, "devastated: devastated, heartbroken, crushed"},
	{cueDistress, "hopeless: hopeless, helpless"},
	{cueDistress, "exhausted: exhausted, drained"},
	{cueDistress, "falling apart: falling apart, breaking down, losing my mind"},
	{cueDistress, "can't cope: can't cope, cannot cope, cant cope, can't handle, can't do this, can't take it"},
	{cueDistress, "don't know what to do: don't know what to do, dont know what to do"},
	{cueDistress, "grief: passed away, grieving, funeral"},
	{cueDistress, "nightmare: nightmare"},

	{cueLegalHigh, "divorce: divorce, divorced, divorcing, separation, separated, custody"},
	{cueLegalHigh, "probate: probate, executor, executrix"},
	{cueLegalHigh, "estate: estate, inheritance, inherited, inherit, heirs, heir"},
	{cueLegalHigh, "lawsuit: lawsuit, sue, sued, suing, litigation, court"},
	{cueLegalHigh, "lien: lien, liens"},
	{cueLegalHigh, "foreclosure: foreclosure, foreclose, foreclosing, foreclosed, default notice"},
	{cueLegalHigh, "bankruptcy: bankruptcy, bankrupt, chapter 7, chapter 13"},
	{cueLegalHigh, "eviction: eviction, evict, evicting, evicted"},
	{cueLegalHigh, "title dispute: title dispute, title issue, quitclaim, clouded title"},
	{cueLegalHigh, "power of attorney: power of attorney, guardianship, conservatorship"},

	{cueLegalMedium, "tenants: tenant, tenants, lease, leased, renters"},
	{cueLegalMedium, "easement: easement, encroachment, boundary dispute"},
	{cueLegalMedium, "hoa: hoa"},
	{cueLegalMedium, "permits: permit, permits, unpermitted, code violation, zoning"},
	{cueLegalMedium, "short sale: short sale, underwater"},
	{cueLegalMedium, "lawyer: lawyer, attorney, legal"},

	{cueMedium, "1031 exchange: 1031"},
	{cueMedium, "co-owners: co owner, co owners, joint owners, my ex"},
	{cueMedium, "trust: living trust, family trust"},
	{cueMedium, "relocation: relocation, relocating"},
	{cueMedium, "contingency: contingent, contingency, sell first, bridge loan"},
	{cueMedium, "repairs: foundation, mold, asbestos, structural"},
}

var cues = func() []cue {
	out := make([]cue, 0, len(cueTable))
	for _, t := range cueTable {
		label, forms, _ := strings.Cut(t.spec, ":")
		c := cue{label: label, level: t.level}
		if label == "estate" {
			c.notAfter = "real"
		}
		for _, f := range strings.Split(forms, ",") {
			c.forms = append(c.forms, words(f, nil))
		}
		out = append(out, c)
	}
	return out
}()

// negators before a cue cancel it: "no lien", "I'm not overwhelmed", "wasn't sued". The
// tokenizer splits "n't" into "t".
var negators = map[string]bool{"not": true, "no": true, "never": true, "without": true, "t": true,
	"nothing": true, "none": true, "nor": true, "dont": true, "didnt": true, "isnt": true, "wasnt": true}

type cueForm struct {
	cue  int
	form []string
}

// cueIndex maps a form's first word to the forms starting with it, so a message is scanned
// once, whatever the size of the lexicon.
var cueIndex = func() map[string][]cueForm {
	idx := map[string][]cueForm{}
	for ci, c := range cues {
		for _, f := range c.forms {
			idx[f[0]] = append(idx[f[0]], cueForm{ci, f})
		}
	}
	return idx
}()

// findCues marks in found the cues of ws (found is indexed like cues). A cue right after its
// notAfter word or within three words after a negator does not count.
func findCues(ws []string, found []bool) {
	for i, w := range ws {
		for _, cf := range cueIndex[w] {
			if found[cf.cue] || i+len(cf.form) > len(ws) {
				continue
			}
			match := true
			for j := 1; j < len(cf.form); j++ {
				if ws[i+j] != cf.form[j] {
					match = false
					break
				}
			}
			if !match || (i > 0 && ws[i-1] == cues[cf.cue].notAfter) || negatedAt(ws, i) {
				continue
			}
			found[cf.cue] = true
		}
	}
}

func negatedAt(ws []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if negators[ws[j]] {
			return true
		}
	}
	return false
}

var (
	vaderOnce sync.Once
	vader     *govader.SentimentIntensityAnalyzer
)

// warmSentiment loads the VADER lexicon (about 6 ms, once per process) at compile time, so
// the first conversation does not pay for it.
func warmSentiment() {
	vaderOnce.Do(func() { vader = govader.NewSentimentIntensityAnalyzer() })
}

// compound is VADER's compound score, -1 (most negative) to 1; 0 if the library fails.
func compound(text string) (c float64) {
	warmSentiment()
	defer func() {
		if recover() != nil {
			c = 0
		}
	}()
	return vader.PolarityScores(text).Compound
}
