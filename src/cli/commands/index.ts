/**
 * The command registry: each feature adds its command here. A command's module (and whatever it
 * imports: the server, the database drivers, the renderers) is loaded only when that command
 * runs, so that a quick command such as `gongkai fee` starts in a fraction of a second.
 */
import type { Command } from '../command.ts';

export interface CommandEntry {
  /** As the command file names it (cli.test.ts checks they agree). */
  name: string;
  load(): Promise<Command>;
}

const entry = (name: string, load: () => Promise<Command>): CommandEntry => ({ name, load });

export const commands: CommandEntry[] = [
  entry('serve', async () => (await import('./serve.ts')).serveCommand),
  entry('migrate', async () => (await import('./migrate.ts')).migrateCommand),
  entry('seed-demo', async () => (await import('./seed-demo.ts')).seedDemoCommand),
  entry('user add', async () => (await import('./user-add.ts')).userAddCommand),
  entry('audit verify', async () => (await import('./audit-verify.ts')).auditVerifyCommand),
  entry('audit anchor', async () => (await import('./audit-verify.ts')).auditAnchorCommand),
  entry('db grants', async () => (await import('./db-grants.ts')).dbGrantsCommand),
  entry('deadline', async () => (await import('./deadline.ts')).deadlineCommand),
  entry('fee', async () => (await import('./fee.ts')).feeCommand),
  entry('calendar import', async () => (await import('./calendar-import.ts')).calendarImportCommand),
  entry('cases verify', async () => (await import('./cases-verify.ts')).casesVerifyCommand),
  entry('check-report', async () => (await import('./check-report.ts')).checkReportCommand),
  entry('report', async () => (await import('./report.ts')).reportCommand),
  entry('search reindex', async () => (await import('./search-reindex.ts')).searchReindexCommand),
  entry('publishing import', async () => (await import('./publishing-import.ts')).publishingImportCommand),
  entry('backup', async () => (await import('./backup.ts')).backupCommand),
  entry('restore', async () => (await import('./backup.ts')).restoreCommand),
  entry('export', async () => (await import('./site-export.ts')).exportCommand),
  entry('import', async () => (await import('./site-export.ts')).importCommand),
];
