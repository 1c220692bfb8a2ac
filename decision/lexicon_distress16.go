package decision

// Read in the round that opened fresh15: stairs one can no longer climb.
var distressCues16 = []lexEntry{
	{0.75, "health", "(can not|could not|cant) ..1 climb|do|manage ..1 stairs|steps ..1 (anymore|any more); " +
		"(ya no puedo|ya no podemos|ya no puede) subir ..1 escaleras|escalones"},
}

// distressNeutral16: a claim denied by a house's or a neighbour's insurer is a property
// matter, not a medical bill.
var distressNeutral16 = []neutralizer{
	{trigDistress, scopeOverlap, "(his insurance|her insurance|their insurance|homeowners insurance|home insurance|" +
		"property insurance|flood insurance|hazard insurance|renters insurance|car insurance|auto insurance|" +
		"neighbor insurance|neighbour insurance|neighbors insurance|seller insurance|sellers insurance|hoa insurance|" +
		"builder insurance|contractor insurance|seguro de hogar|seguro de la casa|seguro de vivienda)", "medical costs"},
}
