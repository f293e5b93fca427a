// 依申请公开: the case list with filters and export; `?case=ID` opens a case, `?new=1` the intake form.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Input, Select, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { APPLICANT_TYPES } from '../../report/report.model.ts';
import { STATUS_OPTIONS } from './status-options.ts';
import { api, errorMessage, query } from '../api.ts';
import { listTotalText } from '../list-total.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { useCurrentUser } from '../session.tsx';
import { caseHref, downloadFile, statusTone, type CaseListItem } from './applications-api.ts';
import { useHashQuery } from './hash-query.ts';
import { CasePage } from './CasePage.tsx';
import { IntakePage } from './IntakePage.tsx';

const PAGE_SIZE = 20;

export function ApplicationsPage() {
  const q = useHashQuery();
  const caseId = Number(q.get('case'));
  if (Number.isInteger(caseId) && caseId > 0) return <CasePage key={caseId} id={caseId} />;
  if (q.get('new')) return <IntakePage />;
  return <CaseListPage />;
}

interface Filters {
  status?: string;
  applicantType?: string;
  received?: [Dayjs | null, Dayjs | null] | null;
  overdue: boolean;
  q: string;
}

function filterQuery(f: Filters) {
  return {
    status: f.status,
    applicantType: f.applicantType,
    receivedFrom: f.received?.[0]?.format('YYYY-MM-DD'),
    receivedTo: f.received?.[1]?.format('YYYY-MM-DD'),
    overdue: f.overdue ? 'true' : undefined,
    q: f.q.trim() || undefined,
  };
}

function CaseListPage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [filters, setFilters] = useState<Filters>({ overdue: false, q: '' });
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; totalCapped?: boolean; items: CaseListItem[] }>({ total: 0, items: [] });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.get(`/api/v1/applications${query({ ...filterQuery(filters), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [filters, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const set = (patch: Partial<Filters>) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const exportAs = (format: 'csv' | 'xlsx') =>
    downloadFile(`/api/v1/applications/export${query({ ...filterQuery(filters), format })}`, `applications.${format}`).catch((e: unknown) => message.error(errorMessage(e)));

  const columns: TableColumnsType<CaseListItem> = [
    { title: '受理编号', dataIndex: 'trackingNumber', key: 'tn', render: (tn: string, r) => <a href={caseHref(r.id)}>{tn}</a> },
    { title: '申请人', key: 'applicant', render: (_, r) => <>{r.applicantName}<div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>{r.applicantType} · {r.applicantIdMasked}</div></> },
    { title: '所需信息', dataIndex: 'description', key: 'desc', ellipsis: true },
    { title: '提交方式', dataIndex: 'channelLabel', key: 'channel', width: 100 },
    { title: '收到日期', dataIndex: 'receivedDate', key: 'received', width: 110, render: (d: string | null) => d ?? '待确认' },
    { title: '答复期限', key: 'due', width: 110, render: (_, r) => r.dueDate ?? (r.decisionDate ? `已答复 ${r.decisionDate}` : '—') },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, r) => (
        <>
          <StatusTag tone={statusTone(r.status)}>{r.statusLabel}</StatusTag>
          {r.outcomeLabel ? <div style={{ fontSize: 12 }}>{r.outcomeLabel}</div> : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="依申请公开"
        extra={
          <>
            {user.roles.includes('case_handler') ? <Button type="primary" icon={<PlusOutlined />} href="#/applications?new=1">登记申请</Button> : null}
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')}>导出 CSV</Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')}>导出 Excel</Button>
          </>
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search" aria-label="筛选申请">
        <Input.Search
          aria-label="搜索受理编号、申请人或所需信息"
          placeholder="受理编号 / 申请人 / 所需信息"
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => set({ q: v })}
          style={{ width: 280 }}
        />
        <Select aria-label="状态" placeholder="全部状态" allowClear options={STATUS_OPTIONS} value={filters.status} onChange={(v: string | undefined) => set({ status: v })} style={{ width: 160 }} />
        <Select
          aria-label="申请人类型"
          placeholder="全部申请人类型"
          allowClear
          options={APPLICANT_TYPES.map((t) => ({ value: t, label: t }))}
          value={filters.applicantType}
          onChange={(v: string | undefined) => set({ applicantType: v })}
          style={{ width: 170 }}
        />
        <DatePicker.RangePicker aria-label="收到日期范围" placeholder={['收到日期起', '收到日期止']} value={filters.received ?? null} onChange={(v) => set({ received: v })} />
        <Flex gap={6} align="center">
          <Switch id="overdue-only" checked={filters.overdue} onChange={(v) => set({ overdue: v })} />
          <label htmlFor="overdue-only">只看已超期</label>
        </Flex>
      </Flex>
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, showSizeChanger: false, onChange: setPage, showTotal: (n) => listTotalText(n, data.totalCapped ?? false, '件') }}
        locale={{ emptyText: <Typography.Text type="secondary">没有符合条件的申请</Typography.Text> }}
      />
    </>
  );
}
