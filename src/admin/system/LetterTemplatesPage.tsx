// 文书模板: the texts of the notices and reply letters. Each starts as the shipped default; an
// administrator or case handler edits it here. The legal basis and the remedies paragraph are
// added to every reply letter by the server, so no edit can drop them.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Table, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, errorMessage } from '../api.ts';
import type { ListResponse } from '../api.types.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { StatusTag } from '../common/StatusTag.tsx';

interface LetterTemplate {
  key: string;
  title: string;
  body: string;
  isDefault: boolean;
}

const PLACEHOLDERS = '{{申请人}} {{收到日期}} {{受理编号}} {{申请内容}} {{答复期限}} {{补正事项}} {{补正期限}} {{延期理由}} {{延长天数}}';

export function LetterTemplatesPage() {
  const [rows, setRows] = useState<LetterTemplate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<LetterTemplate | null>(null);
  const { saving, run } = useSubmit({ toast: true });
  const [form] = Form.useForm<{ title: string; body: string }>();

  const load = useCallback(async () => {
    try {
      setRows((await api.get<ListResponse<LetterTemplate>>('/api/v1/letter-templates')).items);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function save(values: { title: string; body: string }) {
    if (!editing) return;
    await run(async () => {
      await api.put(`/api/v1/letter-templates/${editing.key}`, values);
      void message.success('模板已保存');
      setEditing(null);
      await load();
    });
  }

  const columns: TableColumnsType<LetterTemplate> = [
    { title: '文书', dataIndex: 'title', key: 'title' },
    { title: '来源', key: 'source', render: (_, r) => (r.isDefault ? <StatusTag tone="neutral">默认模板</StatusTag> : <StatusTag tone="info">已修改</StatusTag>) },
    {
      title: '操作',
      key: 'edit',
      render: (_, r) => (
        <Button
          onClick={() => {
            setEditing(r);
            form.setFieldsValue({ title: r.title, body: r.body });
          }}
        >
          编辑
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="文书模板" />
      <Typography.Paragraph type="secondary">
        受理回执、补正告知书、延期答复告知书、征求意见书、收费通知书和答复书的正文。答复书的法律依据和救济途径（行政复议、行政诉讼）由系统自动附上。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Table<LetterTemplate> rowKey="key" columns={columns} dataSource={rows} pagination={false} size="small" />
      <Modal open={editing !== null} title={editing ? `编辑：${editing.title}` : ''} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={saving} width={760} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 100, message: '标题不超过100个字' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label="正文" extra={`可用占位符：${PLACEHOLDERS}`} rules={[{ required: true, whitespace: true, message: '请填写正文' }]}>
            <Input.TextArea rows={12} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
