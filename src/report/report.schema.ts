/**
 * JSON Schema (draft 2020-12) of the annual report's JSON form: the open-data feed written by
 * src/render/json. It mirrors report.model.ts field by field; the descriptions are the data
 * dictionary for consumers. A figure is a non-negative integer or null (missing / unreadable,
 * never silently 0); 万元 amounts are decimal text so they stay exact.
 *
 * `checkAgainstSchema` is a small validator for the subset of JSON Schema used here (type, const,
 * enum, properties, required, additionalProperties, items, minItems, maxItems, pattern, minimum,
 * $ref to #/$defs), enough to check our own feed without another dependency.
 */
import { APPLICANT_COLUMNS, APPLICATION_ROW_KEYS, REVIEW_COLUMNS } from './report.model.ts';

type Schema = Record<string, unknown>;

const cell: Schema = { type: ['integer', 'null'], minimum: 0, description: '件数；null 表示未填报或无法识别（不是 0）' };
const cells = (n: number, description: string): Schema => ({ type: 'array', items: { $ref: '#/$defs/cell' }, minItems: n, maxItems: n, description });
const applicantRow = cells(7, `按申请人类型：${APPLICANT_COLUMNS.join('、')}`);
const reviewGroup = (name: string) => cells(5, `${name}：${REVIEW_COLUMNS.join('、')}`);

export const annualReportJsonSchema: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://gongkai.example/schemas/annual-report-v1.json',
  title: '政府信息公开工作年度报告（开放数据）',
  description: '按国办公开办函〔2021〕30号格式的年度报告数据。未填报的数字为 null。',
  type: 'object',
  $defs: { cell },
  required: ['schemaVersion', 'body', 'year', 'proactive', 'applications', 'reviewLitigation', 'narrative', 'fees'],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1, description: '数据格式版本' },
    body: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', description: '机关代码' },
        name: { type: 'string', minLength: 1, description: '机关名称，如 石龙区人民政府' },
      },
    },
    year: { type: 'integer', minimum: 2008, maximum: 2100, description: '报告年度' },
    format: { enum: ['2021', '2019'], description: '报告格式：2021 年格式或 2019 年试行格式' },
    proactive: {
      type: 'object',
      description: '二、主动公开政府信息情况',
      required: ['rules', 'normativeDocuments', 'licensing', 'punishment', 'enforcement', 'feesAmountWanYuan'],
      additionalProperties: false,
      properties: {
        rules: cells(3, '第二十条第（一）项 规章：本年制发件数、本年废止件数、现行有效件数'),
        normativeDocuments: cells(3, '第二十条第（一）项 行政规范性文件：本年制发件数、本年废止件数、现行有效件数'),
        licensing: { $ref: '#/$defs/cell', description: '第二十条第（五）项 行政许可 本年处理决定数量' },
        punishment: { $ref: '#/$defs/cell', description: '第二十条第（六）项 行政处罚 本年处理决定数量' },
        enforcement: { $ref: '#/$defs/cell', description: '第二十条第（六）项 行政强制 本年处理决定数量' },
        feesAmountWanYuan: {
          type: ['string', 'null'],
          pattern: '^(0|[1-9][0-9]*)(\\.[0-9]{1,6})?$',
          description: '第二十条第（八）项 行政事业性收费 本年收费金额（万元），十进制文本，最多 6 位小数',
        },
      },
    },
    applications: {
      type: 'object',
      description: '三、收到和处理政府信息公开申请情况',
      required: ['columns', 'rows'],
      additionalProperties: false,
      properties: {
        columns: { type: 'array', items: { type: 'string' }, minItems: 7, maxItems: 7, description: '申请人类型列' },
        rows: {
          type: 'object',
          required: [...APPLICATION_ROW_KEYS],
          additionalProperties: false,
          properties: {
            ...Object.fromEntries(APPLICATION_ROW_KEYS.map((k) => [k, applicantRow])),
            otherHandling: { ...applicantRow, description: '2019 年试行格式的单行（六）其他处理' },
          },
        },
      },
    },
    reviewLitigation: {
      type: 'object',
      description: '四、政府信息公开行政复议、行政诉讼情况',
      required: ['review', 'litigationDirect', 'litigationAfterReview'],
      additionalProperties: false,
      properties: {
        review: reviewGroup('行政复议'),
        litigationDirect: reviewGroup('行政诉讼·未经复议直接起诉'),
        litigationAfterReview: reviewGroup('行政诉讼·复议后起诉'),
      },
    },
    narrative: {
      type: 'array',
      description: '各部分文字',
      items: {
        type: 'object',
        required: ['number', 'title', 'text'],
        additionalProperties: false,
        properties: {
          number: { enum: ['一', '二', '三', '四', '五', '六'] },
          title: { type: 'string' },
          text: { type: 'string' },
          format: { enum: ['text', 'html'] },
        },
      },
    },
    fees: {
      type: 'object',
      description: '政府信息公开信息处理费',
      required: ['amountYuan'],
      additionalProperties: false,
      properties: {
        amountYuan: { type: ['integer', 'null'], minimum: 0, description: '本年收取金额（元）' },
        text: { type: 'string' },
      },
    },
    publishedOn: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '发布日期 YYYY-MM-DD' },
  },
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Checks a value against the schema subset above; returns the problems as "path: message". */
export function checkAgainstSchema(value: unknown, schema: Schema = annualReportJsonSchema, root: Schema = schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = (root.$defs as Record<string, Schema>)[schema.$ref.replace('#/$defs/', '')];
    return checkAgainstSchema(value, target, root, path);
  }
  const t = typeOf(value);
  if ('const' in schema && value !== schema.const) return [`${path}: must be ${JSON.stringify(schema.const)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${path}: must be one of ${schema.enum.join(', ')}`];
  if (schema.type !== undefined) {
    const allowed = ([] as string[]).concat(schema.type as string | string[]);
    if (!allowed.includes(t) && !(t === 'integer' && allowed.includes('number'))) return [`${path}: expected ${allowed.join(' or ')}, got ${t}`];
  }
  const errors: string[] = [];
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
  if (typeof value === 'number' && typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) errors.push(`${path}: too short`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((v, i) => errors.push(...checkAgainstSchema(v, schema.items as Schema, root, `${path}[${i}]`)));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in obj)) errors.push(`${path}: missing ${key}`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errors.push(...checkAgainstSchema(v, props[key], root, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected ${key}`);
    }
  }
  return errors;
}
