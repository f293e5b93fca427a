// Actions on the items selected in the list: 提交审核, 发布 (审核通过 with the 保密审查 for items
// awaiting review), 撤回 with a reason, 移动栏目. The server answers per item; the results show
// 成功 or the reason for each, and the list reloads. On a phone the results are a list (title, then
// the result under it): a two-column table there leaves the title a few characters wide.
import { useState } from 'react';
import { Alert, Button, Grid, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../api.ts';
import { useCurrentUser } from '../session.tsx';
import { ApprovalDialog } from './ApprovalDialog.tsx';
import { publishingApi, type BulkResult, type Column, type Item } from './publishing-api.ts';

const resultOf = (r: BulkResult) => (r.ok ? <Tag color="#237804">成功</Tag> : <span><Tag color="#a8071a">未成功</Tag>{r.message}</span>);

type Action = 'submit' | 'publish' | 'withdraw' | 'move';
const LABELS: Record<Action, string> = { submit: '提交审核', publish: '发布', withdraw: '撤回', move: '移动栏目' };

export function BulkActions({ selected, onDone }: { selected: Item[]; onDone: () => void }) {
  const user = useCurrentUser();
  const narrow = Grid.useBreakpoint().md === false;
  const [asking, setAsking] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [columnId, setColumnId] = useState<number | undefined>();
  const [columns, setColumns] = useState<Column[]>([]);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = selected.map((i) => i.id);
  const orgIds = [...new Set(selected.map((i) => i.organizationId))];

  const run = async (action: Action, extra: Parameters<typeof publishingApi.bulk>[2] = {}) => {
    setSaving(true);
    try {
      setResults((await publishingApi.bulk(action, ids, extra)).results);
      setAsking(null);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const start = async (action: Action) => {
    setError(null);
    if (action === 'submit') return run('submit');
    if (action === 'publish' && !selected.some((i) => i.status === 'submitted')) return run('publish');
    if (action === 'move') {
      setColumnId(undefined);
      // Columns of the selection's unit: items move within their own unit only.
      setColumns(orgIds.length === 1 ? (await publishingApi.columns(orgIds[0]!)).items : []);
    }
    setAsking(action);
  };
  const ok = results?.filter((r) => r.ok).length ?? 0;
  return (
    <>
      <Space wrap role="group" aria-label="批量操作" style={{ marginBottom: 12 }}>
        <Typography.Text>已选 {selected.length} 条</Typography.Text>
        {(['submit', 'publish', 'withdraw', 'move'] as const).map((a) => (
          <Button key={a} disabled={!selected.length} danger={a === 'withdraw'} onClick={() => void start(a)}>批量{LABELS[a]}</Button>
        ))}
      </Space>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {asking === 'publish' ? (
        <ApprovalDialog open required what={`选中的 ${selected.length} 条信息（待审核的审核通过并发布，已审核的直接发布）`} saving={saving}
          onCancel={() => setAsking(null)} onSubmit={(review) => void run('publish', { confidentialityReview: review })} />
      ) : null}
      {asking === 'withdraw' ? (
        <Modal open title={`批量撤回 ${selected.length} 条信息`} okText="撤回" okButtonProps={{ danger: true, disabled: !reason.trim(), loading: saving }} cancelText="取消"
          onCancel={() => setAsking(null)} onOk={() => void run('withdraw', { comment: reason.trim() })}>
          <label htmlFor="bulk-withdraw-reason" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>撤回原因（必填）</label>
          <Input.TextArea id="bulk-withdraw-reason" rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Modal>
      ) : null}
      {asking === 'move' ? (
        <Modal open title={`移动 ${selected.length} 条信息到其他栏目`} okText="移动" okButtonProps={{ disabled: !columnId, loading: saving }} cancelText="取消"
          onCancel={() => setAsking(null)} onOk={() => void run('move', { columnId })}>
          {orgIds.length === 1 ? (
            <>
              <label htmlFor="bulk-move-column" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>目标栏目</label>
              <Select id="bulk-move-column" showSearch optionFilterProp="label" style={{ width: '100%' }} value={columnId} onChange={setColumnId} placeholder="选择本单位的栏目"
                options={columns.filter((c) => !c.hidden).map((c) => ({ value: c.id, label: c.name }))} />
            </>
          ) : <Alert type="warning" showIcon message="所选信息属于不同单位：只能在同一单位的栏目之间移动，请按单位分别选择。" />}
        </Modal>
      ) : null}
      {results ? (
        <Modal open title={`批量操作结果：成功 ${ok} 条，未成功 ${results.length - ok} 条`} footer={<Button type="primary" onClick={() => { setResults(null); onDone(); }}>完成</Button>}
          onCancel={() => { setResults(null); onDone(); }} width={720}>
          {narrow ? (
            <List<BulkResult> size="small" dataSource={results} rowKey="id" aria-label="各条信息的结果"
              renderItem={(r) => (
                <List.Item style={{ display: 'block' }}>
                  <div style={{ overflowWrap: 'anywhere', fontWeight: 600 }}>{r.title ?? `编号 ${r.id}`}</div>
                  <div style={{ marginTop: 4 }}>{resultOf(r)}</div>
                </List.Item>
              )} />
          ) : (
            <Table<BulkResult> rowKey="id" size="small" pagination={false} dataSource={results} columns={[
              { title: '信息', dataIndex: 'title', render: (t: string | null, r) => t ?? `编号 ${r.id}` },
              { title: '结果', dataIndex: 'ok', width: 320, render: (_ok: boolean, r) => resultOf(r) },
            ]} />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>操作人：{user.displayName || user.username}。每条信息单独处理、单独记入版本历史和审计日志。</Typography.Paragraph>
        </Modal>
      ) : null}
    </>
  );
}
