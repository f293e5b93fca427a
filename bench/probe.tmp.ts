// temporary probe (not committed): cold/warm timing of chosen queries
import { execSync } from 'node:child_process';
import { openDatabase } from '../src/db/dialect.ts';
import { searchItems } from '../src/publishing/search.repository.ts';
const url = process.argv[2]!;
const qs = process.argv.slice(3);
for (const spec of qs) {
  const [q, pageStr] = spec.split('@');
  const page = Number(pageStr ?? 1);
  if (process.env.RESTART) execSync(process.env.BENCH_PG_RESTART!, { stdio: 'ignore' });
  const db = openDatabase(url);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await searchItems(db as never, { q: q!, page, pageSize: 10 });
    times.push(Math.round(performance.now() - t0));
    total = r.total;
  }
  console.log(`${q} p${page}: ${total} cold ${times[0]} warm ${times.slice(1).join(' ')}`);
  await db.destroy();
}
