/** 相关信息 links between two items of one body (migration 0226). */

export interface PublishingRelatedItemsTable {
  /** The smaller of the two item ids: a pair is one row whichever side linked it. */
  low_item_id: number;
  high_item_id: number;
  created_by: number | null;
  created_at: string;
}

export interface RelatedItemsTables {
  publishing_related_items: PublishingRelatedItemsTable;
}
