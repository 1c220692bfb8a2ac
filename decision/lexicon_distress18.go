package decision

// Read in the round that opened fresh17: failing one's family ("siento que le estoy fallando
// a mi familia"), and months in arrears said in Spanish ("llevo tres meses de atraso").
var distressCues18 = []lexEntry{
	{0.85, "despair", "(le estoy fallando|les estoy fallando|estoy fallando|i am failing|i feel like i am failing|" +
		"i have failed|i failed|i let down|i am letting down|im letting down) ..2 (a mi familia|a mis hijos|my family|my kids|" +
		"my children|my wife|my husband|a mi esposa|a mi esposo)"},
	{0.8, "can't pay", "(meses de atraso|mes de atraso|meses atrasado|meses atrasada|meses atrasados|meses sin pagar|" +
		"cuotas atrasadas|months in arrears|months of arrears)"},
}
