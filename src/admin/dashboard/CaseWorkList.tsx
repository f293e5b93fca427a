// One work list of the 工作台 (即将到期 / 已超期 / 待我办理): each case links to its page, with
// its due date and the working days left on the official calendar.
import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { StatusTag } from '../common/StatusTag.tsx';
import { caseHref, statusTone, type WorkbenchItem } from '../applications/applications-api.ts';

export function daysLeftText(c: WorkbenchItem): string {
  if (c.workingDaysLeft === null) return c.receivedDate ? '—' : '待确认收到';
  if (c.workingDaysLeft < 0) return `超期 ${-c.workingDaysLeft} 个工作日`;
  if (c.workingDaysLeft === 0) return '今天到期';
  return `剩 ${c.workingDaysLeft} 个工作日`;
}

export function CaseWorkList({ id, title, items, loading, empty }: { id: string; title: string; items: WorkbenchItem[]; loading: boolean; empty: string }) {
  const columns: TableColumnsType<WorkbenchItem> = [
    { title: '受理编号', key: 'tn', render: (_, c) => <a href={caseHref(c.id)} style={{ whiteSpace: 'nowrap' }}>{c.trackingNumber}</a> },
    { title: '申请人', dataIndex: 'applicantName', key: 'applicant', ellipsis: true },
    { title: '所需信息', dataIndex: 'description', key: 'desc', ellipsis: true },
    { title: '状态', key: 'status', render: (_, c) => <StatusTag tone={statusTone(c.status)}>{c.extensionPending ? '延期待审批' : c.statusLabel}</StatusTag> },
    { title: '答复期限', key: 'due', render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{c.dueDate ?? '—'}</span> },
    { title: '剩余', key: 'left', render: (_, c) => <span style={c.workingDaysLeft !== null && c.workingDaysLeft <= 0 ? { color: '#a8071a', fontWeight: 600 } : undefined}>{daysLeftText(c)}</span> },
  ];
  return (
    <Card
      size="small"
      title={<Typography.Title level={2} id={id} style={{ fontSize: 16, margin: 0 }}>{title}（{items.length}）</Typography.Title>}
      styles={{ body: { padding: 0 } }}
    >
      <Table
        aria-labelledby={id}
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={items.length > 8 ? { pageSize: 8, size: 'small' } : false}
        locale={{ emptyText: <Typography.Text type="secondary">{empty}</Typography.Text> }}
      />
    </Card>
  );
}
