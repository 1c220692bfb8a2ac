package decision

// Read in the round that opened fresh8.
var frustrationCues9 = []lexEntry{}

// frustrationNeutral9: what takes those cues, or older ones, back.
var frustrationNeutral9 = []neutralizer{}
