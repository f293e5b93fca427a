// 审计日志: newest first, 50 at a time; "加载更多" asks for rows before the last one shown.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage, query } from '../api.ts';
import type { AuditRow, ListResponse } from '../api.types.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { auditActionLabel, auditDetailText, auditTargetText } from './audit-format.ts';

const PAGE_SIZE = 50;

const columns: TableColumnsType<AuditRow> = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 180, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
  { title: '用户', dataIndex: 'username', key: 'username', render: (u: string | null) => u ?? '—' },
  { title: '操作', dataIndex: 'action', key: 'action', render: (a: string) => <span title={a}>{auditActionLabel(a)}</span> },
  {
    title: '对象',
    key: 'target',
    render: (_, r) => auditTargetText(r.targetType, r.targetId),
  },
  { title: 'IP 地址', dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
  {
    title: '详情',
    key: 'detail',
    render: (_, r) => <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 320 }}>{auditDetailText(r.detail)}</Typography.Text>,
  },
];

export function AuditPage() {
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(true);

  const loadPage = useCallback(async (before?: AuditRow['id']) => {
    setLoading(true);
    try {
      const res = await api.get<ListResponse<AuditRow>>(`/api/v1/audit${query({ limit: PAGE_SIZE, before })}`);
      setRows((prev) => (before === undefined ? res.items : [...prev, ...res.items]));
      setHasMore(res.items.length === PAGE_SIZE);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadPage();
  }, [loadPage]);

  const last = rows[rows.length - 1];
  return (
    <>
      <PageHeader title="审计日志" extra={<Button onClick={() => void loadPage()}>刷新</Button>} />
      <Typography.Paragraph type="secondary">审计日志只增不改，每条记录与上一条以哈希链接，用于事后核查。时间为本机时区。</Typography.Paragraph>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Table<AuditRow> rowKey={(r) => String(r.id)} columns={columns} scroll={{ x: 'max-content' }} dataSource={rows} loading={loading && rows.length === 0} pagination={false} size="small" />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {hasMore && last ? (
          <Button onClick={() => void loadPage(last.id)} loading={loading}>加载更多</Button>
        ) : rows.length > 0 ? (
          <Typography.Text type="secondary">已显示全部 {rows.length} 条记录</Typography.Text>
        ) : null}
      </Flex>
    </>
  );
}
