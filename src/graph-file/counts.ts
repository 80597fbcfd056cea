/** How many nodes and relationships, per label and type, an export holds: counted, compared, described, read. */
import { lineError } from './connection.js';
import { isRecord } from './values.js';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  /** Nodes per label (a node with two labels counts under both). */
  labels: Record<string, number>;
  /** Relationships per type. */
  types: Record<string, number>;
}

export interface ExportSummary extends GraphCounts {
  /** Relationships created while the export ran, after their nodes had been read: they are not in the file. */
  skippedRelationships: number;
}

export class Tally {
  nodes = 0;
  relationships = 0;
  private readonly labels = new Map<string, number>();
  private readonly types = new Map<string, number>();

  node(labels: string[]): void {
    this.nodes += 1;
    for (const label of labels) this.labels.set(label, (this.labels.get(label) ?? 0) + 1);
  }

  relationship(type: string): void {
    this.relationships += 1;
    this.types.set(type, (this.types.get(type) ?? 0) + 1);
  }

  counts(): GraphCounts {
    const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
    return {
      nodes: this.nodes,
      relationships: this.relationships,
      labels: sorted(this.labels),
      types: sorted(this.types),
    };
  }
}

/** What differs between two counts, in words; empty when they are equal. */
export function countDifferences(expected: GraphCounts, actual: GraphCounts): string[] {
  const differences: string[] = [];
  const compare = (what: string, want: number | undefined, have: number | undefined) => {
    if ((want ?? 0) !== (have ?? 0)) differences.push(`${what} ${want ?? 0} expected, ${have ?? 0} found`);
  };
  compare('nodes', expected.nodes, actual.nodes);
  compare('relationships', expected.relationships, actual.relationships);
  for (const label of new Set([...Object.keys(expected.labels), ...Object.keys(actual.labels)])) {
    compare(`label ${label}:`, expected.labels[label], actual.labels[label]);
  }
  for (const type of new Set([...Object.keys(expected.types), ...Object.keys(actual.types)])) {
    compare(`type ${type}:`, expected.types[type], actual.types[type]);
  }
  return differences;
}

/** "3 nodes (Country 2, Region 1) and 1 relationship (IN_REGION 1)". */
export function describeCounts(counts: GraphCounts): string {
  const part = (count: number, noun: string, by: Record<string, number>) => {
    const details = Object.entries(by)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
    return `${count} ${noun}${count === 1 ? '' : 's'}${details ? ` (${details})` : ''}`;
  };
  return `${part(counts.nodes, 'node', counts.labels)} and ${part(counts.relationships, 'relationship', counts.types)}`;
}

/** The counts an export declares, checked and copied (only the four known fields). */
export function readCounts(line: number, value: unknown): GraphCounts {
  const count = (n: unknown): number | null => (typeof n === 'number' && Number.isSafeInteger(n) ? n : null);
  const countMap = (map: unknown): Record<string, number> | null => {
    if (!isRecord(map)) return null;
    const entries = Object.entries(map).map(([name, n]) => [name, count(n)] as const);
    return entries.every(([, n]) => n !== null) ? (Object.fromEntries(entries) as Record<string, number>) : null;
  };
  const counts = isRecord(value)
    ? {
        nodes: count(value.nodes),
        relationships: count(value.relationships),
        labels: countMap(value.labels),
        types: countMap(value.types),
      }
    : null;
  if (!counts || counts.nodes === null || counts.relationships === null || !counts.labels || !counts.types) {
    throw lineError(line, 'the counts are not {"nodes":…,"relationships":…,"labels":{…},"types":{…}}');
  }
  return { nodes: counts.nodes, relationships: counts.relationships, labels: counts.labels, types: counts.types };
}
