// 复议诉讼: the 行政复议 and 行政诉讼 records about disclosure work (report section 四), with the
// application each is about; new records and results are entered here.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { useCurrentUser } from '../session.tsx';
import { caseHref, type CaseDetail } from '../applications/applications-api.ts';
import type { OversightItem } from './oversight-api.ts';
import { OversightFormModal } from './OversightFormModal.tsx';
import { OversightResultModal } from './OversightResultModal.tsx';

const RESULT_TONES = { pending: 'accent', upheld: 'good', corrected: 'warn', other: 'neutral' } as const;

export function OversightPage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canWrite = user.roles.includes('case_handler');
  const [items, setItems] = useState<OversightItem[]>([]);
  const [tracking, setTracking] = useState<Record<number, string>>({});
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<OversightItem | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const res = await api.get<{ items: OversightItem[] }>('/api/v1/oversight');
      setItems(res.items);
      setError(null);
      // The list carries the application id; show its tracking number, as clerks know cases by it.
      const ids = [...new Set(res.items.map((i) => i.applicationId).filter((x): x is number => x !== null))];
      const pairs = await Promise.all(ids.map((id) => api.get<CaseDetail>(`/api/v1/applications/${id}`).then((c) => [id, c.trackingNumber] as const).catch(() => [id, `#${id}`] as const)));
      setTracking(Object.fromEntries(pairs));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<OversightItem> = [
    { title: '类型', dataIndex: 'kindLabel', key: 'kind' },
    { title: '申请复议或起诉日期', dataIndex: 'filedDate', key: 'filed', width: 150 },
    { title: '复议机关或法院', dataIndex: 'body', key: 'body' },
    { title: '案号', dataIndex: 'caseNumber', key: 'no', render: (v: string) => v || '—' },
    { title: '关联申请', key: 'app', render: (_, i) => (i.applicationId ? <a href={caseHref(i.applicationId)}>{tracking[i.applicationId] ?? `#${i.applicationId}`}</a> : '—') },
    { title: '结果', key: 'result', render: (_, i) => <StatusTag tone={RESULT_TONES[i.result as keyof typeof RESULT_TONES] ?? 'neutral'}>{i.resultLabel}</StatusTag> },
    { title: '决定日期', dataIndex: 'decidedDate', key: 'decided', render: (v: string | null) => v ?? '—' },
    ...(canWrite
      ? [{ title: '操作', key: 'ops', render: (_: unknown, i: OversightItem) => <Button size="small" onClick={() => setEditing(i)} aria-label={`登记结果 ${i.kindLabel} ${i.filedDate}`}>登记结果</Button> }]
      : []),
  ];

  return (
    <>
      <PageHeader title="复议诉讼" extra={canWrite ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记复议或诉讼</Button> : null} />
      <Typography.Paragraph type="secondary">
        因政府信息公开工作引发的行政复议、行政诉讼及其结果，计入年度报告第四部分；尚未审结的案件在年底计为“尚未审结”。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Table rowKey="id" size="middle" loading={loading} columns={columns} dataSource={items} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: <Typography.Text type="secondary">尚无复议诉讼记录</Typography.Text> }} />
      <OversightFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          message.success('已登记');
          void load();
        }}
      />
      <OversightResultModal
        item={editing}
        onClose={() => setEditing(null)}
        onDone={(updated) => {
          setEditing(null);
          message.success(updated.result === 'corrected' ? '已登记结果；如选择了重新办理，关联申请已重新开始计算答复期限' : '已登记结果');
          void load();
        }}
      />
    </>
  );
}
