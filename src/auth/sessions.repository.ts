import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * Sessions live in the database so that several app processes can share them. A session ends
 * SESSION_HOURS after login, or after `idleMinutes` without a request (SESSION_IDLE_MINUTES).
 */
export const SESSION_HOURS = 12;
/** last_seen_at is written at most this often per session: one UPDATE a minute, not per request. */
export const TOUCH_EVERY_MS = 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSessionsRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Creates a session; returns the cookie token (only its hash is stored) and the CSRF token. */
    async create(userId: number, ip: string, now: Date): Promise<{ token: string; csrfToken: string }> {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      await db
        .insertInto('sessions')
        .values({
          id: tokenId(token),
          user_id: userId,
          csrf_token: csrfToken,
          ip,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
        })
        .execute();
      return { token, csrfToken };
    },
    /**
     * The live session of a token (not past its end, seen within the idle timeout) with its user and
     * the user's organization name, in one query (every staff request asks it).
     */
    async findWithUser(token: string, now: Date, idleMinutes: number) {
      const idleCutoff = iso(now.getTime() - idleMinutes * 60_000);
      const r = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .innerJoin('organizations', 'organizations.id', 'users.organization_id')
        .selectAll('users')
        .select(['organizations.name as organization_name', 'sessions.id as session_id', 'sessions.csrf_token as session_csrf_token', 'sessions.created_at as session_created_at', 'sessions.last_seen_at as session_last_seen_at'])
        .where('sessions.id', '=', tokenId(token))
        .where('sessions.expires_at', '>', now.toISOString())
        .where((eb) => eb(eb.fn.coalesce('sessions.last_seen_at', 'sessions.created_at'), '>', idleCutoff))
        .executeTakeFirst();
      if (!r) return undefined;
      const { session_id, session_csrf_token, session_created_at, session_last_seen_at, ...user } = r;
      return { session: { id: session_id, csrf_token: session_csrf_token, created_at: session_created_at, last_seen_at: session_last_seen_at }, user };
    },
    /** Records a request on the session, unless one was recorded less than TOUCH_EVERY_MS ago. */
    async touch(session: { id: string; created_at: string; last_seen_at: string | null }, now: Date): Promise<void> {
      const seen = session.last_seen_at ?? session.created_at;
      if (now.getTime() - Date.parse(seen) < TOUCH_EVERY_MS) return;
      await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', session.id).execute();
    },
    /** Ends every session of the user but the one of `keepToken` (a password change ends the others). */
    async deleteOthers(userId: number, keepToken: string): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', tokenId(keepToken)).execute();
    },
    /** Deletes ended sessions (past their end or idle too long); returns how many. */
    async purge(now: Date, idleMinutes: number): Promise<number> {
      const idleCutoff = iso(now.getTime() - idleMinutes * 60_000);
      const r = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb(eb.fn.coalesce('last_seen_at', 'created_at'), '<=', idleCutoff)]))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async countForUser(userId: number): Promise<number> {
      const r = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async delete(token: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
    },
    /** Ends every session of the user; returns how many ended. */
    async deleteForUser(userId: number): Promise<number> {
      const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
