/**
 * The one configuration object, read from environment variables (and optionally a JSON file
 * named by GONGKAI_CONFIG). Every problem is collected, so an operator sees all of them at once.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const siteSchema = z.object({
  /** Code of the body this installation serves (its portal). */
  bodyCode: z.string().min(1),
  bodyName: z.string().min(1),
  /** 网站标识码, ICP 备案号, 公安备案号, contact line: shown in the portal footer. */
  siteCode: z.string(),
  icp: z.string(),
  publicSecurityRecord: z.string(),
  contact: z.string(),
  address: z.string(),
});

/**
 * Connections per process: a write holds one for its transaction and reads need their own, so
 * 10 made requests queue for a connection at 50 clients; 20 stays far below PostgreSQL's default
 * max_connections (100) with a supervisor's worker and the CLI beside it.
 */
export const DEFAULT_POOL_SIZE = 20;

const configSchema = z.object({
  databaseUrl: z
    .string()
    .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'DATABASE_URL 必须是 sqlite:<文件路径> 或 postgres://…',
    }),
  /** Connections of the PostgreSQL pool per process (DATABASE_POOL_SIZE); SQLite has one. */
  databasePoolSize: z.coerce.number().int().min(1, { message: 'DATABASE_POOL_SIZE 必须是 1–200 的整数' }).max(200, { message: 'DATABASE_POOL_SIZE 必须是 1–200 的整数' }),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  /** Origin of every absolute URL (SITE_URL; default: where the server listens). Never the Host header. */
  siteUrl: z.string(),
  /** Proxies whose X-Forwarded-For/-Proto are believed (TRUST_PROXY): false or their addresses. */
  trustProxy: z.union([z.literal(false), z.array(z.string()).min(1)]),
  dataDir: z.string().min(1),
  sessionSecret: z.string().min(32, { message: 'SESSION_SECRET 至少 32 个字符' }),
  /** Key of the audit chain's HMAC, kept outside the database (AUDIT_KEY or a file in the data folder). */
  auditKey: z.string().min(32, { message: 'AUDIT_KEY 至少 32 个字符' }),
  /** Append-only file receiving anchors of the audit chain's head (AUDIT_ANCHOR_FILE). */
  auditAnchorFile: z.string().min(1),
  /** Log host receiving a copy of each anchor (AUDIT_SYSLOG=udp://host:port), or null. */
  auditSyslog: z.object({ host: z.string(), port: z.number().int().min(1).max(65535) }).nullable(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Whether the fee-payment wait pauses the answer clock (DESIGN: default paused). */
  feeWaitPausesClock: z.boolean(),
  /** Upper bound of the anonymous page cache, in bytes of stored pages (page-cache.ts). */
  pageCacheMaxBytes: z.coerce.number().int().min(0, { message: 'PAGE_CACHE_MAX_BYTES 必须是非负整数' }),
  /** Minutes without a request after which a session ends (SESSION_IDLE_MINUTES), besides its 12 hours. */
  sessionIdleMinutes: z.coerce.number().int().min(1, { message: 'SESSION_IDLE_MINUTES 必须是正整数' }).max(720, { message: 'SESSION_IDLE_MINUTES 不能超过 720' }),
  /** scrypt cost of new password hashes, `N,r,p` (PASSWORD_SCRYPT; DESIGN: security). */
  passwordScrypt: z
    .string()
    .regex(/^\d+,\d+,\d+$/, { message: 'PASSWORD_SCRYPT 格式应为 N,r,p（如 32768,8,3）' })
    .transform((v) => { const [N, r, p] = v.split(',').map(Number); return { N, r, p }; })
    .refine(({ N, r, p }) => N >= 1024 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16, {
      message: 'PASSWORD_SCRYPT：N 须为不小于 1024 的 2 的幂，r 在 1–32 之间，p 在 1–16 之间',
    }),
  /** E-mail and SMS of notifications (src/notifications); each channel off when not configured. */
  notifications: z.object({
    /** SMTP_URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465, or null. */
    smtpUrl: z.string().regex(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL 必须是 smtp://… 或 smtps://…' }).nullable(),
    /** MAIL_FROM: the sender address, e.g. "石龙区政务公开 <gk@example.gov.cn>". */
    mailFrom: z.string().min(3),
    /** SMS_GATEWAY_URL: http(s) endpoint taking POST {"phone","text"} as JSON, or null. */
    smsGatewayUrl: z.string().regex(/^https?:\/\/[^\s]+$/, { message: 'SMS_GATEWAY_URL 必须是 http://… 或 https://…' }).nullable(),
    /** SMS_GATEWAY_AUTH: value of the Authorization header sent to the gateway, or null. */
    smsGatewayAuth: z.string().nullable(),
    /** DIGEST_HOUR: local hour (Asia/Shanghai) after which the daily digest and reminders run. */
    digestHour: z.coerce.number().int().min(0, { message: 'DIGEST_HOUR 必须是 0–23 的整数' }).max(23, { message: 'DIGEST_HOUR 必须是 0–23 的整数' }),
  }),
  site: siteSchema,
});

export type Config = z.infer<typeof configSchema>;
export type SiteConfig = z.infer<typeof siteSchema>;

import { ConfigError } from './config-error.ts';
import { parseSiteUrl, parseTrustProxy } from './proxy-site.rules.ts';
import { parseSyslogTarget } from '../auth/audit.syslog.ts';

export { ConfigError };

