/**
 * Fastify compiles every route's JSON Schemas (Ajv validators, fast-json-stringify serializers)
 * when the server becomes ready: measured at about 40% of a server's start-up CPU, for routes
 * most processes never serve. These factories wrap the compilers Fastify itself uses (the same
 * packages, resolved from Fastify's own folder, same options) so that each schema is compiled on
 * its route's first use instead, then kept. Behaviour per request is unchanged; only a schema
 * error would show at the first request rather than at start, and the route-access matrix test
 * calls every route.
 */
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type Compile = (routeSchema: unknown) => unknown;
type Factory = (externalSchemas: unknown, options: unknown) => Compile;
type Validator = ((...args: unknown[]) => unknown) & { errors?: unknown; schemaEnv?: unknown };

// Loaded on the first compile as well: Ajv alone is a good part of the start-up otherwise.
let fastifyRequire: NodeRequire | null = null;
const fastifyCompilers = (name: '@fastify/ajv-compiler' | '@fastify/fast-json-stringify-compiler'): Factory => {
  fastifyRequire ??= createRequire(createRequire(import.meta.url).resolve('fastify'));
  return (fastifyRequire(name) as () => Factory)();
};

function lazyValidator(compile: () => Validator): Validator {
  let real: Validator | null = null;
  const validate: Validator = (...args) => (real ??= compile())(...args);
  // Fastify reads `errors` after a failed call, and passes the request as parent data (for
  // Ajv's type coercion of a whole part) only to a function with `schemaEnv`, as Ajv's have.
  Object.defineProperty(validate, 'errors', { get: () => real?.errors });
  validate.schemaEnv = true;
  return validate;
}

function lazySerializer(compile: () => (payload: unknown) => string): (payload: unknown) => string {
  let real: ((payload: unknown) => string) | null = null;
  return (payload) => (real ??= compile())(payload);
}

export const lazySchemaController: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    // The Ajv instance itself is made on the first compile too.
    buildValidator: ((externalSchemas: unknown, options: unknown) => {
      let compile: Compile | null = null;
      return (routeSchema: unknown) => lazyValidator(() => (compile ??= fastifyCompilers('@fastify/ajv-compiler')(externalSchemas, options))(routeSchema) as Validator);
    }) as never,
    buildSerializer: ((externalSchemas: unknown, options: unknown) => {
      let compile: Compile | null = null;
      return (routeSchema: unknown) => lazySerializer(() => (compile ??= fastifyCompilers('@fastify/fast-json-stringify-compiler')(externalSchemas, options))(routeSchema) as (payload: unknown) => string);
    }) as never,
  },
};
