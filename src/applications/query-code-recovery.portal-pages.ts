/**
 * Pages of the lost-query-code recovery (no JavaScript): the request form (受理编号 + the e-mail
 * address or mobile number of the application), the code form, and the new query code, shown once.
 */
import { html, type HtmlValue, type SafeHtml } from '../render/html/html.ts';
import { CONTACT_MAX, RECOVERY_CODE_TTL_MS, RECOVERY_MAX_TRIES } from './query-code-recovery.rules.ts';

const minutes = RECOVERY_CODE_TTL_MS / 60_000;

export function recoveryRequestBody(csrf: SafeHtml, values: { trackingNumber?: string; contact?: string }, error?: string): HtmlValue {
  return html`<h1 id="page-title">找回查询码</h1>
  <p>遗失查询码的，可以凭受理编号和申请时填写的电子邮箱或手机号码重置查询码：本机关向该邮箱或手机发送验证码，输入验证码后获得新的查询码，原查询码随即失效。</p>
  ${error ? html`<p class="field-error" id="e-recovery" role="alert">${error}</p>` : ''}
  <form method="post" action="/ysqgk/cx/zh" class="stacked" id="recovery-request">
    ${csrf}
    <label for="f-tn">受理编号</label><input id="f-tn" name="trackingNumber" required inputmode="numeric" value="${values.trackingNumber ?? ''}">
    <label for="f-contact">申请时填写的电子邮箱或手机号码</label>
    <div class="hint" id="h-contact">填写其中一项即可，须与申请表上的一致。</div>
    <input id="f-contact" name="contact" required maxlength="${CONTACT_MAX}" autocomplete="off" aria-describedby="h-contact" value="${values.contact ?? ''}">
    <p><button type="submit">发送验证码</button></p>
  </form>
  <p class="hint">申请时没有填写电子邮箱或手机号码的，请携带身份证件与受理机关联系。</p>`;
}

export function recoveryCodeBody(csrf: SafeHtml, trackingNumber: string, opts: { sent?: boolean; error?: string } = {}): HtmlValue {
  return html`<h1 id="page-title">找回查询码</h1>
  ${opts.sent ? html`<p class="notice" id="recovery-sent" role="status">如果受理编号与电子邮箱或手机号码和申请相符，验证码已发送到该邮箱或手机，${minutes}分钟内有效。没有收到的，请核对后<a href="/ysqgk/cx/zh">重新获取</a>。</p>` : ''}
  ${opts.error ? html`<p class="field-error" id="e-code" role="alert">${opts.error}</p>` : ''}
  <form method="post" action="/ysqgk/cx/zh/qr" class="stacked" id="recovery-confirm">
    ${csrf}
    <label for="f-tn">受理编号</label><input id="f-tn" name="trackingNumber" required inputmode="numeric" value="${trackingNumber}">
    <label for="f-code">验证码</label>
    <div class="hint" id="h-code">6位数字，${minutes}分钟内有效，最多可输入${RECOVERY_MAX_TRIES}次，只能使用一次。</div>
    <input id="f-code" name="code" required inputmode="numeric" maxlength="6" autocomplete="one-time-code" aria-describedby="h-code${opts.error ? ' e-code' : ''}">
    <p><button type="submit">重置查询码</button></p>
  </form>`;
}

export function recoveryDoneBody(r: { trackingNumber: string; queryCode: string }): HtmlValue {
  return html`<h1 id="page-title">查询码已重置</h1>
  <dl class="receipt">
    <dt>受理编号</dt><dd id="tracking-number">${r.trackingNumber}</dd>
    <dt>新的查询码</dt><dd id="query-code">${r.queryCode}</dd>
  </dl>
  <p class="notice">请记下新的查询码，凭受理编号和新的查询码<a href="/ysqgk/cx/">查询办理进度和答复</a>。原查询码已经失效；新的查询码只在本页显示这一次。</p>`;
}
