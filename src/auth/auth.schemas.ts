/** JSON Schemas shared by the auth and administration routes (also feed the OpenAPI page). */
export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
      required: ['code', 'message'],
    },
  },
} as const;

export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  423: errorSchema,
} as const;

export const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    organizationId: { type: 'integer' },
    organizationName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    disabled: { type: 'boolean' },
    lockedUntil: { type: ['string', 'null'] },
    mustChangePassword: { type: 'boolean' },
    version: { type: 'integer', description: '版本：修改用户时带上，用户已被他人修改则返回 409' },
  },
} as const;

export const organizationSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    code: { type: 'string' },
    name: { type: 'string' },
    parentId: { type: ['integer', 'null'] },
    kind: { type: 'string' },
    isBody: { type: 'boolean' },
    disabled: { type: 'boolean' },
  },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;
