/**
 * Server-rendered pages of the public application form, its receipt and the status page
 * (auto-escaped templates; no JavaScript). Errors sit next to their fields, linked by
 * aria-describedby, and the entered values are kept.
 */
import { html, type HtmlValue, type SafeHtml } from '../render/html/html.ts';
import { APPLICANT_TYPES } from '../report/report.model.ts';
import { DELIVERY_WANTED, FORMS_WANTED, ID_KINDS, type FieldErrors } from './intake.rules.ts';
import { INTAKE_LIMITS } from './intake.options.ts';
import type { lookupStatus } from './case-view.usecases.ts';
import { CASE_FILE_ACCEPT, CASE_FILE_RULE_TEXT } from './case-files.rules.ts';

type Values = Record<string, string>;

function field(name: string, label: string, control: SafeHtml, errors: FieldErrors, hint?: string): SafeHtml {
  const err = errors[name as keyof FieldErrors];
  return html`<label for="f-${name}">${label}</label>${hint ? html`<div class="hint" id="h-${name}">${hint}</div>` : ''}${control}${
    err ? html`<p class="field-error" id="e-${name}">${err}</p>` : ''
  }`;
}

function describedBy(name: string, errors: FieldErrors, hint?: boolean) {
  return [hint ? `h-${name}` : '', errors[name as keyof FieldErrors] ? `e-${name}` : ''].filter(Boolean).join(' ') || undefined;
}

function input(name: string, v: Values, errors: FieldErrors, opts: { type?: string; required?: boolean; hint?: boolean; autocomplete?: string } = {}) {
  const by = describedBy(name, errors, opts.hint);
  const max = INTAKE_LIMITS[name as keyof typeof INTAKE_LIMITS];
  return html`<input id="f-${name}" name="${name}" type="${opts.type ?? 'text'}" value="${v[name] ?? ''}"${max ? html` maxlength="${max}"` : ''}${opts.required ? html` required` : ''}${
    by ? html` aria-describedby="${by}"` : ''
  }${errors[name as keyof FieldErrors] ? html` aria-invalid="true"` : ''}${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''}>`;
}

function select(name: string, options: readonly (string | { value: string; label: string })[], v: Values, errors: FieldErrors) {
  const by = describedBy(name, errors);
  return html`<select id="f-${name}" name="${name}" required${by ? html` aria-describedby="${by}"` : ''}>
    <option value="">请选择</option>
    ${options.map((o) => {
      const { value, label } = typeof o === 'string' ? { value: o, label: o } : o;
      return html`<option value="${value}"${v[name] === value ? html` selected` : ''}>${label}</option>`;
    })}
  </select>`;
}

export interface FormPage {
  values: Values;
  errors: FieldErrors;
  bodies: { id: number; name: string }[];
  csrf: SafeHtml;
  token: string;
  /** Why the attachments were refused (nothing was stored). */
  fileError?: string | null;
  /** The refused post carried files: a browser never re-fills a file input, so say so. */
  hadFiles?: boolean;
}

