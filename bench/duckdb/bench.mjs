// The DuckDB extension against DuckDB's own SQL for the same figure, on a generated touch
// log in Parquet (17 departments, 200,000 customers, two years): each query in a fresh
// process of its own, so that its time and peak memory are its own; the median of
// --repeat runs. The log is written once per size into build/bench-duckdb/.
//
// Usage: node bench/duckdb/bench.mjs BUILD [--rows N[,N...]] [--repeat R] [--threads T]
//        [--only TEXT]   (the queries whose name holds TEXT)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { connect, root } from '../../scripts/duckdb.mjs';

const open = (extension, threads) => connect(extension, { threads });

// A child: runs one query, prints its seconds and the process's peak memory.
if (process.argv[2] === '--child') {
  const [extension, threads, sql] = process.argv.slice(3);
  const db = await open(extension, threads);
  const start = performance.now();
  const rows = (await db.runAndReadAll(sql)).getRowsJson();
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, rows: rows.length }));
  process.exit(0);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const build = resolve(args[0] ?? 'build');
const extension = join(build, 'duckdb/customer_analytics.duckdb_extension');
const sizes = option('--rows', '20000000').split(',').map(Number);
const repeat = Number(option('--repeat', '3'));
const threads = Number(option('--threads', '2'));
const only = option('--only', '');
const folder = join(root, 'build/bench-duckdb');
mkdirSync(folder, { recursive: true });

async function log(rows) {
  const file = join(folder, `touches-${rows}.parquet`);
  if (!existsSync(file)) {
    const db = await open(null, threads);
    await db.run(`COPY (SELECT
        'C' || lpad((hash(i) % 200000)::VARCHAR, 6, '0') AS customer,
        'D' || lpad((hash(i + 1) % 17)::VARCHAR, 2, '0') AS dept,
        (DATE '2023-04-01' + (hash(i * 7) % 730)::INTEGER) AS day,
        CASE hash(i * 3) % 3 WHEN 0 THEN 'won' WHEN 1 THEN 'lost' ELSE 'open' END AS outcome
      FROM range(${rows}) r(i)) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)`);
  }
  return file;
}

function run(sql) {
  const runs = [];
  for (let k = 0; k < repeat; ++k)
    runs.push(JSON.parse(execFileSync(process.execPath,
      [fileURLToPath(import.meta.url), '--child', extension, String(threads), sql],
      { encoding: 'utf8', maxBuffer: 1 << 26 })));
  runs.sort((a, b) => a.seconds - b.seconds);
  return runs[Math.floor(runs.length / 2)];
}

const queries = file => [
  ['floor: count(customer) by department', `SELECT dept, count(customer) FROM '${file}' GROUP BY dept`],
  ['avg_touchpoints(customer, day) by department', `SELECT dept, avg_touchpoints(customer, day) FROM '${file}' GROUP BY dept`],
  ['count(*) / count(DISTINCT customer) by department', `SELECT dept, count(*) / count(DISTINCT customer) FROM '${file}' GROUP BY dept`],
  ['win_rate(outcome) by department', `SELECT dept, win_rate(outcome) FROM '${file}' GROUP BY dept`],
  ['count FILTER won / count FILTER decided by department', `SELECT dept, count(*) FILTER (WHERE outcome = 'won') / count(*) FILTER (WHERE outcome IN ('won', 'lost')) FROM '${file}' GROUP BY dept`],
];

for (const rows of sizes) {
  const file = await log(rows);
  console.log(`\n${rows.toLocaleString('en')} rows (${file}), ${threads} threads, median of ${repeat}:`);
  console.log('| query | seconds | peak memory (MB) |\n|---|---|---|');
  for (const [what, sql] of queries(file).filter(([what]) => what.includes(only))) {
    const r = run(sql);
    console.log(`| ${what} | ${r.seconds.toFixed(3)} | ${Math.round(r.maxRssMB)} |`);
  }
}
