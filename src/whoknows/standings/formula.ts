/**
 * The seam to the ranking formula of issue 11 (src/whoknows/standing-score.ts): what the standings store,
 * and the weights it reads. The standings' fingerprint (state.ts) is made of these two.
 */
export { STANDING_FROM_NEIGHBOURHOOD, STANDING_NEIGHBOURHOOD, STANDING_SCORE } from '../standing-score.js';
export { RANKING_WEIGHTS } from '../scoring.js';
