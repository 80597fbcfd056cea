/**
 * Builds the test run's seeded template (test/global-setup.ts): the app starts once on an empty embedded Neo4j in
 * NEO4J_DATA_DIR, which it seeds and ranks as on any first start, and stops cleanly, leaving a data folder that each
 * worker's server starts from a copy of. Seeding once instead of once per worker keeps two seeds and two rankings
 * from competing for the machine's two cores at the start of every run.
 */
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';

const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_BOLT_PORT: '', SEED_ON_START: '1', WARM_UP: '0' });
const app = await startApp(config, createLogger(config.logLevel));
await app.stop();
