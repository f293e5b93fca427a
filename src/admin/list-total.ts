/**
 * A list's 「共 N 条」. Past 10,000 matches the server stops counting (src/db/capped-count.ts):
 * then 「超过 10,000 条」, and the pager reaches the first 10,000; filters narrow the rest.
 */
export function listTotalText(total: number, capped: boolean, unit: string): string {
  return capped ? `超过 ${total.toLocaleString('zh-CN')} ${unit}，请用筛选条件缩小范围` : `共 ${total} ${unit}`;
}
