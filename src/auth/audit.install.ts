/**
 * Wires the audit chain's key and anchors into a running server: the key is set for this process,
 * and the head is anchored outside the database every AUDIT_ANCHOR_MS and when the server stops.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { useAuditKey } from './audit.chain.ts';
import { anchorHead } from './audit.anchors.ts';
import { createAuditRepository } from './audit.repository.ts';

export const AUDIT_ANCHOR_MS = 60_000;

export function installAuditAnchoring(app: FastifyInstance, deps: AppDeps): void {
  useAuditKey(deps.config.auditKey);
  const anchor = () => anchorHead(createAuditRepository(deps), deps.config, new Date());
  const timer = setInterval(() => {
    anchor().catch((e: unknown) => app.log.error({ err: e }, '审计锚点写入失败'));
  }, AUDIT_ANCHOR_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await anchor().catch((e: unknown) => app.log.error({ err: e }, '审计锚点写入失败'));
  });
}
