// 区长信箱 letters with their replies (a reply can be made public at once) and the 政务新媒体 list.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Space, Table, Tag, message } from 'antd';
import { errorMessage } from '../api.ts';
import { useCurrentUser } from '../session.tsx';
import { publishingApi, type Letter, type NewMedia } from './publishing-api.ts';
import { beijingTime } from '../common/beijing-time.ts';

export function MailboxTab() {
  const user = useCurrentUser();
  const [letters, setLetters] = useState<Letter[]>([]);
  const [media, setMedia] = useState<NewMedia[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [replying, setReplying] = useState<Letter | null>(null);
  const [reply, setReply] = useState('');
  const [publish, setPublish] = useState(true);
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    try {
      setLetters((await publishingApi.letters()).items);
      setMedia((await publishingApi.newMedia()).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void load(), [load]);
  const send = async () => {
    if (!replying) return;
    try {
      await publishingApi.reply(replying.id, reply, publish);
      setReplying(null);
      setReply('');
      void message.success('已答复');
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const addMedia = async () => {
    const v = (await form.validateFields()) as Omit<NewMedia, 'id' | 'closedDate' | 'organizationId'>;
    try {
      await publishingApi.addNewMedia({ ...v, organizationId: Number(user.organizationId) });
      form.resetFields();
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      {error ? <Alert type="error" message={error} showIcon closable onClose={() => setError(null)} style={{ marginBottom: 12 }} /> : null}
      <Table<Letter> rowKey="id" dataSource={letters} pagination={{ pageSize: 10 }} columns={[
        { title: '标题', dataIndex: 'subject' },
        { title: '来信人', dataIndex: 'writerName', width: 100 },
        { title: '联系方式', dataIndex: 'contact', width: 140 },
        { title: '收信时间', dataIndex: 'createdAt', width: 170, render: (t: string) => beijingTime(t, { seconds: false }) },
        { title: '状态', dataIndex: 'status', width: 120, render: (s: string, r) => (s === 'received' ? <Button size="small" onClick={() => setReplying(r)}>答复</Button> : <Tag color="#237804">已答复</Tag>) },
      ]} />
      <Modal open={!!replying} title={replying?.subject} onCancel={() => setReplying(null)} onOk={() => void send()} okText="提交答复">
        <p style={{ whiteSpace: 'pre-wrap' }}>{replying?.body}</p>
        <Input.TextArea aria-label="答复内容" rows={6} value={reply} onChange={(e) => setReply(e.target.value)} />
        <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)} style={{ marginTop: 8 }}>在门户网站公开来信和答复（不公开来信人信息）</Checkbox>
      </Modal>
      <h2 style={{ fontSize: 16, marginTop: 24 }}>政务新媒体</h2>
      <Table<NewMedia> rowKey="id" size="small" dataSource={media} pagination={false} columns={[
        { title: '名称', dataIndex: 'name' }, { title: '平台', dataIndex: 'platform' }, { title: '账号', dataIndex: 'account' }, { title: '开通日期', dataIndex: 'openedDate' },
      ]} />
      <Form form={form} layout="inline" style={{ marginTop: 12 }}>
        <Space wrap>
          <Form.Item name="platform" label="平台" rules={[{ required: true }]}><Input placeholder="微信公众号" /></Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="account" label="账号"><Input /></Form.Item>
          <Form.Item name="url" label="网址"><Input placeholder="https://" /></Form.Item>
          <Form.Item name="openedDate" label="开通日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}><Input placeholder="2020-01-01" /></Form.Item>
          <Button onClick={() => void addMedia()}>登记</Button>
        </Space>
      </Form>
    </>
  );
}
