import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** Sessions live in the database so that several app processes can share them. */
export const SESSION_HOURS = 12;

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
    async find(token: string, now: Date) {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', tokenId(token))
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirst();
    },
    async delete(token: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
    },
    async deleteForUser(userId: number): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
