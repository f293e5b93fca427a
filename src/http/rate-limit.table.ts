/** Hits per limit and client key (`limit:address`, IPv6 by /64) in a fixed window. */
export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface RateLimitTables {
  rate_limits: RateLimitsTable;
}
