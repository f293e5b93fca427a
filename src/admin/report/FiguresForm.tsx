// Section 二 figures a clerk enters: 许可、处罚、强制 decisions and 收费 in 万元; 规章 and
// 行政规范性文件 only when the normative-document registry does not provide them. An empty box
// means "not entered" and is reported missing — never read as 0.
import { useState } from 'react';
import { Button, Flex, Form, Input, InputNumber, Space, message } from 'antd';
import { useSubmit } from '../common/useSubmit.ts';
import { reportApi, type Figures } from './report-api.ts';

const TRIPLE = ['本年制发', '本年废止', '现行有效'];

export function FiguresForm({ bodyId, year, figures, disabled, onSaved }: { bodyId: number; year: number; figures: Figures; disabled: boolean; onSaved(): void }) {
  const [f, setF] = useState<Figures>(figures);
  const { saving, run } = useSubmit({ toast: true });
  const set = (patch: Partial<Figures>) => setF((prev) => ({ ...prev, ...patch }));
  const triple = (key: 'rules' | 'normativeDocuments', label: string) => (
    <Form.Item label={label}>
      <Space>
        {TRIPLE.map((t, i) => (
          <InputNumber
            key={t}
            aria-label={`${label}${t}`}
            placeholder={t}
            min={0}
            precision={0}
            disabled={disabled}
            value={f[key]?.[i] ?? null}
            onChange={(v) => {
              const next = [...(f[key] ?? [0, 0, 0])];
              next[i] = v ?? 0;
              set({ [key]: next } as Partial<Figures>);
            }}
          />
        ))}
      </Space>
    </Form.Item>
  );
  const count = (key: 'licensing' | 'punishment' | 'enforcement', label: string) => (
    <Form.Item label={label}>
      <InputNumber aria-label={label} min={0} precision={0} disabled={disabled} value={f[key]} onChange={(v) => set({ [key]: v ?? null })} />
    </Form.Item>
  );
  const save = () =>
    run(async () => {
      await reportApi.saveFigures(bodyId, year, f);
      void message.success('已保存');
      onSaved();
    });
  return (
    <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 16 }} style={{ maxWidth: 760 }}>
      {triple('rules', '规章（无目录时填报）')}
      {triple('normativeDocuments', '行政规范性文件（无目录时填报）')}
      {count('licensing', '行政许可本年处理决定数量')}
      {count('punishment', '行政处罚本年处理决定数量')}
      {count('enforcement', '行政强制本年处理决定数量')}
      <Form.Item label="行政事业性收费本年收费金额（万元）">
        <Input aria-label="行政事业性收费本年收费金额（万元）" disabled={disabled} value={f.feesAmountWanYuan ?? ''} onChange={(e) => set({ feesAmountWanYuan: e.target.value.trim() === '' ? null : e.target.value.trim() })} style={{ width: 200 }} />
      </Form.Item>
      <Flex justify="end">
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={disabled}>
          保存数字
        </Button>
      </Flex>
    </Form>
  );
}
