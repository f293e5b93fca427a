// 区长信箱 letters: answer or transfer (转办) a letter (optionally asking for the reply's publication on 互动交流),
// and — for a reviewer or leader of the body other than the one who asked — approve or return a
// reply awaiting review. Each row shows only the buttons the server says the user may use.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Input, InputNumber, Modal, Radio, Select, Space, Table, Typography, message } from 'antd';
import { errorMessage } from '../api.ts';
import { publishingApi, type Letter } from './publishing-api.ts';
import { beijingTime } from '../common/beijing-time.ts';
import { StatusTag, type Tone } from '../common/StatusTag.tsx';

type Kind = 'reply' | 'publish' | 'review' | 'transfer';
type Dialog = { kind: Kind; letter: Letter } | null;

function statusOf(l: Letter): { tone: Tone; label: string } {
  if (l.status === 'received') return { tone: 'warn', label: '待答复' };
  if (l.publishStatus === 'pending') return { tone: 'accent', label: '已答复·公开待审核' };
  if (l.publishStatus === 'returned') return { tone: 'warn', label: '已答复·公开被退回' };
  if (l.publishStatus === 'published') return { tone: 'good', label: '已答复·已公开' };
  return { tone: 'neutral', label: '已答复·不公开' };
}

export function MailboxLetters() {
  const [letters, setLetters] = useState<Letter[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [publish, setPublish] = useState(true);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setLetters((await publishingApi.letters()).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const [targets, setTargets] = useState<Array<{ id: number; name: string }>>([]);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [days, setDays] = useState<number | null>(10);

  const open = (kind: Kind, letter: Letter) => {
    setDialog({ kind, letter });
    if (kind === 'transfer') {
      setUnitId(null);
      setDays(10);
      publishingApi.transferTargets(letter.id).then((r) => setTargets(r.items), (e: unknown) => setError(errorMessage(e)));
    }
    setText(kind === 'publish' ? (letter.publishText ?? letter.replyText ?? '') : '');
    setReason('');
    setPublish(true);
  };

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      setDialog(null);
      void message.success(done);
      await load();
    } catch (e) {
      setError(errorMessage(e));
      setDialog(null);
      await load();
    } finally {
      setBusy(false);
    }
  };

  const l = dialog?.letter;
  const shown = mine ? letters.filter((x) => x.actions.length > 0) : letters;
  return (
    <>
      {error ? <Alert type="error" message={error} showIcon closable onClose={() => setError(null)} style={{ marginBottom: 12 }} /> : null}
      <Radio.Group value={mine} onChange={(e) => setMine(e.target.value as boolean)} optionType="button" style={{ marginBottom: 12 }}
        options={[{ value: false, label: '全部来信' }, { value: true, label: `待我处理（${letters.filter((x) => x.actions.length > 0).length}）` }]} />
      <Table<Letter> rowKey="id" dataSource={shown} pagination={{ pageSize: 10 }} columns={[
        { title: '标题', dataIndex: 'subject' },
        { title: '来信人', dataIndex: 'writerName', width: 100 },
        { title: '联系方式', dataIndex: 'contact', width: 140 },
        { title: '收信时间', dataIndex: 'createdAt', width: 150, render: (t: string) => beijingTime(t, { seconds: false }) },
        {
          title: '承办单位·期限', key: 'unit', width: 200,
          render: (_, r) => (
            <Space size={4} wrap>
              <span>{r.unitName}{r.transferredFrom ? <Typography.Text type="secondary">（{r.transferredFrom}转办）</Typography.Text> : null}</span>
              {r.status === 'received' ? <span>{r.dueDate}前</span> : null}
              {r.overdue ? <StatusTag tone="warn">已逾期</StatusTag> : null}
            </Space>
          ),
        },
        { title: '状态', key: 'status', width: 150, render: (_, r) => <StatusTag tone={statusOf(r).tone}>{statusOf(r).label}</StatusTag> },
        {
          title: '操作', key: 'actions', width: 120,
          render: (_, r) => (
            <Space size={4} wrap>
              {r.actions.includes('reply') ? <Button size="small" type="primary" onClick={() => open('reply', r)}>答复</Button> : null}
              {r.actions.includes('transfer') ? <Button size="small" onClick={() => open('transfer', r)}>转办</Button> : null}
              {r.actions.includes('request_publication') ? <Button size="small" onClick={() => open('publish', r)}>申请公开</Button> : null}
              {r.actions.includes('approve') ? <Button size="small" type="primary" onClick={() => open('review', r)}>审核公开</Button> : null}
            </Space>
          ),
        },
      ]} />
      <Modal open={dialog?.kind === 'reply'} title={l?.subject} onCancel={() => setDialog(null)} confirmLoading={busy} okText="提交答复" cancelText="取消"
        onOk={() => void act(() => publishingApi.reply(l!.id, text, publish), publish ? '已答复，公开答复待审核' : '已答复')}>
        <p style={{ whiteSpace: 'pre-wrap' }}>{l?.body}</p>
        <Input.TextArea aria-label="答复内容" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
        <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)} style={{ marginTop: 8 }}>申请在门户网站公开来信和答复（不公开来信人信息；经本机关审核人或分管领导审核后公开）</Checkbox>
      </Modal>
      <Modal open={dialog?.kind === 'transfer'} title={`转办：${l?.subject ?? ''}`} onCancel={() => setDialog(null)} confirmLoading={busy} okText="转办" cancelText="取消"
        okButtonProps={{ disabled: !unitId || !days }}
        onOk={() => void act(() => publishingApi.transfer(l!.id, unitId!, days!, text), '已转办')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <label htmlFor="transfer-unit">转办单位</label>
          <Select<number> id="transfer-unit" style={{ width: '100%' }} value={unitId ?? undefined} onChange={setUnitId} showSearch optionFilterProp="label"
            options={targets.map((x) => ({ value: x.id, label: x.name }))} />
          <label htmlFor="transfer-days">办理时限（工作日）</label>
          <InputNumber<number> id="transfer-days" min={1} max={60} value={days} onChange={setDays} />
          <Input.TextArea aria-label="转办说明" placeholder="转办说明（可选）" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </Space>
      </Modal>
      <Modal open={dialog?.kind === 'publish'} title={`申请公开：${l?.subject ?? ''}`} onCancel={() => setDialog(null)} confirmLoading={busy} okText="提交审核" cancelText="取消"
        onOk={() => void act(() => publishingApi.requestPublication(l!.id, text), '已提交审核')}>
        {l?.returnReason ? <Alert type="warning" showIcon message={`退回理由（${l.reviewedBy ?? ''}）：${l.returnReason}`} style={{ marginBottom: 12 }} /> : null}
        <Input.TextArea aria-label="拟公开的答复" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
      <Modal open={dialog?.kind === 'review'} title={`审核公开答复：${l?.subject ?? ''}`} onCancel={() => setDialog(null)} width={720} destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setDialog(null)}>取消</Button>,
          <Button key="return" danger loading={busy} disabled={reason.trim().length < 2} onClick={() => void act(() => publishingApi.returnPublication(l!.id, reason), '已退回')}>退回</Button>,
          <Button key="approve" type="primary" loading={busy} onClick={() => void act(() => publishingApi.approvePublication(l!.id), '已审核通过并公开')}>通过并公开</Button>,
        ]}>
        <Descriptions column={1} size="small" bordered items={[
          { key: 'body', label: '来信内容', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{l?.body}</Typography.Text> },
          { key: 'text', label: '拟公开的答复', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{l?.publishText}</Typography.Text> },
          { key: 'by', label: '提交人', children: l?.publishRequestedBy },
        ]} />
        <Input.TextArea aria-label="退回理由（退回时必填）" placeholder="退回理由（退回时必填）" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} style={{ marginTop: 12 }} />
      </Modal>
    </>
  );
}
