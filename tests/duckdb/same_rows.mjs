// The SQL half of tests/duckdb/same_rows_test.py: reads the generated log's CSV files with
// DuckDB's read_csv and prints, as JSON, each query's rows [key, figure...] (a NULL as null).
//
// Usage: node same_rows.mjs EXTENSION NODE_MODULES CSV_DIR QUERIES.json
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { connect } from '../../scripts/duckdb.mjs';

const [extension, modules, dir, queries] = process.argv.slice(2);
const db = await connect(extension, { threads: 2, modules });
for (const table of ['touches', 'deals', 'ledger', 'items', 'ratings'])
  await db.run(`CREATE VIEW ${table} AS SELECT * FROM read_csv('${join(dir, table + '.csv')}')`);
const answers = {};
for (const [name, sql] of Object.entries(JSON.parse(readFileSync(queries, 'utf8'))))
  answers[name] = (await db.runAndReadAll(sql)).getRowsJson();
console.log(JSON.stringify(answers));
