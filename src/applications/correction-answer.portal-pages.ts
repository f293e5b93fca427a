/**
 * The online 补正 answer on the status page (no JavaScript): a form with the answer's text and
 * files, shown while the case awaits 补正; after the answer, what was received and when.
 */
import { html, type HtmlValue } from '../render/html/html.ts';
import type { Opener } from './applications.portal-pages.ts';
import { CASE_FILE_ACCEPT, CASE_FILE_RULE_TEXT } from './case-files.rules.ts';
import { CORRECTION_TEXT_MAX } from './applicant.usecases.ts';

export interface AnswerView {
  text?: string;
  error?: string;
  done?: { receivedDate: string; submittedAt: string; postponed: string | null; dueDate: string | null };
}

export function correctionFormBody(o: Opener, a: AnswerView): HtmlValue {
  return html`<form method="post" action="/ysqgk/cx/bz" class="stacked" enctype="multipart/form-data" id="correction-form">
    ${o.csrf}<input type="hidden" name="trackingNumber" value="${o.trackingNumber}"><input type="hidden" name="queryCode" value="${o.queryCode}">
    <h3>在线提交补正</h3>
    ${a.error ? html`<p class="field-error" id="e-answer" role="alert">${a.error}</p>` : ''}
    <label for="f-answer">补正内容</label>
    <div class="hint" id="h-answer">按上面的要求说明或更正申请内容；只需上传材料的可以不填。补正只能提交一次。</div>
    <textarea id="f-answer" name="answer" rows="5" maxlength="${CORRECTION_TEXT_MAX}" aria-describedby="h-answer${a.error ? ' e-answer' : ''}">${a.text ?? ''}</textarea>
    <label for="f-bz-files">补正材料（可选）</label>
    <div class="hint" id="h-bz-files">${CASE_FILE_RULE_TEXT}。</div>
    <input id="f-bz-files" name="files" type="file" multiple accept="${CASE_FILE_ACCEPT}" aria-describedby="h-bz-files">
    <p><button type="submit">提交补正</button></p>
  </form>`;
}

export function answerReceivedBody(d: NonNullable<AnswerView['done']>): HtmlValue {
  return html`<section class="notice" id="correction-received" role="status"><h2>补正已提交</h2>
    <p>提交时间：${d.submittedAt}（北京时间）。收到补正日期：<strong id="correction-date">${d.receivedDate}</strong>${d.postponed ? `（${d.postponed}，《条例》第三十一条）` : ''}。</p>
    ${d.dueDate ? html`<p>答复期限自收到补正之日起重新计算，至 <strong>${d.dueDate}</strong>（《条例》第三十条、第三十三条）。</p>` : ''}
  </section>`;
}

export function answerRefusedBody(message: string): HtmlValue {
  return html`<p class="field-error" id="e-answer" role="alert">${message}</p>`;
}
