// The narrative parts of sections 一, 五 and 六, each a rich-text box, saved together.
import { useState } from 'react';
import { Alert, Button, Flex, Typography, message } from 'antd';
import { useSubmit } from '../common/useSubmit.ts';
import { reportApi, type NarrativePart, type VersionInfo } from './report-api.ts';
import { RichTextEditor } from './RichTextEditor.tsx';

interface Props {
  version: VersionInfo;
  narrative: Record<string, string>;
  parts: NarrativePart[];
  placeholders: string[];
  editable: boolean;
  onSaved(): void;
}

export function NarrativeEditor({ version, narrative, parts, placeholders, editable, onSaved }: Props) {
  const [draft, setDraft] = useState<Record<string, string>>(narrative);
  const { saving, run } = useSubmit({ toast: true });
  const save = () =>
    run(async () => {
      await reportApi.saveNarrative(version.id, draft);
      void message.success('正文已保存');
      onSaved();
    });
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="文中的数字请用“插入表格数字”引用（如 {{本年新收申请}}），发布时自动填入计算结果，正文就不会与表格矛盾。"
      />
      {!editable ? <Typography.Paragraph type="secondary">当前状态不能修改正文。</Typography.Paragraph> : null}
      {parts.map((p) => (
        <div key={p.key} style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {p.section === '一' ? `一、总体情况 ${p.label}` : `${p.section}、${p.label}`}
          </Typography.Title>
          <RichTextEditor label={p.label} html={draft[p.key] ?? ''} placeholders={placeholders} disabled={!editable} onChange={(html) => setDraft((d) => ({ ...d, [p.key]: html }))} />
        </div>
      ))}
      {editable ? (
        <Flex justify="end">
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存正文
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
