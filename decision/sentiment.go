package decision

import (
	"sync"

	"github.com/jonreiter/govader"
)

// VADER tells a happy "WE LOVE IT!!!" from an angry "WHY IS NOBODY ANSWERING!!!": capitals
// and repeated punctuation count as frustration only in a message that is not plainly
// positive. The trigger lexicons do the rest; VADER cannot tell distress from anger, and it
// reads English only.

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
