// A plain SVG bar chart: no chart library for a dozen bars. Each bar carries its value as text,
// and the figure has a table-like text alternative, so the chart reads without sight too.
export interface Bar {
  label: string;
  value: number;
}

const GOLD = '#1f5fa8';

/** Vertical bars (months): labels under the bars, values over them. */
export function ColumnChart({ bars, title }: { bars: Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = 44;
  const h = 160;
  const width = bars.length * w + 20;
  return (
    <svg viewBox={`0 0 ${width} ${h + 40}`} role="img" aria-label={`${title}：${bars.map((b) => `${b.label}${b.value}`).join('，')}`} style={{ width: '100%', maxWidth: width * 1.4, height: 'auto' }}>
      {bars.map((b, i) => {
        const bh = Math.round((b.value / max) * (h - 20));
        const x = 10 + i * w;
        return (
          <g key={b.label}>
            <rect x={x + 6} y={h - bh} width={w - 12} height={bh} fill={GOLD} rx={2} />
            <text x={x + w / 2} y={h - bh - 4} textAnchor="middle" fontSize="12" fill="#222">{b.value}</text>
            <text x={x + w / 2} y={h + 16} textAnchor="middle" fontSize="12" fill="#444">{b.label}</text>
          </g>
        );
      })}
      <line x1={10} y1={h} x2={width - 10} y2={h} stroke="#999" />
    </svg>
  );
}

/** Horizontal bars (outcomes, units): long Chinese labels fit on their own line above the bar. */
export function BarList({ bars }: { bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {bars.map((b) => (
        <li key={b.label} style={{ marginBottom: 8 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span>{b.label}</span>
            <strong>{b.value}</strong>
          </div>
          <div aria-hidden style={{ background: '#f0f0f0', height: 8, borderRadius: 4 }}>
            <div style={{ width: `${(b.value / max) * 100}%`, background: GOLD, height: 8, borderRadius: 4 }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
