import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, for paths that must not depend on the current directory. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ExternalNeo4j {
  kind: 'external';
  uri: string;
  username: string;
  password: string;
  database: string | undefined;
}

export interface EmbeddedNeo4jConfig {
  kind: 'embedded';
  dataDir: string;
  port: number | undefined;
  heap: string;
  pageCache: string;
}

export interface Config {
  port: number;
  host: string;
  neo4j: ExternalNeo4j | EmbeddedNeo4jConfig;
  /** Add `extensions.queryStats` (round trips, database time) to every response. */
  queryStats: boolean;
  /** Load the seed graph into an empty database on start. */
  seedOnStart: boolean;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number | undefined, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number from ${min} to ${max}: fix or unset it`);
  }
  return value;
}

function memorySize(env: Env, name: string, fallback: string): string {
  const raw = env[name] ?? fallback;
  if (!/^\d+[kmg]$/i.test(raw)) throw new ConfigError(`${name}=${raw} is not a memory size such as 512m or 1g: fix or unset it`);
  return raw.toLowerCase();
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}=${raw} is not a yes/no value: use 1 or 0`);
}

/** Every environment variable the server reads, checked in one place. */
export function loadConfig(env: Env = process.env): Config {
  const uri = env.NEO4J_URI;
  let neo4j: Config['neo4j'];
  if (uri) {
    if (!/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s]+$/.test(uri)) {
      throw new ConfigError(`NEO4J_URI=${uri} is not a Neo4j URI: use bolt://host:7687, neo4j://host:7687 or neo4j+s://host`);
    }
    neo4j = {
      kind: 'external',
      uri,
      username: env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
    };
  } else {
    neo4j = {
      kind: 'embedded',
      dataDir: path.resolve(ROOT_DIR, env.NEO4J_DATA_DIR ?? 'data/neo4j'),
      port: integer(env, 'NEO4J_BOLT_PORT', undefined, 1, 65535),
      heap: memorySize(env, 'NEO4J_HEAP', '512m'),
      pageCache: memorySize(env, 'NEO4J_PAGECACHE', '256m'),
    };
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535) ?? 4000,
    host: env.HOST ?? '127.0.0.1',
    neo4j,
    queryStats: flag(env, 'QUERY_STATS', false),
    seedOnStart: flag(env, 'SEED_ON_START', true),
  };
}
