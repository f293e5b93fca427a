/**
 * Issued letters (发文): each one numbered, dated and rendered once; the stored bytes are what is
 * served from then on. Bytes are BLOB (SQLite) / bytea (PostgreSQL), read back as Buffer.
 */
import type { Generated, Selectable } from 'kysely';

export interface LetterSettingsTable {
  organization_id: number;
  /** JSON object: letter kind → numbering pattern with {年} and {号}, e.g. 石政公开〔{年}〕第{号}号. */
  patterns: string;
  /** The office's contact block printed under every letter (one line per row). */
  contact_block: string;
  seal_image: Buffer | null;
  seal_mime: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface LetterCountersTable {
  organization_id: number;
  kind: string;
  year: number;
  last_no: number;
}

export interface IssuedLettersTable {
  id: Generated<number>;
  application_id: number;
  organization_id: number;
  kind: string;
  year: number;
  number: number;
  doc_number: string;
  title: string;
  issue_date: string;
  replaces_id: number | null;
  /** JSON of the filled letter (title, paragraphs, signature …) as issued. */
  content: string;
  docx: Buffer;
  docx_sha256: string;
  pdf: Buffer;
  pdf_sha256: string;
  issued_by_id: number | null;
  issued_by_name: string;
  issued_at: string;
  /** The body's template version the letter was rendered from; null: the shipped default. */
  template_version_id: number | null;
}

/** One saved version of a body's template of one kind; the highest version is the current one. */
export interface LetterTemplateVersionsTable {
  id: Generated<number>;
  organization_id: number;
  key: string;
  version: number;
  title: string;
  body: string;
  /** The version restored by this one (0: the shipped default); null for an edit. */
  restored_from: number | null;
  created_at: string;
  created_by_id: number | null;
  created_by_name: string;
}

export interface LettersTables {
  letter_settings: LetterSettingsTable;
  letter_counters: LetterCountersTable;
  issued_letters: IssuedLettersTable;
  letter_template_versions: LetterTemplateVersionsTable;
}

export type IssuedLetterRow = Selectable<IssuedLettersTable>;
