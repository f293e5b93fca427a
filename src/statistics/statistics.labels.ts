/** Names of a column's freshness state (pure, shared with the admin app). */
export const FRESHNESS_LABELS: Record<string, string> = { fresh: '正常', due_soon: '即将到期', overdue: '逾期未更新', never: '从未更新', no_interval: '不要求定期更新' };
