import { eng, nld } from 'stopword';
import { plainWord } from './stemming.js';

/**
 * What a question says besides its subject: function words (the maintained English and Dutch lists of the
 * `stopword` package) and the words people wrap a question in ("who knows about", "welke Nederlandse
 * instellingen kunnen"), which name no subject of their own. "Dutch"/"Nederlandse" is here because every
 * question is asked from the Netherlands: it never narrows one down.
 */
const QUESTION_WORDS = [
  'who', 'whom', 'whose', 'which', 'what', 'where', 'when', 'why', 'how', 'anyone', 'anybody', 'someone', 'somebody',
  'know', 'knows', 'knowing', 'known', 'expert', 'experts', 'expertise', 'specialist', 'specialists', 'advice', 'advise',
  'question', 'questions', 'ask', 'asking', 'can', 'could', 'may', 'might', 'must', 'should', 'would', 'will', 'shall',
  'about', 'regarding', 'concerning', 'related', 'relating', 'topic', 'subject', 'please', 'help', 'need', 'needs',
  'dutch', 'netherlands', 'our', 'we', 'us', 'there', 'any', 'also', 'allowed', 'permitted', 'risk', 'risks',
  'wie', 'welke', 'welk', 'wat', 'waar', 'wanneer', 'waarom', 'hoe', 'iemand', 'weet', 'weten', 'kent', 'kennen',
  'deskundige', 'deskundigen', 'expertises', 'specialisten', 'advies', 'adviseren', 'vraag', 'vragen', 'graag',
  'kunnen', 'kan', 'kun', 'mogen', 'mag', 'moeten', 'moet', 'zou', 'zouden', 'willen', 'wil', 'wij', 'we', 'ons',
  'onze', 'over', 'betreffende', 'inzake', 'omtrent', 'rond', 'rondom', 'aangaande', 'nederlandse', 'nederlands',
  'nederland', 'er', 'ook', 'toegestaan', 'risico', 'risicos', 'via', 'iets', 'something', 'anything',
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...nld, ...QUESTION_WORDS].map(plainWord));

/** Whether a word (any case, accents optional) carries no subject of its own. */
export const isStopWord = (word: string): boolean => STOP_WORDS.has(plainWord(word));
