/**
 * The whole graph as one JSON document, and back (`npm run export`, `npm run import-graph`).
 *
 * The document puts every node and every relationship on a line of its own:
 *
 *   {"format":"expertise-graph/1","exportedAt":"2025-03-01T10:00:00.000Z",
 *   "nodes":[
 *   {"key":0,"labels":["Country"],"properties":{"id":"NL","name":"Netherlands"}},
 *   {"key":1,"labels":["Region"],"properties":{"id":"western-europe"}}
 *   ],
 *   "relationships":[
 *   {"type":"IN_REGION","start":0,"end":1,"properties":{}}
 *   ],
 *   "counts":{"nodes":2,"relationships":1,"labels":{"Country":1,"Region":1},"types":{"IN_REGION":1}}}
 *
 * so any JSON tool reads it whole, while the exporter writes and the importer reads it a line at a time: neither
 * holds more of the graph in memory than one key per node. Keys are numbers given at export time:
 * relationships refer to nodes by key, so a node needs no `id` property.
 *
 * Property values keep their Neo4j types. Strings, booleans and lists are JSON; an integer is a JSON number
 * when it is a safe JS integer, a float is a JSON number when it has a fraction; every other value is a
 * tagged object: {"$type":"Float","value":"2"} (whole, negative-zero and non-finite floats),
 * {"$type":"Integer","value":"9007199254740993"},
 * {"$type":"DateTime","value":"2025-10-26T02:30:00+01:00[Europe/Amsterdam]"} (and Date, LocalDateTime, LocalTime, Time,
 * all ISO 8601), {"$type":"Duration","value":"P14M3DT14706.000000007S"} (months, days, seconds: how Neo4j keeps a
 * duration), {"$type":"Point","srid":4326,"x":4.9,"y":52.37}.
 *
 * Schema (constraints and indexes) is not exported: the migrations create it, and `openDatabase` (src/db/open.ts) runs
 * them before an import.
 */

export {
  GraphFileError,
  GraphImportError,
  bulkConnection,
  bulkErrorMessage,
  type GraphConnection,
} from './connection.js';
export { countDifferences, describeCounts, type ExportSummary, type GraphCounts } from './counts.js';
export { exportGraph } from './export.js';
export { importGraph } from './import.js';
export { readGraphFile, type GraphFileEntry } from './read.js';
export { GRAPH_FORMAT } from './values.js';
