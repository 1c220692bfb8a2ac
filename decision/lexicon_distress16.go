package decision

// distressNeutral16, read in the round that opened fresh15: a claim denied by a house's or a
// neighbour's insurer is a property matter, not a medical bill.
var distressNeutral16 = []neutralizer{
	{trigDistress, scopeOverlap, "(his insurance|her insurance|their insurance|homeowners insurance|home insurance|" +
		"property insurance|flood insurance|hazard insurance|renters insurance|car insurance|auto insurance|" +
		"seguro de hogar|seguro de la casa|seguro de vivienda)", "medical costs"},
}
