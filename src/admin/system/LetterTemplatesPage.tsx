// 文书模板: the texts of one body's notices and reply letters. Each starts as the platform default;
// the body's system administrator saves new versions here, and can restore an older one (or the
// default) as a new version. Others see the texts and their history read-only. The legal basis
// and the remedies paragraph are added to every reply letter by the server, so no edit can drop them.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, errorMessage } from '../api.ts';
import type { ListResponse } from '../api.types.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { StatusTag } from '../common/StatusTag.tsx';
import { beijingTime } from '../common/beijing-time.ts';
import { LetterSettingsCard } from './LetterSettingsCard.tsx';

interface Body {
  id: number;
  name: string;
  canEdit: boolean;
}

interface LetterTemplate {
  key: string;
  title: string;
  body: string;
  isDefault: boolean;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

interface TemplateVersion {
  version: number;
  title: string;
  body: string;
  restoredFrom: number | null;
  createdAt: string;
  createdBy: string;
}

interface Versions {
  current: number;
  canEdit: boolean;
  versions: TemplateVersion[];
}

const PLACEHOLDERS = '{{申请人}} {{收到日期}} {{受理编号}} {{申请内容}} {{答复期限}} {{补正事项}} {{补正期限}} {{延期理由}} {{延长天数}} {{批准人}} {{被征求意见方}} {{收费金额}} {{收费依据}} {{答复结果}} {{答复正文}}';

export function LetterTemplatesPage() {
  const [bodies, setBodies] = useState<Body[]>([]);
  const [bodyId, setBodyId] = useState<number | null>(null);
  const [rows, setRows] = useState<LetterTemplate[]>([]);
  const [canEdit, setCanEdit] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<LetterTemplate | null>(null);
  const [history, setHistory] = useState<{ row: LetterTemplate; data: Versions } | null>(null);
  const { saving, run } = useSubmit({ toast: true });
  const [form] = Form.useForm<{ title: string; body: string }>();

  useEffect(() => {
    void (async () => {
      try {
        const list = (await api.get<ListResponse<Body>>('/api/v1/letter-template-bodies')).items;
        setBodies(list);
        setBodyId((cur) => cur ?? (list.find((b) => b.canEdit) ?? list[0])?.id ?? null);
      } catch (e) {
        setError(errorMessage(e));
      }
    })();
  }, []);

  const load = useCallback(async () => {
    if (bodyId === null) return;
    try {
      const res = await api.get<{ canEdit: boolean; items: LetterTemplate[] }>(`/api/v1/organizations/${bodyId}/letter-templates`);
      setRows(res.items);
      setCanEdit(res.canEdit);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [bodyId]);
  useEffect(() => {
    void load();
  }, [load]);

  const base = `/api/v1/organizations/${bodyId}/letter-templates`;

  async function save(values: { title: string; body: string }) {
    if (!editing) return;
    await run(async () => {
      const { version } = await api.post<{ version: number }>(`${base}/${editing.key}/versions`, { ...values, baseVersion: editing.version });
      void message.success(`已保存为第${version}版`);
      setEditing(null);
      await load();
    });
  }

  async function openHistory(row: LetterTemplate) {
    await run(async () => {
      setHistory({ row, data: await api.get<Versions>(`${base}/${row.key}/versions`) });
    });
  }

  async function restore(row: LetterTemplate, version: number) {
    await run(async () => {
      const saved = await api.post<{ version: number }>(`${base}/${row.key}/versions/${version}/restore`);
      void message.success(`${version === 0 ? '平台默认模板' : `第${version}版`}已恢复为第${saved.version}版`);
      await load();
      setHistory({ row, data: await api.get<Versions>(`${base}/${row.key}/versions`) });
    });
  }

  const columns: TableColumnsType<LetterTemplate> = [
    { title: '文书', dataIndex: 'title', key: 'title' },
    {
      title: '当前版本',
      key: 'source',
      render: (_, r) =>
        r.isDefault ? (
          <StatusTag tone="neutral">平台默认模板</StatusTag>
        ) : (
          <Space size={4} wrap>
            <StatusTag tone="info">第{r.version}版</StatusTag>
            <Typography.Text type="secondary">
              {r.updatedBy} · {r.updatedAt ? beijingTime(r.updatedAt, { seconds: false }) : ''}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, r) => (
        <Space>
          {canEdit ? (
            <Button
              onClick={() => {
                setEditing(r);
                form.setFieldsValue({ title: r.title, body: r.body });
              }}
            >
              编辑
            </Button>
          ) : null}
          <Button onClick={() => void openHistory(r)}>历史版本</Button>
        </Space>
      ),
    },
  ];

  const versionColumns: TableColumnsType<TemplateVersion> = [
    { title: '版本', dataIndex: 'version', key: 'version', width: 190, render: (v: number, r) => <>第{v}版{r.restoredFrom !== null ? <Typography.Text type="secondary">（恢复自{r.restoredFrom === 0 ? '默认模板' : `第${r.restoredFrom}版`}）</Typography.Text> : null}</> },
    { title: '保存人', dataIndex: 'createdBy', key: 'createdBy', width: 160 },
    { title: '保存时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (t: string) => beijingTime(t, { seconds: false }) },
    {
      title: '操作',
      key: 'restore',
      width: 110,
      render: (_, v) =>
        history && v.version === history.data.current ? (
          <StatusTag tone="good">当前版本</StatusTag>
        ) : history?.data.canEdit ? (
          <Button size="small" loading={saving} onClick={() => void restore(history.row, v.version)}>
            恢复此版
          </Button>
        ) : null,
    },
  ];

  const body = bodies.find((b) => b.id === bodyId);
  return (
    <>
      <PageHeader title="文书模板" />
      <Typography.Paragraph type="secondary">
        各机关的受理回执、补正告知书、延期答复告知书、征求意见书、收费通知书和答复书正文。未修改的文书使用平台默认模板；每次保存都是一个新版本，签发的文书记录所用版本。只有本机关的系统管理员可以修改正文；文号、联系方式和电子印章由本机关的系统管理员或公开办承办人员设置（见下方）。答复书的法律依据和救济途径（行政复议、行政诉讼）由系统自动附上。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="letter-body">机关</label>
        <Select<number>
          id="letter-body"
          style={{ minWidth: 280 }}
          value={bodyId ?? undefined}
          onChange={setBodyId}
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          showSearch
          optionFilterProp="label"
        />
        {body && !canEdit ? <StatusTag tone="neutral">只读：仅本机关系统管理员可修改</StatusTag> : null}
      </Space>
      <Table<LetterTemplate> rowKey="key" columns={columns} dataSource={rows} pagination={false} size="small" />
      {bodyId !== null ? <LetterSettingsCard key={bodyId} bodyId={bodyId} /> : null}
      <Modal open={editing !== null} title={editing ? `编辑：${editing.title}（${body?.name ?? ''}）` : ''} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText="保存为新版本" cancelText="取消" confirmLoading={saving} width={760} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 100, message: '标题不超过100个字' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label="正文" extra={`可用占位符：${PLACEHOLDERS}`} rules={[{ required: true, whitespace: true, message: '请填写正文' }]}>
            <Input.TextArea rows={12} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={history !== null} title={history ? `历史版本：${history.row.title}（${body?.name ?? ''}）` : ''} onCancel={() => setHistory(null)} footer={null} width={860} destroyOnHidden>
        {history && history.data.versions.length === 0 ? <Typography.Paragraph>本机关尚未修改过该文书，使用平台默认模板。</Typography.Paragraph> : null}
        <Table<TemplateVersion>
          rowKey="version"
          size="small"
          columns={versionColumns}
          dataSource={history?.data.versions ?? []}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          expandable={{ expandedRowRender: (v) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}><strong>{v.title}</strong>{'\n'}{v.body}</Typography.Paragraph> }}
        />
        {history?.data.canEdit && history.data.current !== 0 ? (
          <Button style={{ marginTop: 12 }} loading={saving} onClick={() => void restore(history.row, 0)}>
            恢复平台默认模板
          </Button>
        ) : null}
      </Modal>
    </>
  );
}
