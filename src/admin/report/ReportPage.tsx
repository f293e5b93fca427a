// 年度报告: choose the body and year; see the report computed from the records and every
// finding; edit the narrative and the entered figures; submit, approve (分管领导), publish;
// start a correction of a published report; compare the published years.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Space, Tabs, Tag, Typography, message } from 'antd';
import { errorMessage } from '../api.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { reportApi, type NarrativePart, type ReportBody, type Workspace } from './report-api.ts';
import { FindingsList } from './FindingsList.tsx';
import { NarrativeEditor } from './NarrativeEditor.tsx';
import { FiguresForm } from './FiguresForm.tsx';
import { ReportTables } from './ReportTables.tsx';
import { HistoryTable } from './HistoryTable.tsx';

const ACTIONS = [
  ['submit', '提交审批'],
  ['return', '退回修改'],
  ['approve', '审批通过'],
  ['publish', '发布到门户网站'],
] as const;

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => thisYear - i);

export function ReportPage() {
  const [bodies, setBodies] = useState<ReportBody[]>([]);
  const [parts, setParts] = useState<NarrativePart[]>([]);
  const [placeholders, setPlaceholders] = useState<string[]>([]);
  const [bodyId, setBodyId] = useState<number | null>(null);
  const [year, setYear] = useState(thisYear - 1);
  const [ws, setWs] = useState<Workspace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { saving: busy, run: submit } = useSubmit({ toast: true });

  useEffect(() => {
    reportApi.bodies().then((r) => {
      setBodies(r.items);
      setParts(r.parts);
      setPlaceholders(r.placeholders);
      setBodyId((r.items.find((b) => b.prepare || b.approve) ?? r.items[0])?.id ?? null);
    }, (e) => setError(errorMessage(e)));
  }, []);

  const load = useCallback(async () => {
    if (bodyId === null) return;
    try {
      setWs(await reportApi.workspace(bodyId, year));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [bodyId, year]);
  useEffect(() => void load(), [load]);

  // Whatever the outcome, the workspace is loaded again: the server's state is the truth.
  const run = async (what: () => Promise<unknown>, done: string) => {
    await submit(async () => {
      await what();
      void message.success(done);
      setNote('');
    });
    await load();
  };

  const v = ws?.version;
  const p = ws?.permissions ?? {};
  return (
    <>
      <PageHeader title="年度报告" />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select aria-label="机关" style={{ minWidth: 260 }} value={bodyId} onChange={setBodyId} options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        <Select aria-label="年度" style={{ width: 120 }} value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: `${y}年度` }))} />
      </Flex>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      {ws ? (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Flex gap={12} align="center" wrap>
              <Typography.Text strong>{ws.body.name}{ws.year}年政府信息公开工作年度报告</Typography.Text>
              {v ? <Tag color={v.status === 'published' ? 'green' : 'blue'} aria-label="状态">{`第${v.version}版 · ${v.statusLabel}`}</Tag> : <Tag>尚未开始编制</Tag>}
              {v?.publishedOn ? <span>发布日期：{v.publishedOn}</span> : null}
              {v?.correctionNote ? <span>更正说明：{v.correctionNote}</span> : null}
              <Space wrap>
                {p.start && !v ? <Button type="primary" loading={busy} onClick={() => void run(() => reportApi.start(ws.body.id, ws.year), '已开始编制（正文沿用上一年度，请逐段修改）')}>开始编制</Button> : null}
                {ACTIONS.filter(([a]) => p[a]).map(([a, label]) => (
                  <Button key={a} type={a === 'return' ? 'default' : 'primary'} loading={busy} onClick={() => void run(() => reportApi.act(v!.id, a), `${label}：完成`)}>{label}</Button>
                ))}
                <a href={`/api/v1/reports/${ws.body.id}/${ws.year}/document?format=docx`}>下载 Word</a>
                <a href={`/api/v1/reports/${ws.body.id}/${ws.year}/document?format=pdf`}>下载 PDF</a>
              </Space>
            </Flex>
            {p.start && v?.status === 'published' ? (
              <Flex gap={8} style={{ marginTop: 12 }}>
                <Input aria-label="更正说明" placeholder="更正说明（将在门户网站显示）" value={note} onChange={(e) => setNote(e.target.value)} style={{ maxWidth: 480 }} />
                <Button disabled={!note.trim()} loading={busy} onClick={() => void run(() => reportApi.start(ws.body.id, ws.year, note), '已建立更正版本')}>发起更正</Button>
              </Flex>
            ) : null}
          </Card>
          <Tabs
            items={[
              { key: 'findings', label: `校验（${ws.findings.filter((f) => f.severity === 'error').length} 错误）`, children: <FindingsList findings={ws.findings} parts={parts} /> },
              { key: 'narrative', label: '正文', children: v ? <NarrativeEditor key={`${v.id}-${v.status}`} version={v} narrative={ws.narrative} parts={parts} placeholders={placeholders} editable={!!p.edit} onSaved={load} /> : <Typography.Paragraph>请先开始编制。</Typography.Paragraph> },
              { key: 'figures', label: '第二部分数字', children: <FiguresForm key={`${ws.body.id}-${ws.year}-${v?.status}`} bodyId={ws.body.id} year={ws.year} figures={ws.figures} disabled={!p.editFigures} onSaved={load} /> },
              { key: 'tables', label: '表格与记录', children: <ReportTables ws={ws} /> },
              { key: 'history', label: '历年对比', children: <HistoryTable bodyId={ws.body.id} /> },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
