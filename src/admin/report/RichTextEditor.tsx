// A small rich-text editor: paragraphs and bold, plus a menu that inserts a figure placeholder
// such as {{本年新收申请}} at the caret. The server sanitizes whatever is sent.
import { useEffect, useRef } from 'react';
import { Button, Flex, Select } from 'antd';

interface Props {
  label: string;
  html: string;
  placeholders: string[];
  disabled?: boolean;
  onChange(html: string): void;
}

export function RichTextEditor({ label, html, placeholders, disabled, onChange }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // Where the caret was in this box last: opening the menu moves the browser's selection into
  // the menu, and focusing the box again would put the caret at its start.
  const caret = useRef<Range | null>(null);
  // Uncontrolled after mount: React must not rewrite the DOM under the caret while typing.
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== html) ref.current.innerHTML = html;
  }, [label]);
  useEffect(() => {
    const remember = () => {
      const sel = document.getSelection();
      if (sel?.rangeCount && ref.current?.contains(sel.anchorNode)) caret.current = sel.getRangeAt(0).cloneRange();
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);

  /** Focus the box with the caret where it was (at the end when it never had one). */
  const restoreCaret = () => {
    const box = ref.current;
    const sel = document.getSelection();
    if (!box || !sel) return;
    box.focus();
    let range = caret.current;
    if (!range || !box.contains(range.startContainer)) {
      range = document.createRange();
      range.selectNodeContents(box);
      range.collapse(false);
    }
    sel.removeAllRanges();
    sel.addRange(range);
  };

  const exec = (command: string, value?: string) => {
    ref.current?.focus();
    document.execCommand(command, false, value);
    onChange(ref.current?.innerHTML ?? '');
  };

  const insertPlaceholder = (name: string) => {
    restoreCaret();
    document.execCommand('insertText', false, `{{${name}}}`);
    onChange(ref.current?.innerHTML ?? '');
    const sel = document.getSelection();
    if (sel?.rangeCount) caret.current = sel.getRangeAt(0).cloneRange();
    // The menu may take the focus back as it closes: return it to the text, after the placeholder,
    // so that what is typed next goes there. When the text kept the focus, the caret stays where
    // the typing has taken it since (moving it back would put the next words in the wrong place).
    setTimeout(() => {
      if (document.activeElement !== ref.current) restoreCaret();
    }, 0);
  };

  return (
    <div className="gk-rich-text">
      {disabled ? null : (
        <Flex gap={8} style={{ marginBottom: 4 }} wrap>
          <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('bold')} aria-label={`${label}：加粗`}>
            <strong>B</strong>
          </Button>
          <Select
            size="small"
            style={{ minWidth: 200 }}
            placeholder="插入表格数字"
            aria-label={`${label}：插入表格数字`}
            value={null}
            showSearch
            optionFilterProp="label"
            options={placeholders.map((p) => ({ value: p, label: `{{${p}}}` }))}
            onChange={(v: string) => insertPlaceholder(v)}
          />
        </Flex>
      )}
      <div
        ref={ref}
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        contentEditable={!disabled}
        suppressContentEditableWarning
        onInput={() => onChange(ref.current?.innerHTML ?? '')}
        style={{ minHeight: 64, border: '1px solid #d9d9d9', borderRadius: 6, padding: '4px 11px', background: disabled ? '#f5f5f5' : '#fff' }}
      />
    </div>
  );
}
