// A column of checkboxes whose ticks are exactly the caller's `value`. antd's Checkbox.Group keeps
// a copy of the value and a list of "registered" options in its own state, both brought up to date
// in effects; a tick that meets a stale copy is undone or filtered out, and the box does not stay
// ticked. Here each box reads `value` directly and a click hands back the new list at once.
import { Checkbox } from 'antd';
import { toggled, type CheckOption } from './check-list.ts';

export function CheckList<T extends string | number>({ options, value, onChange, gap = 6 }: {
  options: readonly CheckOption<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  gap?: number;
}) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap }}>
      {options.map((o) => (
        <Checkbox key={String(o.value)} checked={value.includes(o.value)} onChange={(e) => onChange(toggled(options, value, o.value, e.target.checked))}>
          {o.label}
        </Checkbox>
      ))}
    </div>
  );
}
