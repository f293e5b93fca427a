/**
 * Test set-up shared by the publishing API suites: the demo's 发改委 (shilong-fgw) with its
 * publisher and reviewer signed in, and its columns looked up by code.
 */
import type { TestApp } from '../http/test-app.ts';

export async function fgwDesk(a: TestApp) {
  const editor = (await a.login('fgw-editor')).headers;
  const reviewer = (await a.login('fgw-reviewer')).headers;
  const fgwId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow()).id;
  const columnOf = async (code: string) => (await a.deps.db.selectFrom('publishing_columns').select('id').where('organization_id', '=', fgwId).where('code', '=', code).executeTakeFirstOrThrow()).id;
  return { editor, reviewer, fgwId, columnId: await columnOf('qtwj'), columnOf };
}
