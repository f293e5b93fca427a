/**
 * Safety net for every route: before validation and before any handler, the parsed body, query
 * string and path parameters are scanned for forbidden control characters (the shared rule in
 * shared/schema/text.ts) and the request is answered 400 `request.control_character`. So a NUL
 * byte never reaches a database (PostgreSQL refuses it with an error, SQLite would store it), on
 * any route, including ones whose own schema is lenient. Multipart fields are read inside their
 * handlers and checked there with the same rule.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../shared/app-error.ts';
import { CONTROL_CHARACTER_CODE, controlCharacterMessage, findControlCharacter } from '../shared/schema/text.ts';

export function installControlCharacterGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
      const field = findControlCharacter(value);
      if (field !== null) throw badRequest(CONTROL_CHARACTER_CODE, controlCharacterMessage(field), { in: where, field });
    }
  });
}

/** For text read outside the parsed body (multipart fields): the same rule, the same answer. */
export function assertNoControlCharacter(value: string, field: string) {
  if (findControlCharacter(value) !== null) throw badRequest(CONTROL_CHARACTER_CODE, controlCharacterMessage(field), { in: 'body', field });
}
