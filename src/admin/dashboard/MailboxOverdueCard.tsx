// 工作台: 区长信箱 letters past their due date and unanswered, for whoever sees the mailbox.
import { useEffect, useState } from 'react';
import { Alert, Card, List, Typography } from 'antd';
import { api, errorMessage } from '../api.ts';
import type { Letter } from '../publishing/publishing-api.ts';
import { hrefFor } from '../router.ts';
import { StatusTag } from '../common/StatusTag.tsx';

export function MailboxOverdueCard() {
  const [items, setItems] = useState<Letter[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<{ items: Letter[] }>('/api/v1/publishing/letters')
      .then((r) => live && setItems(r.items.filter((l) => l.overdue)))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>逾期未答复的来信</Typography.Title>} extra={<a href={hrefFor('/publishing')}>区长信箱</a>}>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      <List<Letter>
        size="small"
        loading={items === null && !error}
        dataSource={items ?? []}
        locale={{ emptyText: '没有逾期的来信' }}
        renderItem={(l) => (
          <List.Item>
            <span>{l.subject}</span>
            <span>
              <Typography.Text type="secondary">{l.unitName} · 应于{l.dueDate}前答复 </Typography.Text>
              <StatusTag tone="warn">已逾期</StatusTag>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
