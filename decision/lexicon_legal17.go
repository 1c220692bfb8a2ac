package decision

// Read in the round that opened fresh16: an easement one asks to have vacated, a claim filed
// against a landlord, whether an agreement is enforceable, a neighbour blocking the way in,
// and two titles to one lot.
var legalCues17 = []lexEntry{
	{0.75, "easement", "vacate|vacated|release|released|extinguish|extinguished|terminate|terminated|abandon|abandoned " +
		"..2 easement|easements|servidumbre|servidumbres; " +
		"(easement|easements|right of way) ..2 vacated|released|extinguished|terminated|abandoned; " +
		"(can it be|could it be|can that be|could that be) vacated|extinguished; " +
		"cancelar|extinguir|anular|levantar|liberar ..2 servidumbre|servidumbres"},
	{0.75, "a claim against", "(file|filing|filed|bring|bringing|presentar|poner|interponer|meter) ..2 claim|suit|lawsuit|" +
		"case|demanda|reclamacion|reclamo ..1 against|contra"},
	{0.7, "enforceability", "(enforceable|unenforceable|legally binding|exigible|vinculante|legalmente valido|" +
		"legalmente valida|valido legalmente|valida legalmente)"},
	{0.7, "a neighbour dispute", "neighbor|neighbors|neighbour|neighbours|vecino|vecinos|vecina ..4 blocking|blocks|" +
		"blocked|block|bloquea|bloquean|bloqueando|bloqueo|tapa|tapando|cierra|cerro ..3 access|driveway|road|path|" +
		"entrance|gate|acceso|entrada|camino|paso|salida; neighbor|neighbors|neighbour|neighbours|vecino|vecinos|vecina ..4 " +
		"fence|wall|cerca|reja|muro|barda ..2 across|over|sobre|atravesando|cruzando|en ..3 path|driveway|road|access|gate|" +
		"camino|paso|acceso|entrada"},
	{0.8, "title defect", "(two|dos|2|conflicting|competing|duplicate|duplicated|double|duplicados|duplicadas|dobles) " +
		"titles|deeds|titulos|escrituras"},
}

// legalNeutral17: a late fee is a charge, not a violation; a lease in two names is a shared
// tenancy, not a property owned together.
var legalNeutral17 = []neutralizer{
	{trigLegal, scopeOverlap, "multa|multas|recargo|fine|fines|penalty|charge ..1 por|for ..2 atraso|retraso|mora|late|" +
		"paying|pagar; late fee|fees|charge|charges", "violation and fines"},
	{trigLegal, scopeOverlap, "lease|contrato|rental|alquiler|arriendo ..3 (in both names|in both our names|" +
		"in both of our names|a nombre de los dos|a nombre de ambos)", "co-owned"},
}
