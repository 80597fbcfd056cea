/**
 * The EU consolidated financial sanctions list (FSF XML 1.1, published at
 * https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content): an `export` element holding one
 * `sanctionEntity` per subject, with `subjectType code="enterprise"` for organisations, its names as `nameAlias`
 * (`wholeName`, `strong`), its `regulation`s (`programme`, `entryIntoForceDate`, `publicationUrl`) and `address`es
 * (`countryIso2Code`). Persons are left out.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { countryCode, isoDate, MAX_PROBLEMS, otherNames, type Parsed, type ScreeningEntry } from './formats.js';

type Element = Record<string, unknown>;

const asList = (value: unknown): Element[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).filter(isElement);
const isElement = (value: unknown): value is Element => typeof value === 'object' && value !== null;
const attribute = (element: Element | undefined, name: string) => {
  const value = element?.[`@_${name}`];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
};
const text = (value: unknown) =>
  typeof value === 'string'
    ? value.trim()
    : isElement(value) && typeof value['#text'] === 'string'
      ? value['#text']
      : '';

export function parseEuXml(xml: string): Parsed {
  // The parser itself reads broken XML leniently; its validator says where it breaks. (Deprecated for a package of
  // its own, with three more dependencies: this one is enough to report a line.)
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return {
      entries: [],
      problems: [{ at: `line ${valid.err.line}`, message: `not well-formed XML: ${valid.err.msg}` }],
    };
  const document = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
  }).parse(xml) as Element;
  const root = document['export'];
  if (!isElement(root))
    return {
      entries: [],
      problems: [
        { at: 'the root element', message: 'is not <export>: this is not the EU financial sanctions file (XML 1.1)' },
      ],
    };
  const entries: ScreeningEntry[] = [];
  const problems: Parsed['problems'] = [];
  asList(root['sanctionEntity']).forEach((entity, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const logicalId = attribute(entity, 'logicalId');
    const at = `sanctionEntity ${index + 1}${logicalId ? ` (logicalId ${logicalId})` : ''}`;
    const subject = attribute(asList(entity['subjectType'])[0], 'code');
    if (logicalId === '') problems.push({ at, message: 'has no logicalId attribute' });
    if (subject === '') problems.push({ at, message: 'has no subjectType code (person or enterprise)' });
    if (subject !== 'enterprise') return;
    const aliases = asList(entity['nameAlias']);
    const names = aliases.map((alias) => attribute(alias, 'wholeName')).filter((name) => name !== '');
    const strong = aliases.find((alias) => attribute(alias, 'strong') === 'true' && attribute(alias, 'wholeName'));
    const name = strong ? attribute(strong, 'wholeName') : names[0];
    if (!name) {
      problems.push({ at, message: 'has no nameAlias with a wholeName' });
      return;
    }
    const regulations = asList(entity['regulation']);
    const listed = [attribute(entity, 'designationDate'), ...regulations.map((r) => attribute(r, 'entryIntoForceDate'))]
      .map(isoDate)
      .filter((date): date is string => date !== null)
      .sort();
    const countries = [...asList(entity['address']), ...asList(entity['citizenship'])].map((a) =>
      countryCode(attribute(a, 'countryIso2Code')),
    );
    const programmes = [...new Set(regulations.map((r) => attribute(r, 'programme')).filter((p) => p !== ''))];
    entries.push({
      sourceId: logicalId,
      name,
      aliases: otherNames(name, names),
      country: countries.find((c) => c !== null) ?? null,
      programme: programmes.join(', ') || null,
      listedSince: listed[0] ?? null,
      riskLevel: null,
      sourceUrl: regulations.map((r) => text(r['publicationUrl'])).find((url) => url !== '') ?? null,
    });
  });
  return { entries, problems };
}
