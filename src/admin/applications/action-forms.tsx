// The small form behind each case action button: which fields the action needs, with the names
// the API expects (case-actions.usecases.ts). Dates are left empty to mean "today" on the
// server's calendar, so a browser with a wrong clock never records a wrong legal date.
import { DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import { FormSelect } from './FormSelect.tsx';
import type { ReactNode } from 'react';
import { APPLICATION_ROWS } from '../../report/report.model.ts';
import { OUTCOMES_BY_EVENT_ONLY } from '../../applications/outcomes.rules.ts';
import { GROUNDS_FOR, groundOf } from '../../applications/outcomes.wording.rules.ts';
import type { OutcomeKey } from '../../report/report.model.ts';
import type { CaseDetail } from './applications-api.ts';

export const ACTION_LABELS: Record<string, string> = {
  receipt_confirmed: '确认收到申请',
  assigned: '分办',
  transferred: '转办',
  correction_requested: '告知补正',
  correction_received: '收到补正',
  correction_lapsed: '逾期未补正办结',
  consultation_sent: '发出征求意见',
  consultation_replied: '登记征求意见答复',
  extension_requested: '申请延期',
  extension_approved: '批准延期',
  extension_rejected: '不批准延期',
  extension_notified: '告知申请人延期',
  later_due_date_set: '确定延迟答复期限',
  fee_notice_sent: '发出收费通知',
  fee_paid: '登记缴费',
  fee_lapsed: '逾期未缴费办结',
  withdrawn: '申请人撤回',
  decision_requested: '提请审批答复',
  decision_returned: '退回答复',
  decided: '作出答复',
  delivered: '登记送达',
  archived: '归档',
  reopened: '重新办理',
};

/** Primary buttons: the steps that move a case towards its answer. */
export const PRIMARY_ACTIONS = new Set(['receipt_confirmed', 'correction_received', 'consultation_replied', 'extension_approved', 'decision_requested', 'decided', 'delivered']);

/** The button's words: on a proposed decision, 作出答复 is the approver's 批准答复. */
export function actionLabel(action: string, c: CaseDetail): string {
  if (action === 'decided' && c.state.decisionRequest) return '批准答复';
  return ACTION_LABELS[action] ?? action;
}

const TODAY_HINT = '不填则为今天';

function dateItem(name: string, label: string, opts: { required?: boolean; help?: ReactNode } = {}) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={opts.help ?? (opts.required ? undefined : TODAY_HINT)}
      rules={opts.required ? [{ required: true, message: `请选择${label}` }] : undefined}
    >
      <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" />
    </Form.Item>
  );
}

const textItem = (name: string, label: string, required = false, rows = 0, max = 2000) => (
  <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : undefined}>
    {rows ? <Input.TextArea rows={rows} maxLength={max} showCount /> : <Input maxLength={max} />}
  </Form.Item>
);

/** 21 outcome rows of the report, grouped as printed; the two lapse rows come from their own steps. */
export function outcomeOptions() {
  const rows = APPLICATION_ROWS.filter((r) => 'group' in r || r.key === 'disclosed' || r.key === 'partiallyDisclosed').filter(
    (r) => !OUTCOMES_BY_EVENT_ONLY.has(r.key as OutcomeKey),
  );
  const out: ({ value: string; label: string } | { label: string; title: string; options: { value: string; label: string }[] })[] = [];
  for (const r of rows) {
    if (!('group' in r)) {
      out.push({ value: r.key, label: r.label.replace(/（区分处理的.*）$/, '') });
      continue;
    }
    let group = out.find((g): g is { label: string; title: string; options: { value: string; label: string }[] } => 'options' in g && g.label === r.group);
    if (!group) {
      group = { label: r.group, title: r.group, options: [] };
      out.push(group);
    }
    group.options.push({ value: r.key, label: `${r.group.replace(/^（.）/, '')}：${r.label}` });
  }
  return out;
}

