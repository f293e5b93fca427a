// 审核通过 with its 保密审查 (《条例》第十七条): the checklist of the body's 保密审查单, the opinion,
// the reviewer and the date. Used for one item (the editor) and for a bulk 发布 of the list.
// When the body requires the review every item must be ticked; one that cannot be ticked means
// the draft goes back (退回修改), not through.
import { useState } from 'react';
import { Alert, Descriptions, Input, Modal, Typography } from 'antd';
import { CheckList } from '../common/CheckList.tsx';
import { CONFIDENTIALITY_CHECKS, CONFIDENTIALITY_CHECK_KEYS, DEFAULT_OPINION, type ConfidentialityReviewInput } from '../../publishing/confidentiality.rules.ts';
import { useCurrentUser } from '../session.tsx';

export function ApprovalDialog({ open, required, what, saving, onCancel, onSubmit }: {
  open: boolean;
  /** Whether the body requires the review (the server refuses an incomplete one then). */
  required: boolean;
  /** What is approved, e.g. the item's title or “选中的 3 条信息”. */
  what: string;
  saving?: boolean;
  onCancel: () => void;
  onSubmit: (review: ConfidentialityReviewInput | undefined) => void;
}) {
  const user = useCurrentUser();
  const [checks, setChecks] = useState<string[]>([]);
  const [opinion, setOpinion] = useState(DEFAULT_OPINION);
  const missing = CONFIDENTIALITY_CHECK_KEYS.filter((k) => !checks.includes(k));
  const complete = missing.length === 0 && opinion.trim() !== '';
  const blocked = required && !complete;
  const submit = () => onSubmit(checks.length || required ? { checks, opinion } : undefined);
  return (
    <Modal open={open} title="审核通过 · 保密审查" okText="审核通过并发布" cancelText="取消" onCancel={onCancel} onOk={submit}
      okButtonProps={{ disabled: blocked, loading: saving }} destroyOnHidden width={640}>
      <Typography.Paragraph>审核：{what}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        依照《中华人民共和国政府信息公开条例》第十七条和保密法规，发布前逐项审查。{required ? '本机关规定审核通过前必须完成保密审查。' : '本机关未要求必须填写，建议仍逐项审查。'}
      </Typography.Paragraph>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 8 }}>保密审查清单</legend>
        <CheckList value={checks} onChange={setChecks} options={CONFIDENTIALITY_CHECK_KEYS.map((k) => ({ value: k, label: CONFIDENTIALITY_CHECKS[k] }))} />
      </fieldset>
      <label htmlFor="confidentiality-opinion" style={{ display: 'block', fontWeight: 600, margin: '12px 0 4px' }}>审查意见</label>
      <Input.TextArea id="confidentiality-opinion" rows={2} maxLength={500} value={opinion} onChange={(e) => setOpinion(e.target.value)} />
      <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
        <Descriptions.Item label="审查人">{user.displayName || user.username}</Descriptions.Item>
        <Descriptions.Item label="审查日期">审核通过当日（自动记录）</Descriptions.Item>
      </Descriptions>
      {blocked && checks.length ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} message={`尚未确认 ${missing.length} 项。不能确认的，请关闭本窗口并退回修改。`} />
      ) : null}
    </Modal>
  );
}

/** The 保密审查 recorded with an approval, as the version history shows it. */
export function ReviewRecord({ review }: { review: { checks: string[]; opinion: string; reviewer: string; date: string } }) {
  return (
    <div style={{ background: '#f6ffed', border: '1px solid #b7eb8f', padding: '6px 10px', margin: '6px 0', fontSize: 13 }}>
      <strong>保密审查</strong>：{review.reviewer}，{review.date}。意见：{review.opinion}
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>{review.checks.map((c) => <li key={c}>✓ {c}</li>)}</ul>
    </div>
  );
}
