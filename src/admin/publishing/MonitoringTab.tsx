// Site monitoring: overdue columns, broken internal links, incomplete metadata, late
// publications (Art. 26) and the weekly summary.
import { useEffect, useState } from 'react';
import { Alert, Card, List, Space, Typography } from 'antd';
import { errorMessage } from '../api.ts';
import { publishingApi, type Monitoring } from './publishing-api.ts';

export function MonitoringTab() {
  const [m, setM] = useState<Monitoring | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    publishingApi.monitoring().then(setM, (e: unknown) => setError(errorMessage(e)));
  }, []);
  if (error) return <Alert type="error" message={error} showIcon />;
  if (!m) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="本周概要" size="small"><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.weeklySummary}</Typography.Paragraph></Card>
      <Card title={`逾期未更新栏目（${m.overdueColumns.length}）`} size="small">
        <List size="small" dataSource={m.overdueColumns} locale={{ emptyText: '无' }}
          renderItem={(c) => <List.Item>{c.name}：应每 {c.intervalDays} 天更新，{c.daysSince === null ? '从未更新' : `已 ${c.daysSince} 天未更新（最近 ${c.lastPublishDate}）`}</List.Item>} />
      </Card>
      <Card title={`错误链接（${m.brokenLinks.length}）`} size="small">
        <List size="small" dataSource={m.brokenLinks} locale={{ emptyText: '无' }} renderItem={(l) => <List.Item>{l.title}：{l.href}</List.Item>} />
      </Card>
      <Card title={`元数据不全（${m.incompleteItems.length}）`} size="small">
        <List size="small" dataSource={m.incompleteItems.slice(0, 100)} locale={{ emptyText: '无' }} renderItem={(i) => <List.Item>{i.title}：缺少{i.missing.join('、')}</List.Item>} />
      </Card>
      <Card title={`超过20个工作日发布（${m.latePublications.length}）`} size="small">
        <List size="small" dataSource={m.latePublications.slice(0, 100)} locale={{ emptyText: '无' }} renderItem={(i) => <List.Item>{i.publishDate} {i.title}</List.Item>} />
      </Card>
    </Space>
  );
}
