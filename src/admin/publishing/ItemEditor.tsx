// One item: the metadata form, the body (a rich-text editor loaded on demand), attachments, the
// workflow buttons the server allows now, and the version history with its differences.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, List, Select, Skeleton, Space, Tabs, Typography, Upload, message } from 'antd';
import { FormSelect, FormTreeSelect } from '../applications/FormSelect.tsx';
import dayjs from 'dayjs';
import { errorMessage } from '../api.ts';
import { ITEM_KINDS, TOPICS, VALIDITY } from '../../publishing/items.rules.ts';
import { ACTION_LABELS, type WorkflowAction } from '../../publishing/workflow.rules.ts';
import { publishingApi, type Column, type ItemDetail, type ItemDraft, type Version } from './publishing-api.ts';
import { beijingTime } from '../common/beijing-time.ts';
import { ApprovalDialog, ReviewRecord } from './ApprovalDialog.tsx';
import { InterpretedItemField } from './InterpretedItemField.tsx';
import { LinkedItemsChoice, RelatedItemsNotice, WithdrawDialog } from './WithdrawDialog.tsx';
import { RelatedItemsField } from './RelatedItemsField.tsx';
import type { ConfidentialityReviewInput } from '../../publishing/confidentiality.rules.ts';
import type { BodyEditorProps } from './BodyEditor.tsx';

const BodyEditor = lazy(() => import('./BodyEditor.tsx'));
/** Form.Item hands value and onChange to its direct child: this one, not Suspense. */
const LazyBodyEditor = (props: BodyEditorProps) => (
  <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}><BodyEditor {...props} /></Suspense>
);

function columnTree(columns: Column[], parent: number | null = null): { value: number; title: string; children: ReturnType<typeof columnTree> }[] {
  return columns.filter((c) => c.parentId === parent).map((c) => ({ value: c.id, title: c.name, children: columnTree(columns, c.id) }));
}

