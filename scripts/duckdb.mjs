// A stock DuckDB with the extension loaded: the @duckdb/node-api client scripts/deps.sh
// installs into build-duckdb/, opened as the extension needs it (allow_unsigned_extensions).
// Shared by scripts/sql.mjs, the tests (tests/duckdb) and the benchmark (bench/duckdb).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// A connection to a new in-memory database with `threads` threads (default: DuckDB's),
// the extension at `extension` loaded (none: null).
export async function connect(extension, { threads, modules = join(root, 'build-duckdb/node_modules') } = {}) {
  const { DuckDBInstance } = await import(
    pathToFileURL(join(modules, '@duckdb/node-api/lib/index.js')).href);
  const config = { allow_unsigned_extensions: 'true' };
  if (threads) config.threads = String(threads);
  const db = await (await DuckDBInstance.create(':memory:', config)).connect();
  if (extension) await db.run(`LOAD '${extension.replaceAll("'", "''")}'`);
  return db;
}
