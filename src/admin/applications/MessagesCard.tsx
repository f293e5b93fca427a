// 通知记录: every message to the applicant about this case (受理、补正、延期、答复), when it was
// written, by which channel, to whom, with its subject and whether it went out.
import { Card, List, Typography } from 'antd';
import { StatusTag, type Tone } from '../common/StatusTag.tsx';
import { beijingTime } from '../common/beijing-time.ts';
import type { CaseMessage } from './applications-api.ts';

const TONE: Record<string, Tone> = { sent: 'good', failed: 'warn', pending: 'info', sending: 'info', unconfigured: 'neutral', no_contact: 'neutral' };

export function MessagesCard({ messages }: { messages: CaseMessage[] }) {
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>通知记录</Typography.Title>}>
      {messages.length ? (
        <List
          size="small"
          dataSource={[...messages].reverse()}
          renderItem={(m) => (
            <List.Item key={m.id} style={{ display: 'block', paddingInline: 0 }}>
              <div>
                <StatusTag tone={TONE[m.status] ?? 'neutral'}>{m.statusLabel}</StatusTag>
                <strong>{m.kindLabel}</strong> · {m.channelLabel} · <span style={{ wordBreak: 'break-all' }}>{m.recipient}</span>
              </div>
              <div style={{ wordBreak: 'break-word' }}>{m.subject}</div>
              <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 12 }}>
                {beijingTime(m.createdAt, { seconds: false })}
                {m.sentAt ? ` 生成，${beijingTime(m.sentAt, { seconds: false })} 发出` : ''}
                {m.lastError && m.status !== 'sent' ? ` · ${m.lastError}` : ''}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">尚无发给申请人的通知。</Typography.Text>
      )}
    </Card>
  );
}