export function ItemEditor({ itemId, organizationId, onClose }: { itemId: number | null; organizationId: number; onClose: () => void }) {
  const [form] = Form.useForm();
  const [id, setId] = useState(itemId);
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [columns, setColumns] = useState<Column[]>([]);
  const [versions, setVersions] = useState<Version[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [validity, setValidity] = useState<{ value: string; date: string; reason: string }>({ value: 'abolished', date: '', reason: '' });
  const [approving, setApproving] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [alsoWithdraw, setAlsoWithdraw] = useState<number[] | null>(null);

  const load = async (itemIdToLoad: number | null) => {
    try {
      if (itemIdToLoad) {
        const d = await publishingApi.item(itemIdToLoad);
        setDetail(d);
        form.setFieldsValue({ ...d.item, writtenDate: d.item.writtenDate ? dayjs(d.item.writtenDate) : null });
        setColumns((await publishingApi.columns(d.item.organizationId)).items);
        setVersions((await publishingApi.versions(itemIdToLoad)).versions);
      } else setColumns((await publishingApi.columns(organizationId)).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useEffect(() => void load(itemId), [itemId]);

  const editable = !detail || detail.actions.includes('edit');
  /** After the body editor uploaded a picture: the attachments again, the form left as it is. */
  const reloadAttachments = async () => {
    if (!id) return [];
    const d = await publishingApi.item(id);
    setDetail(d);
    return d.attachments;
  };
  const save = async () => {
    const v = (await form.validateFields()) as ItemDraft & { writtenDate?: dayjs.Dayjs | null };
    const draft: ItemDraft = { ...v, writtenDate: v.writtenDate ? v.writtenDate.format('YYYY-MM-DD') : null };
    try {
      const saved = id ? await publishingApi.update(id, draft) : await publishingApi.create(draft);
      setId(saved.id);
      await load(saved.id);
      void message.success('已保存');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const act = async (action: string, confidentialityReview?: ConfidentialityReviewInput) => {
    if (!id) return;
    try {
      await publishingApi.transition(id, action, { comment: comment || undefined, confidentialityReview });
      setComment('');
      setApproving(false);
      await load(id);
      void message.success(`${ACTION_LABELS[action as WorkflowAction]}：完成`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const changeValidity = async () => {
    if (!id) return;
    try {
      await publishingApi.validity(id, validity.value, validity.date || null, validity.reason || undefined, validity.value === 'abolished' ? (alsoWithdraw ?? detail?.linked.map((l) => l.id)) : undefined);
      await load(id);
      void message.success('有效性已变更');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Drawer open width={860} title={detail ? `${detail.item.title}（${detail.item.indexNo}）` : '起草信息'} onClose={onClose} destroyOnHidden>
      {error ? <Alert type="error" message={error} showIcon closable onClose={() => setError(null)} style={{ marginBottom: 12 }} /> : null}
      {detail?.item.reviewComment ? <Alert type="warning" message={`审核意见：${detail.item.reviewComment}`} style={{ marginBottom: 12 }} /> : null}
      <Tabs items={[
        { key: 'edit', label: '内容', children: (<>
          <Form form={form} layout="vertical" disabled={!editable} initialValues={{ kind: 'policy_document', validity: '' }}>
            <Form.Item name="columnId" label="栏目" rules={[{ required: true, message: '请选择栏目' }]}>
              <FormTreeSelect treeData={columnTree(columns)} treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder="选择栏目（可输入名称查找）" />
            </Form.Item>
            <Form.Item name="kind" label="信息类别" rules={[{ required: true }]}>
              <FormSelect options={Object.entries(ITEM_KINDS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={300} /></Form.Item>
            <Space wrap>
              <Form.Item name="docNumber" label="文号"><Input style={{ width: 220 }} /></Form.Item>
              <Form.Item name="writtenDate" label="成文日期"><DatePicker /></Form.Item>
              <Form.Item name="topic" label="主题分类"><Select style={{ width: 240 }} allowClear options={TOPICS.map((t) => ({ value: t, label: t }))} /></Form.Item>
              <Form.Item name="validity" label="有效性"><Select style={{ width: 140 }} options={[{ value: '', label: '不适用' }, ...Object.entries(VALIDITY).map(([value, label]) => ({ value, label }))]} /></Form.Item>
              <Form.Item name="interpretsItemId" label="被解读文件（政策解读）">
                <InterpretedItemField organizationId={detail?.item.organizationId ?? organizationId} excludeId={id} initial={detail?.interprets ?? null} />
              </Form.Item>
            </Space>
            <Form.Item name="bodyHtml" label="正文">
              <LazyBodyEditor disabled={!editable} itemId={id} attachments={detail?.attachments ?? []} onUploaded={reloadAttachments} />
            </Form.Item>
            {editable ? <Button type="primary" onClick={() => void save()} style={{ marginTop: 12 }}>保存草稿</Button> : null}
          </Form>
          {detail ? (
            <RelatedItemsField itemId={detail.item.id} organizationId={detail.item.organizationId} related={detail.related} editable={editable}
              onChanged={() => load(detail.item.id)} onError={setError} />
          ) : null}
        </>) },
        { key: 'files', label: '附件', disabled: !id, children: (
          <>
            <List size="small" dataSource={detail?.attachments ?? []} locale={{ emptyText: '暂无附件' }}
              renderItem={(a) => <List.Item>{a.fileName}（{Math.ceil(a.size / 1024)} KB，下载 {a.downloadCount} 次）</List.Item>} />
            {editable && id ? (
              <Upload showUploadList={false} customRequest={({ file, onSuccess, onError }) => {
                publishingApi.upload(id, file as File).then((r) => { onSuccess?.(r); void load(id); void message.success('已上传'); }, (e: unknown) => { setError(errorMessage(e)); onError?.(e as Error); });
              }}>
                <Button>上传附件（PDF、Word、Excel、图片）</Button>
              </Upload>
            ) : null}
          </>
        ) },
        { key: 'history', label: '版本历史', disabled: !id, children: (
          <List dataSource={versions} renderItem={(v) => (
            <List.Item><div>
              <Typography.Text strong>第 {v.version} 版 · {ACTION_LABELS[v.action as WorkflowAction] ?? (v.action === 'create' ? '创建' : v.action === 'move' ? '移动栏目' : v.action)} · {v.username ?? '系统'} · {beijingTime(v.at)}</Typography.Text>
              {v.confidentialityReview ? <ReviewRecord review={v.confidentialityReview} /> : null}
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{v.diff.map((d) => `${d.op === '+' ? '+ ' : '- '}${d.line}`).join('\n')}</pre>
            </div></List.Item>
          )} />
        ) },
      ]} />
      {detail ? (
        <Space wrap style={{ marginTop: 16 }}>
          {detail.actions.includes('return') ? <Input aria-label="退回意见" placeholder="退回意见" value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 260 }} /> : null}
          {detail.actions.filter((a) => a !== 'edit' && a !== 'change_validity').map((a) => (
            <Button key={a} type={a === 'approve' || a === 'submit' ? 'primary' : 'default'} danger={a === 'withdraw'} onClick={() => (a === 'approve' ? setApproving(true) : a === 'withdraw' ? setWithdrawing(true) : void act(a))}>{ACTION_LABELS[a as WorkflowAction]}</Button>
          ))}
        </Space>
      ) : null}
      {detail?.actions.includes('change_validity') ? (
        <Space wrap style={{ marginTop: 16 }} aria-label="变更有效性">
          <Select aria-label="新的有效性" value={validity.value} style={{ width: 120 }} onChange={(v: string) => setValidity({ ...validity, value: v })}
            options={Object.entries(VALIDITY).map(([value, label]) => ({ value, label }))} />
          <Input aria-label="日期" placeholder="日期 YYYY-MM-DD" value={validity.date} onChange={(e) => setValidity({ ...validity, date: e.target.value })} style={{ width: 160 }} />
          <Input aria-label="原因" placeholder="废止原因" value={validity.reason} onChange={(e) => setValidity({ ...validity, reason: e.target.value })} style={{ width: 220 }} />
          <Button onClick={() => void changeValidity()}>变更有效性</Button>
          {validity.value === 'abolished' ? <LinkedItemsChoice linked={detail.linked} chosen={alsoWithdraw ?? detail.linked.map((l) => l.id)} onChange={setAlsoWithdraw} verb="废止" /> : null}
          {validity.value === 'abolished' ? <RelatedItemsNotice related={detail.related} verb="废止" /> : null}
        </Space>
      ) : null}
      {detail && withdrawing ? (
        <WithdrawDialog title={detail.item.title} linked={detail.linked} related={detail.related} onCancel={() => setWithdrawing(false)} onSubmit={async (reason, ids) => {
          try {
            await publishingApi.transition(detail.item.id, 'withdraw', { comment: reason, alsoWithdraw: ids.length ? ids : undefined });
            setWithdrawing(false);
            await load(detail.item.id);
            void message.success(ids.length ? `撤回：完成（含 ${ids.length} 条关联解读）` : '撤回：完成');
          } catch (e) {
            setWithdrawing(false);
            setError(errorMessage(e));
          }
        }} />
      ) : null}
      {detail && approving ? (
        <ApprovalDialog open required={detail.confidentialityReviewRequired} what={detail.item.title}
          onCancel={() => setApproving(false)} onSubmit={(review) => void act('approve', review)} />
      ) : null}
    </Drawer>
  );
}
