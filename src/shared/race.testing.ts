/**
 * Test helper for race suites: fire N requests at once and check that exactly the expected number
 * won, that every loser got 409 with a stable code and a Chinese message, and that none got a 5xx.
 * On PostgreSQL the requests really run at once (each `inject` takes its own pooled connection);
 * on SQLite the single writer serialises them, which must give the same answers.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';

export interface RaceAnswer {
  status: number;
  body: string;
  json(): unknown;
}

/** Starts every request before awaiting any, so that they overlap. */
export async function fireAtOnce(app: FastifyInstance, requests: InjectOptions[]): Promise<RaceAnswer[]> {
  const answers = await Promise.all(requests.map((r) => app.inject(r)));
  return answers.map((a) => ({ status: a.statusCode, body: a.body, json: () => a.json() as unknown }));
}

/** The same request N times at once. */
export function fireSame(app: FastifyInstance, n: number, request: InjectOptions): Promise<RaceAnswer[]> {
  return fireAtOnce(app, Array.from({ length: n }, () => request));
}

const chinese = /[\u4e00-\u9fff]/;

/**
 * Asserts `winners` answers with a 2xx status and 409 for all others, each 409 with a dotted code
 * and a Chinese message. Returns the winning answers.
 */
export function assertOneWinner(answers: RaceAnswer[], winners = 1): RaceAnswer[] {
  const statuses = answers.map((a) => a.status);
  assert.ok(!statuses.some((s) => s >= 500), `no 5xx expected, got ${statuses.join(',')}: ${answers.find((a) => a.status >= 500)?.body}`);
  const won = answers.filter((a) => a.status >= 200 && a.status < 300);
  assert.equal(won.length, winners, `expected ${winners} winner(s), statuses ${statuses.join(',')}`);
  for (const lost of answers.filter((a) => a.status < 200 || a.status >= 300)) {
    assert.equal(lost.status, 409, `a loser must get 409, got ${lost.status}: ${lost.body}`);
    const { error } = lost.json() as { error: { code: string; message: string } };
    assert.match(error.code, /^[a-z_]+\.[a-z_.]+$/, `stable dotted code, got ${error.code}`);
    assert.match(error.message, chinese, `Chinese message, got ${error.message}`);
  }
  return won;
}
