package decision_test

import "testing"

// The other triggers' classes read from fresh9's misses, in words of their own, with the
// readings that must not come with them.
func TestClassesReadSinceFresh9(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		// "never mind" takes back what came before it, not the request after it
		"human_request": {
			"ok nvm can I just talk to an agent",
			"forget it can someone from the office call me",
		},
		// a settlement said before a matter raised after it settles only what it was said of
		"legal": {
			"the lien was released years ago. Now the neighbor is suing over the fence line.",
			"our divorce was finalized last spring. my ex still won't sign the quitclaim deed",
			// an ex still on the title, said without "name"
			"my ex-wife is still on the deed and I want to refinance",
			"mi exesposo sigue en la escritura",
		},
		"distress": {
			// fired, said the Mexican way
			"nos acaban de correr del trabajo a mi esposo y a mí",
			// a shortfall beside a fear
			"I'm panicking, the repairs are $30k and we do not have that kind of money",
			"estoy muy angustiada, piden 200 mil más y no tenemos ese dinero",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"human_request": {
			"never mind, I don't need an agent",
			"nvm, found it on the website",
		},
		// free of liens names the liens it does not have
		"legal": {
			"the notary confirmed the house is free and clear of liens",
			"la casa está libre de gravamen, ¿cuándo firmamos?",
			"the lien was paid off and released last year, we're ready to list",
		},
		"distress": {
			// a shortfall alone, calmly
			"we do not have that kind of money for a pool, what else is in range?",
			"el vecino me corrió la cita para el jueves",
		},
	})
}
