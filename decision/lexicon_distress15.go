package decision

// Read in the round that opened fresh14: out on the street unless something turns up, not
// knowing who else to ask, the power or water about to be cut, missing someone who died, not
// being able to make oneself go in, medical bills and savings gone in Spanish words, a job
// lost in Argentine ones ("me echaron del laburo"), being in a bad way ("estoy re mal"), and
// shame at one's own situation.
var distressCues15 = []lexEntry{
	{0.85, "nowhere to live", "or|otherwise|else|sino ..2 (on the street|on the streets|out on the street|in the street|" +
		"en la calle); (on the street|on the streets|en la calle) ..1 unless|if|sino|si"},
	{0.6, "nobody else to turn to", "(do not know who else|dont know who else|no idea who else|not sure who else|" +
		"no se a quien mas|no se a quien) ..2 ask|turn|call|go|acudir|recurrir|pedir|preguntar|llamar"},
	{0.6, "utilities cut off", "power|electricity|electric|lights|water|heat|gas ..3 (shut off|shutoff|cut off|disconnected|" +
		"turned off); (shut off|shutting off|cut off|cutting off|disconnect|disconnecting) ?our|my|the power|electricity|" +
		"lights|water|heat|gas; cortar|cortaron|cortan|corten|cortarnos|cortarme|cortado ?la|el luz|agua|gas|electricidad|" +
		"calefaccion"},
	{0.8, "grief", "(i miss|we miss|i really miss|we really miss) him|her|them ..1 (so much|so so much|terribly|" +
		"every day|everyday|all the time); (i miss|we miss|i really miss|we really miss) {MY} ?late {REL} ..1 (so much|" +
		"so so much|terribly|every day|everyday|all the time); (la extrano|lo extrano|los extrano|extrano a mi|extranamos a|extrano mucho a|" +
		"extrano tanto a) ..2 (tanto|mucho|muchisimo|todos los dias|horrores|mi|nuestra|nuestro)"},
	{0.75, "can not face it", "(can not|cant|could not|couldnt) ?even (make|get|bring) myself ..2 walk|go|step|enter|" +
		"look|open|pack|sort|clean|touch|empty"},
	{0.85, "medical costs", "(facturas medicas|cuentas medicas|cuentas del hospital|deudas del hospital|deudas medicas|" +
		"facturas del hospital|deudas de hospital)"},
	{0.8, "savings gone", "(se comieron|se comio|se llevaron|se llevo|acabaron con|se fueron) ..3 ahorros|ahorrado|ahorramos; " +
		"(ate|ate up|eaten|eaten up|drained|swallowed|swallowed up) ..2 savings|saved"},
	{0.85, "job loss", "me|nos|lo|la echaron|rajaron|botaron|corrieron ..1 laburo|curro|pega|camello|trabajo|chamba|empleo; " +
		"(sin laburo|sin curro|me quede sin chamba)"},
	{0.6, "in a bad way", "estoy|estamos|ando|andamos ?re|muy|super|bien|tan mal|remal"},
	{0.8, "ashamed", "(never been this|never been so|never felt so|never felt this|so|deeply|really|very) ashamed|humiliated; " +
		"(me da mucha verguenza|me da tanta verguenza|siento mucha verguenza|siento tanta verguenza|me muero de verguenza|" +
		"nunca habia sentido tanta verguenza)"},
}

// distressNeutral15: a house lost to another buyer or a late offer is a purchase that fell
// through, not a home taken away; and so is the house one wanted and lost (the second entry,
// read in the round that opened fresh16: "we lost the house we wanted because the letter was
// late").
var distressNeutral15 = []neutralizer{
	{trigDistress, scopeMessage, "offer|offers|bid|bids|outbid|oferta|ofertas|contraoferta; another|other buyer|buyers; " +
		"otro|otros comprador|compradores", "lost the home"},
	{trigDistress, scopeOverlap, "lost|perdimos|perdi ..3 house|home|casa|place|apartment|depa|departamento ..1 we|que ..1 " +
		"wanted|loved|liked|bid|offered|queriamos|gustaba; lost|perdimos|perdi ..3 house|home|casa ..1 to|a ..2 " +
		"another|other|otro|otra", "lost the home"},
}