/** The form fields of one action. */
export function actionFields(action: string, c: CaseDetail): ReactNode {
  switch (action) {
    case 'receipt_confirmed':
      return dateItem('receivedDate', '收到申请日期', { help: '《条例》第三十一条：签收之日或双方确认之日；不填则为今天' });
    case 'assigned':
    case 'transferred':
      return (
        <>
          <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
            <FormSelect options={c.units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          {action === 'transferred' ? textItem('reason', '转办理由', true, 2) : null}
        </>
      );
    case 'correction_requested':
      return (
        <>
          {dateItem('date', '补正告知日期', {
            help: c.deadline ? `应于收到申请后第7个工作日（${c.deadline.correctionNoticeDue}）前一次性告知（《条例》第三十条）；不填则为今天` : TODAY_HINT,
          })}
          {textItem('items', '需要补正的事项', true, 3)}
          {dateItem('replyBy', '补正期限', { required: true, help: '由本机关合理确定；逾期无正当理由不补正的，视为放弃申请' })}
        </>
      );
    case 'correction_received':
      return dateItem('date', '收到补正日期', { help: '答复期限自该日重新计算（《条例》第三十条）；不填则为今天' });
    case 'consultation_sent':
      return (
        <>
          <Form.Item name="kind" label="征求对象" initialValue="third-party" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'third-party', label: '第三方（第三十二条）' },
                { value: 'agency', label: '其他机关（第三十四条）' },
              ]}
            />
          </Form.Item>
          {textItem('party', '被征求意见的第三方或机关', true, 0, 200)}
          {dateItem('sentDate', '征求意见书发出日期')}
        </>
      );
    case 'consultation_replied': {
      const waiting = c.state.consultations.filter((x) => !x.replied);
      return (
        <>
          <Form.Item name="consultationNo" label="哪一次征求意见" initialValue={waiting[0]?.no} rules={[{ required: true, message: '请选择' }]}>
            <FormSelect options={waiting.map((x) => ({ value: x.no, label: `第${x.no}次：${x.party}（${x.sent} 发出）` }))} />
          </Form.Item>
          <Form.Item name="opinion" label="答复意见" rules={[{ required: true, message: '请选择答复意见' }]}>
            <Radio.Group
              options={[
                { value: 'agree', label: '同意公开' },
                { value: 'disagree', label: '不同意公开' },
                { value: 'other', label: '其他意见' },
              ]}
            />
          </Form.Item>
          {dateItem('repliedDate', '收到答复日期')}
          {textItem('note', '备注', false, 2)}
        </>
      );
    }
    case 'extension_requested':
      return (
        <>
          <Form.Item name="days" label="延长工作日数" initialValue={20} extra="最长20个工作日，只能延长一次（《条例》第三十三条第二款）" rules={[{ required: true, message: '请填写延长天数' }]}>
            <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} />
          </Form.Item>
          {textItem('reason', '延期理由', true, 2)}
        </>
      );
    case 'extension_approved':
      return (
        <>
          <Form.Item name="days" label="批准延长工作日数" initialValue={c.state.extension?.days} rules={[{ required: true, message: '请填写延长天数' }]}>
            <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} />
          </Form.Item>
          {dateItem('date', '批准日期', { help: '批准人记为当前登录的审核人；不填则为今天' })}
        </>
      );
    case 'extension_rejected':
      return textItem('reason', '不批准的理由', true, 2);
    case 'later_due_date_set':
      return (
        <>
          {dateItem('date', '延迟答复期限', { required: true, help: '《条例》第三十五条：申请数量、频次明显超过合理范围的，可以确定延迟答复的合理期限' })}
          {textItem('reason', '理由', true, 2)}
        </>
      );
    case 'fee_notice_sent':
      return (
        <>
          <Form.Item name="method" label="计收方式" initialValue="per-item" rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'per-item', label: '按件计收' }, { value: 'per-page', label: '按量计收' }]} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.method !== b.method}>
            {({ getFieldValue }) =>
              getFieldValue('method') === 'per-page' ? (
                <Form.Item name="pages" label="页数" rules={[{ required: true, message: '请填写页数' }]}>
                  <InputNumber min={1} precision={0} style={{ width: 160 }} />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          {dateItem('noticeReceivedDate', '申请人收到通知日期', { help: '金额由系统按国办函〔2020〕109号计算；不填则为今天' })}
        </>
      );
    case 'decided':
      if (c.state.decisionRequest) {
        return dateItem('date', '批准日期', { help: '按提请的内容作出答复，答复日期为批准日期；批准人记为当前登录的审批人。不填则为今天' });
      }
      return decisionFields(true);
    case 'decision_requested':
      return decisionFields(false);
    case 'decision_returned':
      return textItem('reason', '退回理由', true, 2);
    case 'delivered':
      return (
        <>
          <Form.Item name="method" label="送达方式" initialValue={c.deliveryWanted === '电子邮件' ? '电子邮件' : c.deliveryWanted === '自行领取' ? '直接送达' : '邮寄'} rules={[{ required: true, message: '请选择送达方式' }]}>
            <FormSelect options={['邮寄', '电子邮件', '直接送达', '网上送达'].map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          {dateItem('date', '送达日期')}
          {textItem('note', '备注（如邮件单号）', false, 0, 2000)}
        </>
      );
    case 'withdrawn':
    case 'reopened':
      return (
        <>
          {dateItem('date', action === 'withdrawn' ? '撤回日期' : '重新办理日期')}
          {textItem('reason', '理由', action === 'reopened', 2)}
        </>
      );
    default:
      // 逾期未补正 / 逾期未缴费 / 告知延期 / 缴费 / 归档: a date is all they need.
      return dateItem('date', '日期');
  }
}

/** The decision's fields: to decide now (with its date) or to propose for approval. */
function decisionFields(withDate: boolean) {
  return (
    <>
      <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]} extra="按年度报告的办理结果分类">
        <FormSelect options={outcomeOptions()} showSearch optionFilterProp="label" placeholder="请选择" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: { outcome?: string }, b: { outcome?: string }) => a.outcome !== b.outcome}>
        {({ getFieldValue }) => {
          const outcome = getFieldValue('outcome') as OutcomeKey | undefined;
          const allowed = outcome ? GROUNDS_FOR[outcome] : undefined;
          if (!allowed) return null;
          return (
            <>
              <Form.Item name="ground" label="不予公开的理由" rules={[{ required: true, message: '请选择不予公开的理由' }]} extra="《条例》第十四条、第十五条、第十六条；答复书引用该条文">
                <FormSelect options={allowed.map((k) => ({ value: k, label: `${groundOf(k)!.article}：${groundOf(k)!.label}` }))} placeholder="请选择" />
              </Form.Item>
              {textItem('withheldPart', '不予公开的部分', outcome === 'partiallyDisclosed', 2)}
            </>
          );
        }}
      </Form.Item>
      {textItem('legalBasis', '法律依据', true, 2, 500)}
      {textItem('replyText', '答复正文', false, 5, 20000)}
      {withDate ? dateItem('decisionDate', '答复日期') : null}
    </>
  );
}
