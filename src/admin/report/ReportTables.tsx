// Sections 三 and 四 as computed, every cell a link to the records behind it (drill-down).
import { useState } from 'react';
import { Button, Modal, Table, Typography } from 'antd';
import { errorMessage } from '../api.ts';
import { reportApi, type Cell, type Workspace } from './report-api.ts';
import { APPLICATION_ROWS, APPLICANT_COLUMNS, REVIEW_COLUMNS } from '../../report/report.model.ts';

const GROUPS = [
  ['review', '行政复议'],
  ['litigationDirect', '行政诉讼·未经复议直接起诉'],
  ['litigationAfterReview', '行政诉讼·复议后起诉'],
] as const;

export function ReportTables({ ws }: { ws: Workspace }) {
  const [drill, setDrill] = useState<{ title: string; text: string } | null>(null);
  const open = async (cell: string, title: string) => {
    try {
      const r = await reportApi.cell(ws.body.id, ws.year, cell);
      const what = r.kind === 'application' ? '申请' : '复议诉讼案件';
      setDrill({ title, text: r.ids.length ? `${what}编号：${r.ids.join('、')}` : `没有${what}` });
    } catch (e) {
      setDrill({ title, text: errorMessage(e) });
    }
  };
  const cellLink = (value: Cell, cell: string, title: string) =>
    value === null ? <Typography.Text type="warning">未填报</Typography.Text> : (
      <Button type="link" size="small" onClick={() => void open(cell, title)} aria-label={`${title}：${value}，查看记录`}>
        {value}
      </Button>
    );
  const rows = APPLICATION_ROWS.map((r) => ({ key: r.key, label: 'group' in r ? `${r.group} ${r.label}` : r.label, cells: ws.report.applications.rows[r.key] ?? [] }));
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>三、收到和处理政府信息公开申请情况</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: '项目', dataIndex: 'label', key: 'label' },
          ...APPLICANT_COLUMNS.map((c, i) => ({
            title: c,
            key: c,
            render: (_: unknown, r: (typeof rows)[number]) => cellLink(r.cells[i] ?? null, `三.${r.key}.${i}`, `${r.label} · ${c}`),
          })),
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>四、政府信息公开行政复议、行政诉讼情况</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={GROUPS.map(([key, label]) => ({ key, label }))}
        columns={[
          { title: '类别', dataIndex: 'label', key: 'label' },
          ...REVIEW_COLUMNS.map((c, i) => ({
            title: c,
            key: c,
            render: (_: unknown, r: { key: (typeof GROUPS)[number][0]; label: string }) => cellLink(ws.report.reviewLitigation[r.key][i] ?? null, `四.${r.key}.${i}`, `${r.label} · ${c}`),
          })),
        ]}
      />
      <Modal open={!!drill} title={drill?.title} onCancel={() => setDrill(null)} footer={null}>
        <p>{drill?.text}</p>
      </Modal>
    </>
  );
}
