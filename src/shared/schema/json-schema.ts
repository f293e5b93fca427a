/**
 * JSON Schema of a zod shape for Fastify's validation and the OpenAPI page: the input side (what
 * a client sends), draft-07 like the rest of our route schemas. Refinements (formats checked
 * after trimming, the control-character rule) have no JSON Schema form: zod applies them in the
 * usecase, and the server's control-character guard runs before validation anyway.
 */
import { z } from 'zod';

export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
