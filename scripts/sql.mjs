// Runs SQL in a stock DuckDB (the @duckdb/node-api client scripts/deps.sh installs) with the
// extension loaded: each argument one statement, each result printed as a table. A DuckDB CLI
// or Python session does the same (README, "Past a million rows").
//
// Usage: node scripts/sql.mjs "SELECT ..." ["SELECT ..." ...]
//   CA_DUCKDB_EXTENSION: the extension (default build/duckdb/customer_analytics.duckdb_extension)
import { join, resolve } from 'node:path';
import { connect, root } from './duckdb.mjs';

const extension = resolve(process.env.CA_DUCKDB_EXTENSION ??
  join(root, 'build/duckdb/customer_analytics.duckdb_extension'));
const db = await connect(extension);
for (const sql of process.argv.slice(2)) {
  try {
    const rows = (await db.runAndReadAll(sql)).getRowObjectsJson();
    if (rows.length) console.table(rows);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
