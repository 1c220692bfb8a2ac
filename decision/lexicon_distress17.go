package decision

// distressNeutral17, read in the round that opened fresh16: a chat that is the last resort
// before a review is a complaint, not panic; shock at how nice a house turned out is delight.
// (The house a buyer wanted and lost, read in the same round, stands beside its twin in
// distressNeutral15.)
var distressNeutral17 = []neutralizer{
	{trigDistress, scopeOverlap, "(last resort|ultimo recurso) before|antes", "panic"},
	{trigDistress, scopeOverlap, "(in shock|shocked|en shock) at|by|de|con ..1 how|lo|que ..1 nice|good|great|beautiful|" +
		"amazing|fast|quick|cheap|well|lindo|linda|bonito|bonita|bien|rapido|barato|bueno|buena", "panic"},
}
