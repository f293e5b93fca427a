/**
 * The whole database type, assembled from each feature's `*.table.ts` (kysely example style).
 * A feature adds its tables by extending this interface with its own table interface.
 */
import type { AuthTables } from '../auth/auth.table.ts';
import type { PublishingTables } from '../publishing/publishing.table.ts';
import type { CalendarTables } from '../calendar/calendar.table.ts';
import type { ApplicationsTables } from '../applications/applications.table.ts';
import type { OversightTables } from '../oversight/oversight.table.ts';
import type { ReportTables } from '../report/report.table.ts';
import type { LettersTables } from '../applications/letters.table.ts';
import type { RateLimitTables } from '../http/rate-limit.table.ts';
import type { MailboxTables } from '../publishing/mailbox.table.ts';
import type { ServerPresenceTables } from '../ops/server-presence.table.ts';
import type { CaseFilesTables } from '../applications/case-files.table.ts';
import type { GuideTables } from '../publishing/guide.table.ts';
import type { NotificationsTables } from '../notifications/notifications.table.ts';
import type { ApprovalTables } from '../applications/approvals.table.ts';
import type { QueryCodeRecoveryTables } from '../applications/query-code-recovery.table.ts';
import type { ConfidentialityTables } from '../publishing/confidentiality.table.ts';
import type { RelatedItemsTables } from '../publishing/related-items.table.ts';

// One feature's tables per line, so that features added side by side do not touch each other's line.
export interface Database extends
  AuthTables,
  CalendarTables,
  PublishingTables,
  ApplicationsTables,
  OversightTables,
  ReportTables,
  LettersTables,
  RateLimitTables,
  MailboxTables,
  ServerPresenceTables,
  CaseFilesTables,
  GuideTables,
  NotificationsTables,
  ApprovalTables,
  QueryCodeRecoveryTables,
  ConfidentialityTables,
  RelatedItemsTables {}
