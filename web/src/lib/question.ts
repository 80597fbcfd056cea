// Reads "who knows about X in country Y" (English or Dutch) into whoKnows's `about` and `country`. The API
// understands themes and countries by name in both languages; this only takes the question's frame off.
const FRAMES = [
  /^(?:who|which experts?)\s+(?:knows?|know)\s+(?:(?:something|anything|a lot|most|more)\s+)?(?:about|of|on)\s+/i,
  /^(?:who\s+is\s+an?\s+expert|experts?)\s+(?:on|in|about|for)\s+/i,
  new RegExp(
    String.raw`^wie\s+(?:weet|kent|heeft\s+kennis)\s+(?:er\s+)?(?:(?:iets|veel|meer|het\s+meest)\s+)?` +
      String.raw`(?:van|over|op\s+het\s+gebied\s+van)\s+`,
    'i',
  ),
  /^(?:welke\s+)?(?:experts?|deskundigen?)\s+(?:op\s+het\s+gebied\s+van|over|voor|in)\s+/i,
];

export interface Question {
  about: string;
  /** A country or region named after " in ", when none was chosen; to be tried, and dropped if unknown. */
  country: string | null;
}

export function readQuestion(text: string): Question {
  let about = text
    .trim()
    .replace(/[?？!.]+$/u, '')
    .trim();
  for (const frame of FRAMES) about = about.replace(frame, '');
  // The last " in ": "security in the Baltic states" keeps its subject; "chips in China" splits.
  const at = about.toLowerCase().lastIndexOf(' in ');
  if (at > 0) {
    const country = about
      .slice(at + 4)
      .replace(/^(?:the|het|de)\s+/i, '')
      .trim();
    if (country) return { about: about.slice(0, at).trim(), country };
  }
  return { about, country: null };
}
