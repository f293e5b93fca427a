// 统计分析: one year of the caller's scope — applications per month and channel, decisions by
// outcome, the on-time rate and the average working days to answer, items published per unit and
// column, and which columns are overdue for an update. Everything downloads as one XLSX workbook.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, message } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, errorMessage, query } from '../api.ts';
import type { ListResponse, Organization } from '../api.types.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { StatusTag, type Tone } from '../common/StatusTag.tsx';
import { downloadFile } from '../applications/applications-api.ts';
import { BarList, ColumnChart } from './BarChart.tsx';
import type { Statistics } from '../../statistics/statistics.usecases.ts';
import { FRESHNESS_LABELS } from '../../statistics/statistics.labels.ts';

const TONE: Record<string, Tone> = { fresh: 'good', due_soon: 'accent', overdue: 'warn', never: 'warn', no_interval: 'neutral' };

export function StatisticsPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const [orgs, setOrgs] = useState<Organization[]>([]);
  const [data, setData] = useState<Statistics | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.get<ListResponse<Organization>>('/api/v1/organizations').then((r) => setOrgs(r.items)).catch(() => setOrgs([]));
  }, []);
  const load = useCallback(async () => {
    try {
      setData(await api.get<Statistics>(`/api/v1/statistics${query({ year, organizationId: orgId })}`));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [year, orgId]);
  useEffect(() => {
    void load();
  }, [load]);

  const a = data?.applications;
  const received = a?.channels.reduce((n, c) => n + c.count, 0) ?? 0;
  const published = data?.published.reduce((n, u) => n + u.count, 0) ?? 0;
  return (
    <>
      <PageHeader title="统计分析" />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="年度" value={year} onChange={setYear} style={{ width: 110 }} options={Array.from({ length: thisYear - 2018 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))} />
        <Select
          aria-label="单位"
          allowClear
          placeholder="全部（本人可见范围）"
          value={orgId}
          onChange={setOrgId}
          style={{ minWidth: 240 }}
          showSearch
          optionFilterProp="label"
          options={orgs.map((o) => ({ value: Number(o.id), label: o.name }))}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void downloadFile(`/api/v1/statistics/export${query({ year, organizationId: orgId })}`, `statistics-${year}.xlsx`).catch((e: unknown) => void message.error(errorMessage(e)))}>
          导出 Excel
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {a && data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}><Card><Statistic title="本年收到申请（件）" value={received} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="本年办结（件）" value={a.decided} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="按期办结率" value={a.onTimeRate === null ? '—' : `${(a.onTimeRate * 100).toFixed(1)}%`} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="平均答复用时（工作日）" value={a.averageWorkingDays ?? '—'} /></Card></Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card title="申请按月（收到申请之日）">
                <ColumnChart title="每月收到申请件数" bars={a.months.map((m) => ({ label: `${Number(m.month.slice(5))}月`, value: m.total }))} />
                <BarList bars={a.channels.filter((c) => c.count).map((c) => ({ label: c.label, value: c.count }))} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title="办理结果（本年办结）">
                {a.outcomes.length ? <BarList bars={a.outcomes.map((o) => ({ label: o.label, value: o.count }))} /> : <Empty description="本年尚无办结的申请" />}
              </Card>
            </Col>
          </Row>
          <Card title={`主动公开：本年发布 ${published} 条`}>
            <Table
              size="small"
              rowKey="organizationId"
              scroll={{ x: 560 }}
              pagination={false}
              dataSource={data.published}
              locale={{ emptyText: '本年尚无发布的信息' }}
              columns={[
                { title: '单位', dataIndex: 'organizationName' },
                { title: '发布条数', dataIndex: 'count', align: 'right' },
                { title: '主要栏目', key: 'columns', render: (_, u) => u.columns.slice(0, 3).map((c) => `${c.columnName} ${c.count}`).join('，') },
              ]}
            />
          </Card>
          <Card title="栏目更新情况（截至今日）">
            <Table
              size="small"
              rowKey="columnId"
              scroll={{ x: 640 }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={data.freshness}
              columns={[
                { title: '单位', dataIndex: 'organizationName' },
                { title: '栏目', dataIndex: 'name' },
                { title: '更新周期', dataIndex: 'intervalDays', render: (v: number | null) => (v === null ? '—' : `${v}天`) },
                { title: '最近发布', dataIndex: 'lastPublishDate', render: (v: string | null) => v ?? '—' },
                { title: '状态', dataIndex: 'state', render: (s: string) => <StatusTag tone={TONE[s] ?? 'neutral'}>{FRESHNESS_LABELS[s] ?? s}</StatusTag> },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