export function applicationFormBody(p: FormPage): HtmlValue {
  const { values: v, errors: e } = p;
  const count = Object.keys(e).length;
  return html`<h1 id="page-title">政府信息公开申请</h1>
  <p class="notice">本机关自收到申请之日起20个工作日内答复；需要延长的，延长期限最长不超过20个工作日（《政府信息公开条例》第三十三条）。网上提交的申请，以双方确认之日为收到申请之日（第三十一条）。</p>
  ${count ? html`<div class="notice" role="alert"><p>申请内容有 ${count} 处需要修改，请查看各栏下方的红色提示。</p></div>` : ''}
  <form method="post" action="/ysqgk/" class="stacked" enctype="multipart/form-data" novalidate>
    ${p.csrf}<input type="hidden" name="_token" value="${p.token}">
    <fieldset><legend>受理机关</legend>
      ${field('organizationId', '向哪个行政机关申请', select('organizationId', p.bodies.map((b) => ({ value: String(b.id), label: b.name })), v, e), e)}
    </fieldset>
    <fieldset><legend>申请人信息（《条例》第二十九条）</legend>
      ${field('applicantType', '申请人类型', select('applicantType', APPLICANT_TYPES, v, e), e)}
      ${field('applicantName', '姓名或名称', input('applicantName', v, e, { required: true, autocomplete: 'name' }), e)}
      ${field('idKind', '证件类型', select('idKind', ID_KINDS, v, e), e)}
      ${field('idNumber', '证件号码', input('idNumber', v, e, { required: true }), e)}
      ${field('contactPerson', '联系人（法人或其他组织填写）', input('contactPerson', v, e), e)}
      ${field('phone', '联系电话', input('phone', v, e, { type: 'tel', autocomplete: 'tel' }), e)}
      ${field('email', '电子邮箱', input('email', v, e, { type: 'email', autocomplete: 'email' }), e)}
      ${field('address', '通信地址', input('address', v, e, { autocomplete: 'street-address' }), e)}
      ${field('postcode', '邮政编码', input('postcode', v, e, { autocomplete: 'postal-code' }), e)}
    </fieldset>
    <fieldset><legend>所需政府信息</legend>
      ${field('description', '所需信息的名称或内容描述', html`<textarea id="f-description" name="description" rows="5" maxlength="${INTAKE_LIMITS.description}" required${
        e.description ? html` aria-invalid="true" aria-describedby="e-description"` : ''
      }>${v.description ?? ''}</textarea>`, e)}
      ${field('documentNo', '文号（知道的请填写）', input('documentNo', v, e), e)}
      ${field('itemCount', '申请事项件数', input('itemCount', { itemCount: v.itemCount || '1', ...v }, e, { type: 'number' }), e)}
    </fieldset>
    <fieldset><legend>提供形式和获取方式</legend>
      ${field('formWanted', '信息的提供形式', select('formWanted', FORMS_WANTED, v, e), e)}
      ${field('deliveryWanted', '获取信息的方式', select('deliveryWanted', DELIVERY_WANTED, v, e), e)}
    </fieldset>
    <fieldset><legend>附件（可选）</legend>
      <label for="f-files">身份证件复印件、证明材料等</label>
      <div class="hint" id="h-files">${CASE_FILE_RULE_TEXT}。</div>
      <input id="f-files" name="files" type="file" multiple accept="${CASE_FILE_ACCEPT}" aria-describedby="h-files${p.fileError ? ' e-files' : ''}"${p.fileError ? html` aria-invalid="true"` : ''}>
      ${p.fileError ? html`<p class="field-error" id="e-files" role="alert">${p.fileError}；附件均未保存，请重新选择。</p>` : p.hadFiles ? html`<p class="field-error" id="e-files">附件未保存：修改上面的内容后，请重新选择附件。</p>` : ''}
    </fieldset>
    <p><button type="submit">提交申请</button></p>
  </form>
  <p><a href="/ysqgk/cx/">查询申请办理进度</a></p>`;
}

export function receiptBody(r: { trackingNumber: string; queryCode: string; repeated: boolean; fileCount?: number }): HtmlValue {
  return html`<h1 id="page-title">申请已提交</h1>
  ${r.repeated ? html`<p class="notice">这份申请此前已经提交过，以下是同一份回执，没有重复登记。</p>` : ''}
  <dl class="receipt">
    <dt>受理编号</dt><dd id="tracking-number">${r.trackingNumber}</dd>
    <dt>查询码</dt><dd id="query-code">${r.queryCode}</dd>
    ${r.fileCount ? html`<dt>附件</dt><dd id="file-count">已收到 ${r.fileCount} 个</dd>` : ''}
  </dl>
  <p class="notice">请记下受理编号和查询码，凭二者<a href="/ysqgk/cx/">查询办理进度和答复</a>。查询码只在本页显示，本机关不保存查询码原文；遗失的，可凭申请时填写的电子邮箱或手机号码<a href="/ysqgk/cx/zh">重置查询码</a>。</p>
  <p>工作人员确认收到申请后，答复期限自确认之日起计算（《条例》第三十一条、第三十三条）。</p>`;
}

