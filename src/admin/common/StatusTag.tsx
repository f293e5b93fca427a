// A small state label (启用 / 停用 / 锁定 …) with text dark enough to read: antd's preset tag
// colours (e.g. green-6 on green-1) fall below 4.5:1 contrast.
import { Tag } from 'antd';
import type { ReactNode } from 'react';

const TONES = {
  good: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  neutral: { color: 'rgba(0, 0, 0, 0.75)', background: '#fafafa', borderColor: '#d9d9d9' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  accent: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
} as const;

export type Tone = keyof typeof TONES;

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={TONES[tone]} bordered>{children}</Tag>;
}
