// The core breaks lines with the one Thai/Latin breaker of src/thai (rules and dictionary there).
export { breakOpportunities, canBreakBetween, compoundInnerBreaks, emergencyBreaks, graphemeBoundaries, isWhitespace } from '../../thai/breaks.ts';
