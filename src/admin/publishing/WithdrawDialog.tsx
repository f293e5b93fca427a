// 撤回 (or 废止 with its date and reason in the editor): the reason, and the item's live 解读 with
// a choice to take them offline in the same step (one transaction on the server). Its 相关信息
// are listed as a notice only: they stand on their own and stay online, and the portal stops
// showing the link while this item is offline.
import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { CheckList } from '../common/CheckList.tsx';
import { ITEM_STATUSES, type ItemStatus } from '../../publishing/items.rules.ts';
import type { LinkedItem } from './publishing-api.ts';

/** The linked 解读 with a checkbox each (all ticked at first). */
export function LinkedItemsChoice({ linked, chosen, onChange, verb }: { linked: LinkedItem[]; chosen: number[]; onChange: (ids: number[]) => void; verb: string }) {
  if (!linked.length) return null;
  return (
    <fieldset style={{ border: '1px solid #ffd591', background: '#fff7e6', padding: '8px 12px', margin: '12px 0' }}>
      <legend style={{ fontSize: 14, fontWeight: 600, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0 }}>本文件有 {linked.length} 条关联解读仍在网上，{verb}后将失去所解读的文件</legend>
      <Typography.Paragraph style={{ margin: '4px 0' }}>勾选的解读将一并撤回（同一操作完成，各自记入版本历史和审计日志）：</Typography.Paragraph>
      <CheckList value={chosen} onChange={onChange} gap={4}
        options={linked.map((l) => ({ value: l.id, label: `${l.title}（${ITEM_STATUSES[l.status as ItemStatus] ?? l.status}）` }))} />
    </fieldset>
  );
}

/**
 * The item's published 相关信息. Withdrawn, this item disappears from their 相关信息 on the portal;
 * abolished, it stays there (marked 已废止 on its own page) and they may need a look.
 */
export function RelatedItemsNotice({ related, verb }: { related: LinkedItem[]; verb: string }) {
  const live = related.filter((r) => r.status === 'published');
  if (!live.length) return null;
  return (
    <div role="note" style={{ border: '1px solid #d9d9d9', background: '#fafafa', padding: '8px 12px', margin: '12px 0' }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        本信息有 {live.length} 条已发布的相关信息，{verb}后它们仍在网上，{verb === '撤回' ? '门户网站上指向本信息的“相关信息”链接将不再显示' : '“相关信息”中仍链接本文件，请检查是否需要修改'}：
      </Typography.Paragraph>
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>{live.map((r) => <li key={r.id}>{r.title}</li>)}</ul>
    </div>
  );
}

export function WithdrawDialog({ title, linked, related = [], onCancel, onSubmit }: {
  title: string;
  linked: LinkedItem[];
  related?: LinkedItem[];
  onCancel: () => void;
  onSubmit: (reason: string, alsoWithdraw: number[]) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState(linked.map((l) => l.id));
  const [saving, setSaving] = useState(false);
  return (
    <Modal open title="撤回信息" okText={chosen.length ? `撤回（含 ${chosen.length} 条解读）` : '撤回'} okButtonProps={{ danger: true, disabled: !reason.trim(), loading: saving }}
      cancelText="取消" onCancel={onCancel} destroyOnHidden
      onOk={async () => { setSaving(true); try { await onSubmit(reason.trim(), chosen); } finally { setSaving(false); } }}>
      <Typography.Paragraph>撤回：{title}</Typography.Paragraph>
      <label htmlFor="withdraw-reason" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>撤回原因（必填）</label>
      <Input.TextArea id="withdraw-reason" rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <LinkedItemsChoice linked={linked} chosen={chosen} onChange={setChosen} verb="撤回" />
      <RelatedItemsNotice related={related} verb="撤回" />
    </Modal>
  );
}
