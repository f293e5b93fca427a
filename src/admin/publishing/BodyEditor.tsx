// The body of an item edited as a document (TipTap over ProseMirror), with a toolbar in the words
// of Word and WPS. What is pasted from them is cleaned first (word-paste.rules.ts); a .docx can be
// imported; a picture is one of the item's image attachments and must have its 替代文本. The
// server's sanitizer still decides what is saved. Loaded on demand: its code is only fetched when
// an item is opened.
import { useEffect, useRef, useState } from 'react';
import { Button, Divider, Dropdown, Input, Select, Upload, message } from 'antd';
import {
  BoldOutlined, CodeOutlined, FileWordOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined,
  PictureOutlined, RedoOutlined, TableOutlined, UndoOutlined, UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import Image from '@tiptap/extension-image';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { cleanPastedHtml } from '../../publishing/word-paste.rules.ts';
import { errorMessage } from '../api.ts';
import { parseWithDom } from './dom-html.ts';
import { publishingApi, type Attachment } from './publishing-api.ts';
import { ImageDialog, LinkDialog } from './BodyEditorDialogs.tsx';
import { pictureAttachmentId } from '../../publishing/pictures.rules.ts';
import { staffPictureHref } from '../../publishing/portal/portal.links.ts';
import './BodyEditor.css';

export interface BodyEditorProps {
  value?: string;
  onChange?(html: string): void;
  disabled?: boolean;
  /** The saved item (pictures are its attachments; none before the first save). */
  itemId: number | null;
  attachments: Attachment[];
  /** After a picture was uploaded from the image dialog: the item's attachments again. */
  onUploaded(): Promise<Attachment[]>;
}

/**
 * A picture keeps its public address in the HTML (what is saved), but is shown from the staff
 * address: a draft's attachment is not public yet, and the editor must show it all the same.
 */
const PreviewedImage = Image.extend({
  addNodeView() {
    return ({ node }) => {
      const img = document.createElement('img');
      const src = String(node.attrs.src ?? '');
      const id = pictureAttachmentId(src);
      img.src = id ? staffPictureHref(id) : src;
      img.alt = String(node.attrs.alt ?? '');
      return { dom: img };
    };
  },
});

const droppedWarning = (n: number, where: string) =>
  void message.warning(`${where}中的 ${n} 张图片未保留：请把图片作为附件上传，再用“图片”插入并填写替代文本`, 6);

const TABLE_ACTIONS: { key: string; label: string; run: (e: Editor) => boolean; always?: boolean }[] = [
  { key: 'insert', label: '插入表格（3 行 3 列，含表头行）', always: true, run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { key: 'rowBefore', label: '在上方插入行', run: (e) => e.chain().focus().addRowBefore().run() },
  { key: 'rowAfter', label: '在下方插入行', run: (e) => e.chain().focus().addRowAfter().run() },
  { key: 'colBefore', label: '在左侧插入列', run: (e) => e.chain().focus().addColumnBefore().run() },
  { key: 'colAfter', label: '在右侧插入列', run: (e) => e.chain().focus().addColumnAfter().run() },
  { key: 'deleteRow', label: '删除行', run: (e) => e.chain().focus().deleteRow().run() },
  { key: 'deleteCol', label: '删除列', run: (e) => e.chain().focus().deleteColumn().run() },
  { key: 'merge', label: '合并单元格', run: (e) => e.chain().focus().mergeCells().run() },
  { key: 'split', label: '拆分单元格', run: (e) => e.chain().focus().splitCell().run() },
  { key: 'header', label: '设为/取消表头行', run: (e) => e.chain().focus().toggleHeaderRow().run() },
  { key: 'deleteTable', label: '删除表格', run: (e) => e.chain().focus().deleteTable().run() },
];

export default function BodyEditor({ value, onChange, disabled, itemId, attachments, onUploaded }: BodyEditorProps) {
  const [dialog, setDialog] = useState<'link' | 'image' | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  // The HTML this editor last reported: a value coming back equal to it is not reloaded (the caret stays).
  const emitted = useRef(value ?? '');
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, code: false, codeBlock: false, strike: false, link: false }),
      Link.configure({ openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null }, isAllowedUri: (url) => /^(https?:|mailto:|\/)/i.test(url) }),
      PreviewedImage,
      Table.configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
    ],
    content: value ?? '',
    editable: !disabled,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': '正文', class: 'gk-body-editor-content' },
      transformPastedHTML: (html) => {
        const cleaned = cleanPastedHtml(html, parseWithDom);
        if (cleaned.droppedImages) droppedWarning(cleaned.droppedImages, '粘贴内容');
        return cleaned.html;
      },
    },
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? '' : e.getHTML();
      emitted.current = html;
      onChange?.(html);
    },
  });
  useEffect(() => {
    if (!editor || value === undefined || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => editor?.setEditable(!disabled), [editor, disabled]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: e.isActive('heading', { level: 2 }) ? 'h2' : e.isActive('heading', { level: 3 }) ? 'h3' : e.isActive('heading', { level: 4 }) ? 'h4' : 'p',
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const importDocx = async (file: File) => {
    setImporting(true);
    try {
      const r = await publishingApi.docxToHtml(file);
      editor.chain().focus().insertContent(r.html).run();
      void message.success(`已导入“${file.name}”`);
      if (r.droppedImages) droppedWarning(r.droppedImages, 'Word 文档');
    } catch (e) {
      void message.error(errorMessage(e), 6);
    } finally {
      setImporting(false);
    }
  };

  const off = disabled || source !== null;
  const keep = (e: React.MouseEvent) => e.preventDefault(); // the editor keeps its selection
  const tool = (label: string, icon: React.ReactNode, run: () => unknown, pressed?: boolean, enabled = true) => (
    <Button type={pressed ? 'primary' : 'text'} ghost={pressed} size="small" icon={icon} aria-label={label} title={label} aria-pressed={pressed}
      disabled={off || !enabled} onMouseDown={keep} onClick={() => void run()} />
  );

  return (
    <div className="gk-body-editor">
      {disabled ? null : (
        <div className="gk-body-editor-toolbar" role="toolbar" aria-label="正文格式">
          <Select size="small" aria-label="段落格式" value={state.block} disabled={off} style={{ width: 92 }}
            options={[{ value: 'p', label: '正文' }, { value: 'h2', label: '标题 1' }, { value: 'h3', label: '标题 2' }, { value: 'h4', label: '标题 3' }]}
            onChange={(v: string) => void (v === 'p' ? editor.chain().focus().setParagraph().run() : editor.chain().focus().setHeading({ level: Number(v[1]) as 2 | 3 | 4 }).run())} />
          {tool('加粗', <BoldOutlined />, () => editor.chain().focus().toggleBold().run(), state.bold)}
          {tool('倾斜', <ItalicOutlined />, () => editor.chain().focus().toggleItalic().run(), state.italic)}
          <Divider type="vertical" />
          {tool('编号列表', <OrderedListOutlined />, () => editor.chain().focus().toggleOrderedList().run(), state.ordered)}
          {tool('项目符号列表', <UnorderedListOutlined />, () => editor.chain().focus().toggleBulletList().run(), state.bullet)}
          <Dropdown disabled={off} trigger={['click']}
            menu={{ items: TABLE_ACTIONS.map((a) => ({ key: a.key, label: a.label, disabled: !a.always && !state.inTable })), onClick: ({ key }) => void TABLE_ACTIONS.find((a) => a.key === key)?.run(editor) }}>
            <Button type="text" size="small" icon={<TableOutlined />} onMouseDown={keep} aria-label="表格" title="表格">表格</Button>
          </Dropdown>
          {tool('链接', <LinkOutlined />, () => setDialog('link'), state.link)}
          {tool('图片', <PictureOutlined />, () => setDialog('image'))}
          <Divider type="vertical" />
          {tool('撤销', <UndoOutlined />, () => editor.chain().focus().undo().run(), false, state.canUndo)}
          {tool('重做', <RedoOutlined />, () => editor.chain().focus().redo().run(), false, state.canRedo)}
          <Divider type="vertical" />
          <Upload accept=".docx" showUploadList={false} disabled={off} beforeUpload={(file) => { void importDocx(file); return false; }}>
            <Button type="text" size="small" icon={<FileWordOutlined />} loading={importing} disabled={off}>导入 Word 文档</Button>
          </Upload>
          <Button type={source === null ? 'text' : 'primary'} size="small" icon={<CodeOutlined />} aria-pressed={source !== null}
            onClick={() => {
              if (source === null) return setSource(editor.isEmpty ? '' : editor.getHTML());
              editor.commands.setContent(source, { emitUpdate: true });
              setSource(null);
            }}>
            {source === null ? 'HTML 源代码' : '返回可视编辑'}
          </Button>
        </div>
      )}
      {source !== null ? (
        <Input.TextArea aria-label="正文 HTML 源代码" value={source} onChange={(e) => setSource(e.target.value)} rows={14} style={{ border: 0, borderRadius: 0, fontFamily: 'monospace' }} />
      ) : null}
      <div hidden={source !== null}><EditorContent editor={editor} /></div>
      <LinkDialog open={dialog === 'link'} editor={editor} onClose={() => setDialog(null)} />
      <ImageDialog open={dialog === 'image'} editor={editor} itemId={itemId} attachments={attachments} onUploaded={onUploaded} onClose={() => setDialog(null)} />
    </div>
  );
}
