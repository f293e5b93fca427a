/** The command registry: each feature adds its command files here. */
import type { Command } from '../command.ts';
import { serveCommand } from './serve.ts';
import { migrateCommand } from './migrate.ts';
import { seedDemoCommand } from './seed-demo.ts';
import { userAddCommand } from './user-add.ts';
import { auditAnchorCommand, auditVerifyCommand } from './audit-verify.ts';
import { deadlineCommand } from './deadline.ts';
import { feeCommand } from './fee.ts';
import { calendarImportCommand } from './calendar-import.ts';
import { checkReportCommand } from './check-report.ts';
import { reportCommand } from './report.ts';
import { searchReindexCommand } from './search-reindex.ts';
import { publishingImportCommand } from './publishing-import.ts';

export const commands: Command[] = [serveCommand, migrateCommand, seedDemoCommand, userAddCommand, auditVerifyCommand, auditAnchorCommand];
commands.push(deadlineCommand, feeCommand, calendarImportCommand);
commands.push(checkReportCommand);
commands.push(reportCommand);
commands.push(searchReindexCommand, publishingImportCommand);
