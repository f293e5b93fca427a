// The State Council notice pasted into the holiday form: read by the pure rule the server's
// tests check (holiday-notice.rules.ts), it fills the form for review; nothing is saved until
// the administrator saves. Days outside the year and lines not understood are listed back.
import { useState } from 'react';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { readHolidayNotice, type NoticeReading } from '../../calendar/holiday-notice.rules.ts';

export function NoticePaste({ year, onRead }: { year: number; onRead: (r: NoticeReading) => void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<NoticeReading | null>(null);

  function read() {
    const r = readHolidayNotice(text, year);
    setResult(r);
    if (r.holidays.length || r.workDays.length) onRead(r);
  }

  const filled = result && (result.holidays.length || result.workDays.length);
  return (
    <div style={{ marginBottom: 16 }}>
      <label htmlFor="notice-text"><Typography.Text strong>粘贴通知原文（可选）</Typography.Text></label>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0' }} id="notice-hint">
        将国务院办公厅关于{year}年部分节假日安排的通知全文粘贴到这里，点“识别并填入”，下面的放假安排和调休上班日会按通知填好，请核对后再保存。
      </Typography.Paragraph>
      <Input.TextArea id="notice-text" aria-describedby="notice-hint" rows={5} value={text} onChange={(e) => setText(e.target.value)} placeholder={`一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n二、春节：……`} />
      <Space wrap style={{ marginTop: 8 }}>
        <Button onClick={read} disabled={!text.trim()}>识别并填入</Button>
      </Space>
      {result ? (
        <div role="status" style={{ marginTop: 8 }}>
          {filled ? <Alert type="success" showIcon message={`已按通知填入 ${result.holidays.length} 项放假安排、${result.workDays.length} 个调休上班日，尚未保存，请核对后保存`} style={{ marginBottom: 8 }} /> : null}
          {result.notes.length ? <Alert type="info" showIcon message="不在本年的日期" description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{result.notes.map((n) => <li key={n}>{n}</li>)}</ul>} style={{ marginBottom: 8 }} /> : null}
          {result.unparsed.length ? <Alert type="warning" showIcon message="以下内容未能识别或与日期不符，请手工核对" description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{result.unparsed.map((n) => <li key={n}>{n}</li>)}</ul>} /> : null}
        </div>
      ) : null}
    </div>
  );
}
