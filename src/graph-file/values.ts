/** Property values with their Neo4j types, as the export file writes them (format at src/graph-file/index.ts). */
import neo4j, {
  type Duration,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
} from 'neo4j-driver';

export const GRAPH_FORMAT = 'expertise-graph/1';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NANOS_PER_SECOND = 1_000_000_000n;

/**
 * A duration as P<months>M<days>DT<seconds>S, which Cypher's duration() reads as well. Not the driver's
 * toString: it writes "P1DT" for one day, which its own fromString refuses.
 */
function durationText(duration: Duration): string {
  const nanoseconds = BigInt(String(duration.seconds)) * NANOS_PER_SECOND + BigInt(String(duration.nanoseconds));
  const magnitude = nanoseconds < 0n ? -nanoseconds : nanoseconds;
  const fraction = magnitude % NANOS_PER_SECOND;
  const sign = nanoseconds < 0n ? '-' : '';
  const decimals = fraction ? `.${String(fraction).padStart(9, '0')}` : '';
  const seconds = `${sign}${magnitude / NANOS_PER_SECOND}${decimals}`;
  return `P${String(duration.months)}M${String(duration.days)}DT${seconds}S`;
}

function parseDuration(text: string): Duration {
  const match = /^P(-?\d+)M(-?\d+)DT(-?)(\d+)(?:\.(\d{9}))?S$/.exec(text);
  if (!match) throw new Error('not in the form P<months>M<days>DT<seconds>S');
  const [, months = '', days = '', sign, whole = '', fraction = '0'] = match;
  const nanoseconds = (BigInt(whole) * NANOS_PER_SECOND + BigInt(fraction)) * (sign ? -1n : 1n);
  // Neo4j keeps 0 <= nanoseconds < 1 s, with the sign in the seconds.
  let seconds = nanoseconds / NANOS_PER_SECOND;
  if (nanoseconds < seconds * NANOS_PER_SECOND) seconds -= 1n;
  const rest = nanoseconds - seconds * NANOS_PER_SECOND;
  return new neo4j.types.Duration(
    neo4j.int(months),
    neo4j.int(days),
    neo4j.int(String(seconds)),
    neo4j.int(String(rest)),
  );
}

const TEMPORAL_TYPES = [
  { name: 'Date', is: isDate, format: String, parse: (text: string) => neo4j.types.Date.fromString(text) },
  { name: 'DateTime', is: isDateTime, format: String, parse: (text: string) => neo4j.types.DateTime.fromString(text) },
  {
    name: 'LocalDateTime',
    is: isLocalDateTime,
    format: String,
    parse: (text: string) => neo4j.types.LocalDateTime.fromString(text),
  },
  {
    name: 'LocalTime',
    is: isLocalTime,
    format: String,
    parse: (text: string) => neo4j.types.LocalTime.fromString(text),
  },
  { name: 'Time', is: isTime, format: String, parse: (text: string) => neo4j.types.Time.fromString(text) },
  {
    name: 'Duration',
    is: isDuration,
    format: (value: unknown) => durationText(value as Duration),
    parse: parseDuration,
  },
] as const;

export function encodeValue(value: unknown): Json {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    // A float with a fraction cannot be read back as an integer; 2.0, -0.0, NaN and ±Infinity could, or are not JSON.
    if (Number.isFinite(value) && !Number.isInteger(value)) return value;
    return { $type: 'Float', value: Object.is(value, -0) ? '-0' : String(value) };
  }
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : { $type: 'Integer', value: value.toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (isPoint(value)) {
    const point: Json = { $type: 'Point', srid: toNumber(value.srid), x: value.x, y: value.y };
    return value.z === undefined ? point : { ...point, z: value.z };
  }
  const temporal = TEMPORAL_TYPES.find((type) => type.is(value));
  if (temporal) return { $type: temporal.name, value: temporal.format(value) };
  throw new Error(`cannot export a property value of type ${Object.prototype.toString.call(value)}`);
}

export function encodeProperties(properties: Record<string, unknown>): Record<string, Json> {
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, encodeValue(value)]));
}

/** What `String(float)` writes: digits, an exponent, -0, NaN, ±Infinity. */
const FLOAT_TEXT = /^(-?(\d+(\.\d+)?(e[+-]\d+)?|Infinity)|NaN)$/;

/** The inverse of `encodeValue`: JSON to the driver's values (Integer, number for floats, temporal, Point). */
export function decodeValue(value: Json): unknown {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return value;
    if (!Number.isSafeInteger(value))
      throw new Error(`${value} is beyond a safe integer: write it as {"$type":"Integer","value":"${value}"}`);
    return neo4j.int(value);
  }
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null) throw new Error('null is not a property value');
  const tag = value.$type;
  if (tag === 'Float' && typeof value.value === 'string' && FLOAT_TEXT.test(value.value)) return Number(value.value);
  if (tag === 'Integer' && typeof value.value === 'string' && /^-?\d+$/.test(value.value))
    return neo4j.int(value.value);
  const { srid, x, y, z } = value;
  if (
    tag === 'Point' &&
    typeof srid === 'number' &&
    typeof x === 'number' &&
    typeof y === 'number' &&
    (z === undefined || typeof z === 'number')
  ) {
    return new neo4j.types.Point(neo4j.int(srid), x, y, z);
  }
  const temporal = TEMPORAL_TYPES.find((type) => type.name === tag);
  if (temporal && typeof value.value === 'string') {
    try {
      return temporal.parse(value.value);
    } catch {
      throw new Error(`"${value.value}" is not an ISO 8601 ${temporal.name}`);
    }
  }
  throw new Error(`${JSON.stringify(value).slice(0, 80)} is not a property value of this format`);
}

export function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toNumber(value: unknown): number {
  return isInt(value) ? value.toNumber() : Number(value);
}
