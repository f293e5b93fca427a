/**
 * What usecases need from the outside world, passed in (never imported as singletons):
 * the database, the clock and the configuration. `createServer(deps)` and the CLI build one each.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Config } from '../config/config.ts';
import type { Clock } from './clock.ts';

export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
}
