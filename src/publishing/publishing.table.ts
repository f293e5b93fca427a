/**
 * Tables of proactive disclosure (主动公开): columns (栏目), items with their catalogue metadata
 * (国办公开办函〔2019〕61号), versions, attachments, the search index, the mailbox (区长信箱)
 * and the list of government new-media accounts (政务新媒体).
 * Booleans are 0/1, dates with legal meaning `YYYY-MM-DD` (Asia/Shanghai), timestamps UTC ISO text.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface PublishingColumnsTable {
  id: Generated<number>;
  organization_id: number;
  parent_id: number | null;
  /** Path segment, unique within the organization (e.g. `zcwj`). */
  code: string;
  name: string;
  /** See COLUMN_KINDS in columns.rules.ts. */
  kind: string;
  /** Art. 20 item number (1–15) this column discloses, null when none. */
  art20_item: number | null;
  /** Item kind suggested for new items in this column. */
  default_item_kind: string | null;
  sort_order: number;
  /** Site monitoring: expected update interval in days, null = no expectation. */
  update_interval_days: number | null;
  description: string;
  hidden: number;
  created_at: string;
}

export interface PublishingItemsTable {
  id: Generated<number>;
  organization_id: number;
  column_id: number;
  /** See ITEM_KINDS in items.rules.ts. */
  kind: string;
  title: string;
  /** 索引号 `<organization index code>/<year>-<5-digit serial>`, assigned once, never changed. */
  index_no: string;
  index_year: number;
  index_serial: number;
  /** 主题分类 */
  topic: string;
  /** 发布机构 */
  publisher_name: string;
  /** 文号 */
  doc_number: string;
  /** 成文日期: the day the information was made (Art. 26 counts from it). */
  written_date: string | null;
  /** 发布日期 (local date) and the instant it went public. */
  publish_date: string | null;
  published_at: string | null;
  scheduled_at: string | null;
  /** draft | submitted | approved | scheduled | published | withdrawn */
  status: string;
  /** 有效性: '' | in_force | amended | abolished | expired */
  validity: string;
  amended_date: string | null;
  abolished_date: string | null;
  abolished_reason: string | null;
  body_html: string;
  body_text: string;
  summary: string;
  /** A policy interpretation (政策解读) points to the document it interprets. */
  interprets_item_id: number | null;
  /** Art. 26: published more than 20 working days after it was made. */
  late_publication: number;
  working_days_to_publish: number | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  review_comment: string | null;
  created_by: number | null;
  updated_by: number | null;
  approved_by: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PublishingItemVersionsTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  /** JSON of the editable fields at that version. */
  snapshot: string;
  action: string;
  user_id: number | null;
  username: string | null;
  at: string;
}

export interface PublishingAttachmentsTable {
  id: Generated<number>;
  item_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  /** Relative to the data folder. */
  storage_path: string;
  /** Extracted text (Word via mammoth, PDF via pdftotext) for search. */
  text_content: string;
  download_count: number;
  created_at: string;
}

/** Pre-tokenized text of each published item; FTS5 (SQLite) / tsvector (PostgreSQL) index it. */
export interface PublishingSearchDocsTable {
  item_id: number;
  title_tokens: string;
  body_tokens: string;
  /**
   * 1 when the text passes PostgreSQL's tsvector position limits. Still written, no longer read:
   * PostgreSQL search now matches by AND of bigrams and checks adjacency on the token text.
   */
  long_doc: number;
  /** The item's filter tokens (search.filters.ts): organization, year, kind, validity. */
  meta_tokens: Generated<string>;
}

/** The search index's version: a new random number with every write to the index (migration 0246). */
export interface PublishingSearchVersionTable {
  id: number;
  version: number;
}

export interface PublishingMailboxLettersTable {
  id: Generated<number>;
  organization_id: number;
  writer_name: string;
  contact: string;
  subject: string;
  body: string;
  /** received | replied | closed */
  status: string;
  reply_text: string | null;
  replied_at: string | null;
  /** The published reply item (kind mailbox_reply), when the reply is public. */
  reply_item_id: number | null;
  ip: string;
  created_at: string;
}

export interface PublishingNewMediaTable {
  id: Generated<number>;
  organization_id: number;
  /** 微信公众号, 微博, 抖音, 今日头条, 移动客户端 … */
  platform: string;
  name: string;
  account: string;
  url: string;
  opened_date: string;
  closed_date: string | null;
  created_at: string;
}

export interface PublishingTables {
  publishing_columns: PublishingColumnsTable;
  publishing_items: PublishingItemsTable;
  publishing_item_versions: PublishingItemVersionsTable;
  publishing_attachments: PublishingAttachmentsTable;
  publishing_search_docs: PublishingSearchDocsTable;
  publishing_search_version: PublishingSearchVersionTable;
  publishing_mailbox_letters: PublishingMailboxLettersTable;
  publishing_new_media: PublishingNewMediaTable;
}

export interface PublishingOrganizationsColumns {
  /** 统一社会信用代码-like code that prefixes every 索引号 of the organization. */
  index_code: string | null;
}

export type ColumnRow = Selectable<PublishingColumnsTable>;
export type NewColumnRow = Insertable<PublishingColumnsTable>;
export type ItemRow = Selectable<PublishingItemsTable>;
export type NewItemRow = Insertable<PublishingItemsTable>;
export type AttachmentRow = Selectable<PublishingAttachmentsTable>;
