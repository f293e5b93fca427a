// Published reports of every year (corrections included) and the year-over-year key figures.
import { useEffect, useState } from 'react';
import { List, Table, Typography } from 'antd';
import { errorMessage } from '../api.ts';
import { reportApi, type History } from './report-api.ts';

export function HistoryTable({ bodyId }: { bodyId: number }) {
  const [h, setH] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    reportApi.history(bodyId).then(setH, (e) => setError(errorMessage(e)));
  }, [bodyId]);
  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  if (!h) return null;
  if (!h.versions.length) return <Typography.Paragraph>尚无已发布的年度报告。</Typography.Paragraph>;
  return (
    <>
      <List
        size="small"
        dataSource={h.versions}
        renderItem={(v) => (
          <List.Item>
            {v.year}年度 第{v.version}版 · 发布日期 {v.publishedOn}
            {v.correctionNote ? ` · 更正说明：${v.correctionNote}` : ''}
          </List.Item>
        )}
      />
      <Table
        size="small"
        pagination={false}
        rowKey="label"
        dataSource={h.comparison.rows}
        columns={[
          { title: '项目', dataIndex: 'label', key: 'label' },
          ...h.comparison.years.map((y, i) => ({ title: `${y}年`, key: String(y), render: (_: unknown, r: History['comparison']['rows'][number]) => (r.values[i] === null ? '未填报' : String(r.values[i])) })),
        ]}
      />
    </>
  );
}
