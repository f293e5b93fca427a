/**
 * A running server writes a heartbeat row (one per process) every HEARTBEAT_MS and deletes it when
 * it stops; `gongkai restore` and `gongkai import` refuse while a fresh row exists, because
 * replacing the database under a server loses what it writes next and leaves its caches wrong.
 * A process killed without stopping leaves a row that goes stale after STALE_AFTER_MS, so a crash
 * does not block a restore for long; `--force` overrides at once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';

export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS;

export interface ServerPresence {
  instance: string;
  stop(): Promise<void>;
}

export async function startServerPresence(db: Kysely<Database>, { intervalMs = HEARTBEAT_MS, now = () => new Date() } = {}): Promise<ServerPresence> {
  const instance = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const at = now().toISOString();
  await db.insertInto('server_presence').values({ instance, host: hostname(), pid: process.pid, started_at: at, beat_at: at }).execute();
  // An upsert, so that a row removed under the server (a forced restore) comes back.
  const beat = () =>
    db.insertInto('server_presence').values({ instance, host: hostname(), pid: process.pid, started_at: at, beat_at: now().toISOString() })
      .onConflict((oc) => oc.column('instance').doUpdateSet((eb) => ({ beat_at: eb.ref('excluded.beat_at') }))).execute()
      // A missed beat (database busy or briefly away) only lets the row age; the next one renews it.
      .catch(() => undefined);
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  return {
    instance,
    async stop() {
      clearInterval(timer);
      await db.deleteFrom('server_presence').where('instance', '=', instance).execute().catch(() => undefined);
    },
  };
}

/** Drops every heartbeat (a restored database's rows belong to the processes it was copied from). */
export async function forgetServers(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('server_presence').execute().catch(() => undefined);
}

export interface LiveServer {
  host: string;
  pid: number;
  beatAt: string;
}

/** Server processes with a fresh heartbeat; none on a database without the table (older or empty). */
export async function liveServers(db: Kysely<Database>, now = new Date()): Promise<LiveServer[]> {
  const since = new Date(now.getTime() - STALE_AFTER_MS).toISOString();
  try {
    const rows = await db.selectFrom('server_presence').select(['host', 'pid', 'beat_at']).where('beat_at', '>=', since).orderBy('beat_at', 'desc').execute();
    return rows.map((r) => ({ host: r.host, pid: Number(r.pid), beatAt: r.beat_at }));
  } catch {
    return [];
  }
}

/** Throws `ops.server_running` (409) when a server is running on `db`. */
export async function refuseWhileServing(db: Kysely<Database>, action: '恢复' | '导入', now = new Date()): Promise<void> {
  const live = await liveServers(db, now);
  if (live.length === 0) return;
  const who = live.slice(0, 3).map((s) => `${s.host} 上的进程 ${s.pid}（最近心跳 ${s.beatAt}）`).join('；');
  throw new AppError(
    'ops.server_running',
    `有 ${live.length} 个服务进程正在使用这个数据库：${who}。请先停止服务再${action}，未做任何改动；确认服务已停止（例如进程被强行终止）仍要${action}时加 --force`,
    409,
  );
}
