/**
 * Public pages of 依申请公开: the online application form (/ysqgk/), its receipt, and the status
 * page (/ysqgk/cx/). Both forms are CSRF-protected and rate-limited; the application form carries
 * a one-time token, so posting the same form twice returns the same receipt and one case.
 * The status lookup answers an unknown number and a wrong code with the same page.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { AppDeps } from '../shared/deps.ts';
import { AppError } from '../shared/app-error.ts';
import { sendPage } from '../portal/portal.routes.ts';
import { checkFormCsrf, CSRF_FIELD, formCsrfField } from '../portal/form-csrf.ts';
import { createAttemptsAndBudget, createRateLimiter, type RateSlot } from '../http/rate-limit.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { submitApplication } from './intake.usecases.ts';
import { lookupStatus } from './case-view.usecases.ts';
import { answerCorrection, applicantDownload } from './applicant.usecases.ts';
import type { FieldErrors } from './intake.rules.ts';
import { portalMultipartOptions, readPortalForm } from '../portal/portal-form.ts';
import { checkCaseFiles } from './case-files.rules.ts';
import { writeCaseFiles, type SpooledFile } from './case-files.storage.ts';
import { applicationFormBody, lookupFormBody, receiptBody, statusBody } from './applications.portal-pages.ts';
import { answerReceivedBody, answerRefusedBody, correctionFormBody, type AnswerView } from './correction-answer.portal-pages.ts';

const crumbs = [{ href: '/ysqgk/', label: '依申请公开' }];
const lookupCrumbs = [...crumbs, { href: '/ysqgk/cx/', label: '办理进度查询' }];

type Form = Record<string, string>;

function formValues(body: unknown): Form {
  const out: Form = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== CSRF_FIELD && k !== 'queryCode') out[k] = v.slice(0, 6000);
  }
  return out;
}

export function registerApplicationsPortal(app: FastifyInstance, deps: AppDeps) {
  const secret = deps.config.sessionSecret;
  // Per address and hour: 10 accepted applications, and 60 posts of the form at all (a flood of
  // invalid ones); an application refused as invalid gives its slot back. Status lookups count
  // every attempt, wrong codes above all.
  const submitLimits = createAttemptsAndBudget(deps, { name: 'ysqgk.attempts', limit: 60, windowMs: 60 * 60_000 }, { name: 'ysqgk.accepted', limit: 10, windowMs: 60 * 60_000 });
  const lookupLimiter = createRateLimiter(deps, { name: 'ysqgk.lookup', limit: 20, windowMs: 10 * 60_000 });

  const bodies = async () =>
    (await createOrganizationsRepository(deps).list()).filter((o) => o.isBody && !o.disabled && o.kind !== 'office').map((o) => ({ id: o.id, name: o.name }));

  async function showForm(request: FastifyRequest, reply: FastifyReply, values: Form, errors: FieldErrors, status = 200, fileError: string | null = null) {
    const list = await bodies();
    const v = { organizationId: list.length === 1 ? String(list[0]!.id) : '', channel: 'online', ...values };
    const token = values._token && /^[A-Za-z0-9_-]{16,64}$/.test(values._token) ? values._token : randomBytes(18).toString('base64url');
    return sendPage(deps, request, reply, {
      title: '政府信息公开申请',
      breadcrumbs: crumbs,
      status,
      body: applicationFormBody({ values: v, errors, bodies: list, csrf: formCsrfField(secret, request, reply), token, fileError, hadFiles: status !== 200 && values._hadFiles === '1' }),
    });
  }

  app.get('/ysqgk/', (request, reply) => showForm(request, reply, {}, {}));

  // Multipart only in this scope: the form may carry attachments (ID copy, supporting documents).
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, portalMultipartOptions);
    scope.post('/ysqgk/', { config: { portalUnchanged: true } }, async (request, reply) => {
      // The attempt and a slot of the budget are counted together (one statement) before any
      // file is read; the slot is given back unless the application is accepted. A form without
      // files leaves them to the submission, which counts them with the case itself (PostgreSQL:
      // one statement for the whole submission) and gives the slot back if it is refused.
      let slot = null as RateSlot | null;
      let withCase = false;
      let posted: Awaited<ReturnType<typeof readPortalForm>>;
      try {
        posted = await readPortalForm(request, async (fields, filesFollow) => {
          checkFormCsrf(secret, request, fields[CSRF_FIELD]);
          if (filesFollow) slot = await submitLimits.hitAndTake(request.ip);
          else withCase = true;
        });
      } catch (e) {
        await slot?.giveBack();
        throw e;
      }
      /** Refused here: the attempt counted (429 when over a limit), the slot given back. */
      const refused = async () => (slot ?? (await submitLimits.hitAndTake(request.ip))).giveBack();
      const values = formValues(posted.fields);
      if (posted.fileError) {
        await refused();
        return showForm(request, reply, { ...values, _hadFiles: '1' }, {}, 400, posted.fileError);
      }
      let files: SpooledFile[] = [];
      try {
        // Checked (count, size, content) before anything is stored.
        files = await writeCaseFiles(deps.config.dataDir, checkCaseFiles(posted.files));
      } catch (e) {
        await refused();
        if (e instanceof AppError && e.code.startsWith('applications.file_')) return showForm(request, reply, { ...values, _hadFiles: '1' }, {}, 400, e.message);
        throw e;
      }
      try {
        const rateLimits = withCase ? { limits: submitLimits, ip: request.ip } : undefined;
        const r = await submitApplication({ raw: { ...values, channel: 'online' }, via: 'portal', idempotencyKey: values._token, ip: request.ip, files, rateLimits, deps });
        return sendPage(deps, request, reply, { title: '申请已提交', breadcrumbs: crumbs, body: receiptBody({ ...r, fileCount: r.repeated ? 0 : files.length }) });
      } catch (e) {
        // A submission that counted the limits gave its slot back itself.
        await slot?.giveBack();
        if (e instanceof AppError && e.code === 'applications.invalid_application') {
          const fields = ((e.details as { fields?: FieldErrors } | undefined)?.fields ?? {}) as FieldErrors;
          return showForm(request, reply, { ...values, _hadFiles: files.length ? '1' : '' }, fields, 400);
        }
        throw e;
      }
    });

    // The online 补正 answer: number and code again, the look-up's limiter, one answer per request.
    scope.post('/ysqgk/cx/bz', async (request, reply) => {
      const posted = await readPortalForm(request, async (fields) => {
        checkFormCsrf(secret, request, fields[CSRF_FIELD]);
        await lookupLimiter.hit(request.ip);
      });
      const values = formValues(posted.fields);
      const opener = { trackingNumber: values.trackingNumber ?? '', queryCode: String(posted.fields.queryCode ?? '') };
      const text = values.answer ?? '';
      try {
        if (posted.fileError) return await showStatus(request, reply, opener, { text, error: `${posted.fileError}；附件均未保存，请重新选择` }, 400);
        const r = await answerCorrection({ ...opener, text, files: posted.files, ip: request.ip, deps });
        return await showStatus(request, reply, opener, { done: r });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        if (e.code === 'applications.status_not_found') return notFound(request, reply, values, e.message);
        if (e.status === 400 || e.status === 409) return showStatus(request, reply, opener, { text: e.status === 400 ? text : '', error: e.code.startsWith('applications.file_') ? `${e.message}；附件均未保存，请重新选择` : e.message }, e.status);
        throw e;
      }
    });
  });

  app.get('/ysqgk/cx/', (request, reply) =>
    sendPage(deps, request, reply, { title: '办理进度查询', breadcrumbs: lookupCrumbs, body: lookupFormBody(formCsrfField(secret, request, reply), {}) }),
  );

  // POST, so the query code never lands in a URL, a log line or the browser history.
  app.post('/ysqgk/cx/', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    checkFormCsrf(secret, request, body[CSRF_FIELD]);
    await lookupLimiter.hit(request.ip);
    const values = formValues(body);
    try {
      return await showStatus(request, reply, { trackingNumber: values.trackingNumber ?? '', queryCode: String(body.queryCode ?? '') });
    } catch (e) {
      if (e instanceof AppError && e.code === 'applications.status_not_found') return notFound(request, reply, values, e.message);
      throw e;
    }
  });

  // A letter or released file of the status page: the same number and code again, the same
  // limiter as the look-up, the same page for a miss, so downloads enumerate nothing either.
  app.post('/ysqgk/cx/download', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    checkFormCsrf(secret, request, body[CSRF_FIELD]);
    await lookupLimiter.hit(request.ip);
    const values = formValues(body);
    try {
      const f = await applicantDownload({ trackingNumber: values.trackingNumber ?? '', queryCode: String(body.queryCode ?? ''), what: values.what ?? '', deps });
      return reply.type(f.mime).header('cache-control', 'no-store').header('x-content-sha256', f.sha256).header('content-disposition', f.disposition).send(f.bytes);
    } catch (e) {
      if (e instanceof AppError && e.code === 'applications.status_not_found') return notFound(request, reply, values, e.message);
      throw e;
    }
  });

  async function showStatus(request: FastifyRequest, reply: FastifyReply, opener: { trackingNumber: string; queryCode: string }, answer: AnswerView = {}, status = 200) {
    const found = await lookupStatus({ ...opener, deps });
    const o = { ...opener, csrf: formCsrfField(secret, request, reply) };
    reply.header('cache-control', 'no-store');
    const top = answer.done ? answerReceivedBody(answer.done) : answer.error && !found.correction ? answerRefusedBody(answer.error) : '';
    return sendPage(deps, request, reply, { title: '申请办理进度', breadcrumbs: lookupCrumbs, status, body: statusBody(found, o, correctionFormBody(o, answer), top) });
  }

  function notFound(request: FastifyRequest, reply: FastifyReply, values: Form, message: string) {
    return sendPage(deps, request, reply, {
      title: '办理进度查询', breadcrumbs: lookupCrumbs, status: 404,
      body: lookupFormBody(formCsrfField(secret, request, reply), { trackingNumber: values.trackingNumber ?? '' }, message),
    });
  }
}
