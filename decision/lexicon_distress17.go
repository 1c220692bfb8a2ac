package decision

// distressNeutral17, read in the round that opened fresh16: the house a buyer wanted and lost
// to a slow letter is a lost deal, not a home lost; a chat that is the last resort before a
// review is a complaint, not panic.
var distressNeutral17 = []neutralizer{
	{trigDistress, scopeOverlap, "lost|perdimos|perdi ..3 house|home|casa|place|apartment|depa|departamento ..1 we|que ..1 " +
		"wanted|loved|liked|bid|offered|queriamos|gustaba; lost|perdimos|perdi ..3 house|home|casa ..1 to|a ..2 " +
		"another|other|otro|otra", "lost the home"},
	{trigDistress, scopeOverlap, "(last resort|ultimo recurso) before|antes", "panic"},
	{trigDistress, scopeOverlap, "(in shock|shocked|en shock) at|by|de|con ..1 how|lo|que ..1 nice|good|great|beautiful|" +
		"amazing|fast|quick|cheap|well|lindo|linda|bonito|bonita|bien|rapido|barato|bueno|buena", "panic"},
}