const defaultSite: SiteConfig = {
  bodyCode: 'shilong',
  bodyName: '石龙区人民政府',
  siteCode: '4104040001',
  icp: '豫ICP备00000000号',
  publicSecurityRecord: '豫公网安备 41040402000000号',
  contact: '石龙区人民政府办公室 电话：0375-0000000',
  address: '平顶山市石龙区人民政府',
};

/** OWASP's scrypt setting with 32 MiB per hash (equivalent to N=2^17,r=8,p=1 at a quarter of the memory). */
const DEFAULT_SCRYPT = '32768,8,3';

type Env = Record<string, string | undefined>;

function readFileConfig(env: Env): Record<string, unknown> {
  if (!env.GONGKAI_CONFIG) return {};
  try {
    return JSON.parse(readFileSync(env.GONGKAI_CONFIG, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError([`无法读取配置文件 ${env.GONGKAI_CONFIG}：${(e as Error).message}`]);
  }
}

function parseBool(v: string | undefined, fallback: boolean): boolean | string {
  if (v === undefined || v === '') return fallback;
  if (['1', 'true', 'yes'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(v.toLowerCase())) return false;
  return v;
}

/**
 * Load and validate. `cwd` anchors relative paths (tests pass a temporary folder).
 * When SESSION_SECRET is not given, one is generated once and kept in the data folder.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const file = readFileConfig(env);
  const dataDir = resolve(cwd, env.GONGKAI_DATA_DIR ?? (file.dataDir as string | undefined) ?? 'data');
  const databaseUrl = env.DATABASE_URL ?? (file.databaseUrl as string | undefined) ?? `sqlite:${join(dataDir, 'gongkai.db')}`;
  const problems: string[] = [];
  const port = env.PORT ?? file.port ?? 3000;
  const host = String(env.HOST ?? file.host ?? '127.0.0.1');
  const raw = {
    databaseUrl,
    databasePoolSize: env.DATABASE_POOL_SIZE ?? file.databasePoolSize ?? DEFAULT_POOL_SIZE,
    port,
    host,
    siteUrl: parseSiteUrl(env.SITE_URL ?? file.siteUrl, host, port, problems),
    trustProxy: parseTrustProxy(env.TRUST_PROXY ?? file.trustProxy, problems),
    dataDir,
    sessionSecret: env.SESSION_SECRET ?? file.sessionSecret ?? '',
    auditKey: env.AUDIT_KEY ?? file.auditKey ?? '',
    auditAnchorFile: resolve(cwd, env.AUDIT_ANCHOR_FILE ?? (file.auditAnchorFile as string | undefined) ?? join(dataDir, 'audit-anchors.log')),
    auditSyslog: parseSyslogTarget(env.AUDIT_SYSLOG ?? file.auditSyslog, problems),
    logLevel: env.LOG_LEVEL ?? file.logLevel ?? 'info',
    feeWaitPausesClock: parseBool(env.FEE_WAIT_PAUSES_CLOCK, (file.feeWaitPausesClock as boolean | undefined) ?? true),
    pageCacheMaxBytes: env.PAGE_CACHE_MAX_BYTES ?? file.pageCacheMaxBytes ?? 64 * 1024 * 1024,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES ?? file.sessionIdleMinutes ?? 30,
    passwordScrypt: env.PASSWORD_SCRYPT ?? (file.passwordScrypt as string | undefined) ?? DEFAULT_SCRYPT,
    notifications: {
      smtpUrl: env.SMTP_URL || ((file.smtpUrl as string | undefined) ?? null),
      mailFrom: env.MAIL_FROM || ((file.mailFrom as string | undefined) ?? `gongkai@${mailDomainOf(env.SITE_URL ?? (file.siteUrl as string | undefined), host)}`),
      smsGatewayUrl: env.SMS_GATEWAY_URL || ((file.smsGatewayUrl as string | undefined) ?? null),
      smsGatewayAuth: env.SMS_GATEWAY_AUTH || ((file.smsGatewayAuth as string | undefined) ?? null),
      digestHour: env.DIGEST_HOUR ?? file.digestHour ?? 8,
    },
    site: {
      ...defaultSite,
      ...((file.site as object | undefined) ?? {}),
      ...(env.SITE_BODY_CODE ? { bodyCode: env.SITE_BODY_CODE } : {}),
      ...(env.SITE_BODY_NAME ? { bodyName: env.SITE_BODY_NAME } : {}),
    },
  };
  if (!raw.sessionSecret) raw.sessionSecret = keptSecret(dataDir, 'session-secret', problems);
  if (!raw.auditKey) raw.auditKey = keptSecret(dataDir, 'audit-key', problems);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.') || '配置'}：${issue.message}`);
  }
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

/** Host part of the default sender address: the public site's host name, else the listening host. */
function mailDomainOf(siteUrl: unknown, host: string): string {
  try {
    if (typeof siteUrl === 'string' && siteUrl) return new URL(siteUrl).hostname;
  } catch {
    // an invalid SITE_URL is reported by its own check
  }
  return host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
}

function keptSecret(dataDir: string, name: string, problems: string[]): string {
  const file = join(dataDir, name);
  try {
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  } catch (e) {
    problems.push(`无法在数据目录保存密钥 ${name}：${(e as Error).message}`);
    return '';
  }
}

/** The SQLite file path from a `sqlite:` URL, or null for PostgreSQL. */
export function sqlitePath(databaseUrl: string): string | null {
  return databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : null;
}
