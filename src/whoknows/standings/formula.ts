/**
 * The seam to the ranking formula of issue 11 (src/whoknows/standing-repository.ts): what the standings store,
 * and the weights it reads. The standings' fingerprint (state-repository.ts) is made of these two.
 */
export { STANDING_FROM_NEIGHBOURHOOD, STANDING_NEIGHBOURHOOD, STANDING_SCORE } from '../standing-repository.js';
export { RANKING_WEIGHTS } from '../scoring.js';
