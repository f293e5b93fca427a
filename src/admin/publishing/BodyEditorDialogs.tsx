// The body editor's two dialogs: a link (web address, e-mail or a page of this site) and a
// picture, which is one of the item's image attachments and is refused without its 替代文本.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Upload } from 'antd';
import type { Editor } from '@tiptap/react';
import { pictureHref } from '../../publishing/portal/portal.links.ts';
import { errorMessage } from '../api.ts';
import { publishingApi, type Attachment } from './publishing-api.ts';

const LINK = /^(?:https?:\/\/\S+|mailto:\S+@\S+|\/\S*)$/i;

export function LinkDialog({ open, editor, onClose }: { open: boolean; editor: Editor; onClose(): void }) {
  const [form] = Form.useForm<{ href: string; text?: string }>();
  const active = editor.isActive('link');
  const needsText = editor.state.selection.empty && !active;
  useEffect(() => {
    if (open) form.setFieldsValue({ href: (editor.getAttributes('link').href as string | undefined) ?? '', text: '' });
  }, [open]);
  const ok = async () => {
    const { href, text } = await form.validateFields();
    if (needsText) editor.chain().focus().insertContent({ type: 'text', text: text?.trim() || href, marks: [{ type: 'link', attrs: { href } }] }).run();
    else editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onClose();
  };
  const unlink = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };
  return (
    <Modal open={open} title="链接" onCancel={onClose} forceRender
      footer={<Space>{active ? <Button danger onClick={unlink}>取消链接</Button> : null}<Button onClick={onClose}>取消</Button><Button type="primary" onClick={() => void ok()}>确定</Button></Space>}>
      <Form form={form} layout="vertical">
        <Form.Item name="href" label="链接地址" rules={[{ required: true, message: '请填写链接地址' }, { pattern: LINK, message: '请填写以 https://、http://、mailto: 或本站路径 / 开头的地址' }]}>
          <Input placeholder="https://www.gov.cn/…" />
        </Form.Item>
        {needsText ? <Form.Item name="text" label="显示文字（不填则显示地址）"><Input /></Form.Item> : null}
      </Form>
    </Modal>
  );
}

interface ImageDialogProps {
  open: boolean;
  editor: Editor;
  itemId: number | null;
  attachments: Attachment[];
  onUploaded(): Promise<Attachment[]>;
  onClose(): void;
}

export function ImageDialog({ open, editor, itemId, attachments, onUploaded, onClose }: ImageDialogProps) {
  const [form] = Form.useForm<{ attachmentId?: number; alt: string }>();
  const [images, setImages] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const isImage = (a: Attachment) => /\.(?:png|jpe?g|gif)$/i.test(a.fileName);
  useEffect(() => {
    if (!open) return;
    setImages(attachments.filter(isImage));
    setError(null);
    form.resetFields();
  }, [open]);

  const upload = async (file: File) => {
    if (!itemId) return;
    setUploading(true);
    setError(null);
    try {
      const added = await publishingApi.upload(itemId, file);
      setImages((await onUploaded()).filter(isImage));
      form.setFieldValue('attachmentId', added.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };
  const ok = async () => {
    const { attachmentId, alt } = await form.validateFields();
    editor.chain().focus().setImage({ src: pictureHref(attachmentId!), alt: alt.trim() }).run();
    onClose();
  };

  return (
    <Modal open={open} title="插入图片" okText="插入" cancelText="取消" onOk={() => void ok()} onCancel={onClose} forceRender>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {!itemId ? <Alert type="info" showIcon message="图片是本条信息的附件：请先保存草稿，再上传图片。" style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item label="图片（本条信息的图片附件）" required>
          <Space.Compact block>
            <Form.Item name="attachmentId" noStyle rules={[{ required: true, message: '请选择或上传图片' }]}>
              <Select aria-label="图片附件" placeholder={images.length ? '选择图片附件' : '暂无图片附件，请上传'} options={images.map((a) => ({ value: a.id, label: a.fileName }))} />
            </Form.Item>
            <Upload accept=".png,.jpg,.jpeg,.gif" showUploadList={false} disabled={!itemId || uploading} beforeUpload={(file) => { void upload(file); return false; }}>
              <Button loading={uploading} disabled={!itemId}>上传图片</Button>
            </Upload>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="alt" label="替代文本" extra="用一句话说明图片的内容，供看不到图片的读者（读屏软件、图片未加载）使用，例如“区政务服务中心综合窗口”。"
          rules={[{ required: true, whitespace: true, message: '请填写替代文本：没有替代文本的图片不能插入' }, { max: 200, message: '替代文本不超过 200 字' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
