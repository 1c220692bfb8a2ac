package decision

// Read in the round that opened fresh17: a cease and desist or a trademark claim (the
// marketing league's customers meet these), a life estate on a property, a building over the
// neighbour's line, and heirs fighting over the house.
var legalCues18 = []lexEntry{
	{0.8, "intellectual property", "(cease and desist|carta documento|carta de cese|trademark|trademarks|trademarked|" +
		"marca registrada|copyright|copyrighted|derechos de autor|infringes|infringe|infringing|infringement|" +
		"infraccion de marca|plagio de marca)"},
	{0.8, "life estate", "(life estate|usufructo|usufruct|usufructuaria|usufructuario|nuda propiedad)"},
	{0.8, "encroachment", "built|construido|construida|sits|sitting|esta|estan|is ..2 over|on|sobre|across|encima " +
		"..2 (the line|the property line|the lot line|the boundary|la linea|el lindero|el limite|la linea divisoria) " +
		"..2 of|del|de|the ?the|la|el ..1 neighbor|neighbors|neighbour|neighbours|vecino|vecinos|vecina"},
	{0.75, "heirs dispute", "hermanos|hermanas|siblings|brothers|sisters|familia|family|herederos|heirs ..4 peleados|" +
		"peleando|pelean|pelearon|fighting|fight|disputing|dispute|disputa|pleito|pleitos ..2 por|over|about ..2 casa|" +
		"house|herencia|inheritance|property|propiedad|home"},
}

// legalNeutral18: charges the customer never approved are a billing complaint, not a permit
// never granted.
var legalNeutral18 = []neutralizer{
	{trigLegal, scopeOverlap, "(that i never approved|that we never approved|i never approved|we never approved|" +
		"que nunca aprobe|que nunca aprobamos|yo nunca aprobe|nunca autorice|nunca autorizamos)", "violation and fines"},
}