export function lookupFormBody(csrf: SafeHtml, values: Values, message?: string): HtmlValue {
  return html`<h1 id="page-title">查询申请办理进度</h1>
  ${message ? html`<p class="field-error" role="alert">${message}</p>` : ''}
  <form method="post" action="/ysqgk/cx/" class="stacked">
    ${csrf}
    <label for="f-tn">受理编号</label><input id="f-tn" name="trackingNumber" required inputmode="numeric" value="${values.trackingNumber ?? ''}">
    <label for="f-qc">查询码</label><input id="f-qc" name="queryCode" required autocomplete="off">
    <p><button type="submit">查询</button></p>
  </form>
  <p><a href="/ysqgk/cx/zh" id="recover-link">忘记查询码？凭申请时填写的电子邮箱或手机号码找回</a></p>`;
}

type Status = Awaited<ReturnType<typeof lookupStatus>>;

/** Who opened the page: every download and answer form carries the number and code again (POST, never a URL). */
export interface Opener {
  csrf: SafeHtml;
  trackingNumber: string;
  queryCode: string;
}

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function opened(o: Opener): SafeHtml {
  return html`${o.csrf}<input type="hidden" name="trackingNumber" value="${o.trackingNumber}"><input type="hidden" name="queryCode" value="${o.queryCode}">`;
}

function documentsSection(d: Status['documents'], o: Opener): HtmlValue {
  if (!d.letters.length && !d.released.length) return '';
  return html`<section id="documents"><h2>文书和公开的信息</h2>
  <ul class="downloads">
    ${d.letters.map((l) => html`<li><form method="post" action="/ysqgk/cx/download">${opened(o)}
      <span class="doc-title">${l.title}（${l.docNumber}），${l.issueDate}</span>
      <button type="submit" name="what" value="letter-${l.id}-pdf" aria-label="下载${l.title} PDF">PDF</button>
      <button type="submit" name="what" value="letter-${l.id}-docx" aria-label="下载${l.title} Word">Word</button></form></li>`)}
    ${d.released.map((f) => html`<li><form method="post" action="/ysqgk/cx/download">${opened(o)}
      <span class="doc-title">公开的信息：${f.fileName}（${size(f.size)}）</span>
      <button type="submit" name="what" value="file-${f.id}" aria-label="下载${f.fileName}">下载</button></form></li>`)}
  </ul>
  <p class="hint">文书与本机关签发存档的文件完全相同。</p></section>`;
}

/** `top`: what the last action on the page produced (the 补正 received, or why it was not). */
export function statusBody(s: Status, o: Opener, correctionForm: HtmlValue = '', top: HtmlValue = ''): HtmlValue {
  return html`<h1 id="page-title">申请办理进度</h1>
  ${top}
  <dl class="receipt">
    <dt>受理编号</dt><dd>${s.trackingNumber}</dd>
    <dt>当前状态</dt><dd id="status">${s.statusLabel}</dd>
    <dt>提交日期</dt><dd>${s.submittedDate}</dd>
    <dt>收到申请日期</dt><dd>${s.receivedDate ?? '待工作人员确认'}</dd>
    ${s.dueDate ? html`<dt>答复期限</dt><dd id="due-date">${s.dueDate}</dd>` : ''}
    ${s.documents.submitted.length ? html`<dt>您提交的附件</dt><dd id="submitted-files">${s.documents.submitted.map((f) => f.fileName).join('、')}</dd>` : ''}
  </dl>
  ${s.correction ? html`<section class="notice" id="correction"><h2>需要您补正</h2><p>${s.correction.items}</p><p>请于 ${s.correction.replyBy} 前补正；逾期无正当理由不补正的，视为放弃申请（《条例》第三十条）。</p>${correctionForm}</section>` : ''}
  ${s.decision ? html`<section class="notice" id="decision"><h2>答复结果</h2><p>${s.decision.date} 答复：${s.decision.outcomeLabel}</p>${s.decision.ground ? html`<p>${s.decision.ground}</p>` : ''}<p>依据：${s.decision.legalBasis}</p>${s.decision.replyText ? html`<p>${s.decision.replyText}</p>` : ''}</section>` : ''}
  ${documentsSection(s.documents, o)}
  <h2>办理过程</h2>
  <ol class="timeline">${s.timeline.map((t) => html`<li><strong>${t.label}</strong>：${t.text}</li>`)}</ol>`;
}
