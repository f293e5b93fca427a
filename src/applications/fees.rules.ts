/**
 * 信息处理费 (pure), 《政府信息公开信息处理费管理办法》 国办函〔2020〕109号.
 * Art. 3: one method per application, never both; both are 超额累进 (each unit pays the rate of
 * the tier it falls in). Art. 4 按件: the n-th item of the same applicant in one calendar month
 * costs 0 if n ≤ 10, 100 元 if 11 ≤ n ≤ 30, 100 × (1 + ⌈(n − 30) / 10⌉) 元 if n ≥ 31.
 * Art. 5 按量: pages of one application, 1–30 free, 31–100 at 10, 101–200 at 20, 201+ at 40 元.
 * Amounts are whole yuan (integers).
 */
import { AppError } from '../shared/app-error.ts';
import {
  FEE_MAX_COUNT,
  PER_ITEM_BAND_SIZE,
  PER_ITEM_BAND_STEP_YUAN,
  PER_ITEM_BASE_YUAN,
  PER_ITEM_FIRST_PAID_UP_TO,
  PER_ITEM_FREE_UP_TO,
  PER_PAGE_TIERS,
} from './applications.config.ts';

export type FeeMethod = 'per-item' | 'per-page';

export interface FeeBreakdownRow {
  /** First and last item ordinal (per item) or page number (per page) of this row, included. */
  from: number;
  to: number;
  count: number;
  unitYuan: number;
  subtotalYuan: number;
}

export interface FeeResult {
  method: FeeMethod;
  amountYuan: number;
  breakdown: FeeBreakdownRow[];
}

export type FeeInput =
  | { method: 'per-item'; /** items already applied for by this applicant this calendar month */ priorItems: number; items: number }
  | { method: 'per-page'; pages: number };

interface Tier {
  from: number;
  to: number; // Infinity for the open top tier
  unitYuan: number;
}

/** The per-item tier containing the n-th item of the month (Art. 4). */
export function perItemTier(n: number): Tier {
  if (n <= PER_ITEM_FREE_UP_TO) return { from: 1, to: PER_ITEM_FREE_UP_TO, unitYuan: 0 };
  if (n <= PER_ITEM_FIRST_PAID_UP_TO) return { from: PER_ITEM_FREE_UP_TO + 1, to: PER_ITEM_FIRST_PAID_UP_TO, unitYuan: PER_ITEM_BASE_YUAN };
  // 以10件为一档，每增加一档，收费标准提高100元/件: band 1 = items 31–40, band 2 = 41–50, …
  const band = Math.ceil((n - PER_ITEM_FIRST_PAID_UP_TO) / PER_ITEM_BAND_SIZE);
  const from = PER_ITEM_FIRST_PAID_UP_TO + (band - 1) * PER_ITEM_BAND_SIZE + 1;
  return { from, to: from + PER_ITEM_BAND_SIZE - 1, unitYuan: PER_ITEM_BASE_YUAN + band * PER_ITEM_BAND_STEP_YUAN };
}

/** The per-page tier containing page p (Art. 5). */
export function perPageTier(p: number): Tier {
  const t = PER_PAGE_TIERS.find((tier) => p >= tier.from && (tier.to === null || p <= tier.to));
  if (!t) throw new RangeError(`no page tier for ${p}`);
  return { from: t.from, to: t.to ?? Number.POSITIVE_INFINITY, unitYuan: t.unitYuan };
}

function progressive(method: FeeMethod, first: number, last: number, tierOf: (n: number) => Tier): FeeResult {
  const breakdown: FeeBreakdownRow[] = [];
  for (let n = first; n <= last; ) {
    const tier = tierOf(n);
    const to = Math.min(tier.to, last);
    const count = to - n + 1;
    breakdown.push({ from: n, to, count, unitYuan: tier.unitYuan, subtotalYuan: count * tier.unitYuan });
    n = to + 1;
  }
  return { method, amountYuan: breakdown.reduce((sum, row) => sum + row.subtotalYuan, 0), breakdown };
}

function checkCount(value: unknown, field: string, label: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > FEE_MAX_COUNT) {
    throw new AppError('applications.invalid_fee_input', `${label}（${field}）必须是 ${min} 至 ${FEE_MAX_COUNT} 之间的整数：${String(value)} 不符合`, 400, { field });
  }
  return value;
}

/** 按件计收: the fee for `items` new items after `priorItems` items earlier in the same month. */
export function perItemFee(priorItems: number, items: number): FeeResult {
  checkCount(priorItems, 'priorItems', '本月此前已申请件数', 0);
  checkCount(items, 'items', '本次计费件数', 1);
  if (priorItems + items > FEE_MAX_COUNT) checkCount(priorItems + items, 'items', '本月累计件数', 1);
  return progressive('per-item', priorItems + 1, priorItems + items, perItemTier);
}

/** 按量计收: the fee for one application's `pages` pages. */
export function perPageFee(pages: number): FeeResult {
  checkCount(pages, 'pages', '页数', 1);
  return progressive('per-page', 1, pages, perPageTier);
}

/** One method per application (Art. 3): the input names exactly one. */
export function computeFee(input: FeeInput): FeeResult {
  if (input.method === 'per-item') return perItemFee(input.priorItems, input.items);
  if (input.method === 'per-page') return perPageFee(input.pages);
  throw new AppError('applications.fee_method_required', '一件申请只能选择一种计收方式：按件（per-item）或按量（per-page）', 400);
}
