/**
 * One zod shape per request part, used by a route as its validator and as its OpenAPI schema.
 * Fastify's own validator (Ajv over JSON Schema) is replaced for such a route by the zod shape
 * itself, so the route, the portal form, the usecase and the admin app's inferred types apply one
 * rule. The JSON Schema made from the shape (input side) only documents it on /api/docs.
 *
 *   app.post(url, { ...zodRoute({ body: userCreateShape, params: idParamsShape }), schema: { ...zodSchemas, tags } })
 */
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { CONTROL_CHARACTER_CODE, controlCharacterMessage } from './text.ts';
import { jsonSchemaOf } from './json-schema.ts';

export type RequestParts = { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType };

const zhCN = z.locales.zhCN().localeError;

/** A path as people read it: `roles.0`, or the part's name for the whole. */
const pathOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.');

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * A refused input as the API answers it: 400 `request.invalid` (or `request.control_character`)
 * with each field's Chinese message, in the same form as the JSON Schema refusals before.
 */
export function requestInvalid(error: z.ZodError, input?: unknown): AppError {
  const issues = error.issues;
  const control = issues.find((i) => i.code === 'custom' && (i.params as { code?: string } | undefined)?.code === CONTROL_CHARACTER_CODE);
  if (control) return new AppError(CONTROL_CHARACTER_CODE, controlCharacterMessage(pathOf(control) || undefined), 400);
  // A field's own message speaks of a wrong value; a field left out is said to be missing.
  const missing = (i: z.core.$ZodIssue) => i.code === 'invalid_type' && i.path.length > 0 && valueAt(input, i.path) === undefined;
  const fields = issues.map((i) => ({ field: pathOf(i), message: missing(i) ? '缺少必填字段' : i.message }));
  const text = fields.map((f) => (f.message === '缺少必填字段' ? `缺少必填字段“${f.field}”` : f.field ? `字段“${f.field}”${f.message}` : f.message)).join('；');
  return new AppError('request.invalid', `请求数据不符合要求：${text}`, 400, { fields });
}

/** Parses `data` with `shape`; a refusal is `requestInvalid`. For usecases and portal forms. */
export function parseInput<S extends z.ZodType>(shape: S, data: unknown): z.output<S> {
  const r = shape.safeParse(data, { error: zhCN });
  if (!r.success) throw requestInvalid(r.error, data);
  return r.data;
}

/**
 * Route options for zod-validated parts: the validator Fastify calls for each part, and the
 * parts' JSON Schemas for the OpenAPI document. Spread `schema` into the route's own schema.
 */
export function zodRoute(parts: RequestParts): { validatorCompiler: FastifySchemaCompiler<unknown>; schema: FastifySchema } {
  const validatorCompiler: FastifySchemaCompiler<unknown> = ({ httpPart }) => {
    const shape = parts[httpPart as keyof RequestParts];
    return (data: unknown) => {
      if (!shape) return { value: data };
      const r = shape.safeParse(data, { error: zhCN });
      return r.success ? { value: r.data } : { error: requestInvalid(r.error, data) };
    };
  };
  const schema: FastifySchema = {};
  for (const [part, shape] of Object.entries(parts) as Array<[keyof RequestParts, z.ZodType]>) schema[part] = jsonSchemaOf(shape);
  return { validatorCompiler, schema };
}

/** A positive integer id in a path (`/users/:id`): digits only, as text on the wire. */
export const idParamsShape = z.object({ id: z.coerce.number({ error: '编号应为正整数' }).int({ error: '编号应为正整数' }).min(1, { error: '编号应为正整数' }) });
