// The DuckDB extension in a stock DuckDB (@duckdb/node-api, libduckdb 1.5.x): every function
// against DuckDB's own SQL for the same figure on generated data, NULLs, empty groups, many
// groups on 2 threads (so that DuckDB combines states), text and era dates, and every
// invalid argument an SQL error that names the function.
//
// Usage: node extension_test.mjs EXTENSION NODE_MODULES
import { connect } from '../../scripts/duckdb.mjs';

const [extension, modules] = process.argv.slice(2);
const db = await connect(extension, { threads: 2, modules });

let passed = 0;
const failures = [];
async function rows(sql) {
  return (await db.runAndReadAll(sql)).getRowObjectsJson();
}
function close(a, b, tolerance = 1e-9) {
  if (a === null || b === null) return a === b;
  const x = Number(a), y = Number(b);
  return Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x), Math.abs(y));
}
function check(what, ok, detail = '') {
  if (ok) passed += 1;
  else failures.push(`${what} ${detail}`);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : ' ' + detail}`);
}
// Each row's columns `ours` and `theirs` agree (numbers to 1e-9 relative, NULL to NULL).
async function agree(what, sql, pairs = [['ours', 'theirs']]) {
  const result = await rows(sql);
  const bad = result.filter(r => pairs.some(([a, b]) => !close(r[a], r[b])));
  check(`${what} (${result.length} rows)`, result.length > 0 && bad.length === 0,
        JSON.stringify(bad.slice(0, 3)));
}
async function fails(what, sql, name) {
  try {
    await db.run(sql);
    check(`${what}: an SQL error`, false, 'no error');
  } catch (e) {
    check(`${what}: an SQL error naming ${name}`, e.message.includes(name), e.message);
  }
}

// A touch log: 400,000 touches, 17 departments, 20,000 customers; a deal list; a ledger;
// an issue log; a rating log.
await db.run(`
  CREATE TABLE touches AS SELECT
    'C' || (hash(i) % 20000)::VARCHAR AS customer, 'D' || (hash(i + 1) % 17)::VARCHAR AS dept,
    (DATE '2023-04-01' + (hash(i * 7) % 730)::INTEGER) AS day
  FROM range(400000) r(i);
  CREATE TABLE deals AS SELECT
    'D' || (i % 5)::VARCHAR AS dept, (hash(i) % 9)::INTEGER AS touches,
    CASE WHEN hash(i * 3) % 10 < (hash(i) % 9) THEN (CASE WHEN i % 2 = 0 THEN 'won' ELSE '受注' END)
         WHEN hash(i * 5) % 5 = 0 THEN 'open' WHEN i % 3 = 0 THEN '失注' ELSE 'Lost' END AS outcome
  FROM range(20000) r(i);
  CREATE TABLE ledger AS SELECT
    'D' || (i % 6)::VARCHAR AS dept,
    (DATE '2022-01-01' + (hash(i) % 1095)::INTEGER) AS day,
    round(100 + (hash(i * 11) % 1000) / 10.0 + (hash(i) % 1095) / 20.0, 2)::DOUBLE AS amount
  FROM range(30000) r(i);
  CREATE TABLE items AS SELECT
    'C' || (i % 300)::VARCHAR AS customer,
    (DATE '2024-01-01' + (hash(i) % 300)::INTEGER) AS opened,
    CASE WHEN hash(i * 13) % 3 = 0 THEN NULL
         ELSE DATE '2024-01-01' + (hash(i) % 300)::INTEGER + (hash(i * 17) % 90)::INTEGER END AS closed
  FROM range(6000) r(i);
  CREATE TABLE ratings AS SELECT
    'C' || (i % 300)::VARCHAR AS customer, (1 + hash(i * 19) % 5)::DOUBLE AS rating,
    (DATE '2023-01-01' + i::INTEGER) AS day
  FROM range(6000) r(i);
`);

// Touchpoints: touches / distinct customers, as count(*) / count(DISTINCT).
await agree('avg_touchpoints by department = count(*) / count(DISTINCT customer)', `
  SELECT dept, avg_touchpoints(customer, day) AS ours,
         count(*) / count(DISTINCT customer) AS theirs FROM touches GROUP BY dept`);
await agree('avg_touchpoints in a fiscal year = the same with FILTER', `
  SELECT dept, avg_touchpoints(customer, day, DATE '2024-04-01', DATE '2025-03-31') AS ours,
         count(*) FILTER (WHERE day BETWEEN '2024-04-01' AND '2025-03-31')
           / count(DISTINCT customer) FILTER (WHERE day BETWEEN '2024-04-01' AND '2025-03-31') AS theirs
  FROM touches GROUP BY dept`);
await agree('distinct_customers = count(DISTINCT customer), with and without a window', `
  SELECT dept, distinct_customers(customer) AS a, count(DISTINCT customer) AS b,
         distinct_customers(customer, day, '2024-01-01', '2024-03-31') AS c,
         count(DISTINCT customer) FILTER (WHERE day BETWEEN '2024-01-01' AND '2024-03-31') AS d
  FROM touches GROUP BY dept`, [['a', 'b'], ['c', 'd']]);
await agree('a customer per group (20,000 groups on 2 threads): one customer, its touches', `
  SELECT customer, avg_touchpoints(customer, day) AS ours, count(*) AS theirs,
         distinct_customers(customer) AS one, 1 AS expected FROM touches GROUP BY customer`,
  [['ours', 'theirs'], ['one', 'expected']]);
await agree('1,600,000 rows in 17 groups on 2 threads (states combined)', `
  SELECT dept, avg_touchpoints(customer, day) AS ours, count(*) / count(DISTINCT customer) AS theirs
  FROM (SELECT * FROM touches UNION ALL SELECT * FROM touches
        UNION ALL SELECT * FROM touches UNION ALL SELECT * FROM touches) GROUP BY dept`);

// Keys folded as Calc folds them: case, blanks, full width; key_fold groups as the add-in.
await db.run(`
  CREATE TABLE variants AS SELECT
    CASE i % 4 WHEN 0 THEN 'Acme' || (i % 50)::VARCHAR WHEN 1 THEN ' acme' || (i % 50)::VARCHAR || ' '
                WHEN 2 THEN 'ＡＣＭＥ' || (i % 50)::VARCHAR ELSE 'ACME' || (i % 50)::VARCHAR END AS customer,
    (DATE '2024-04-01' + (i % 30)::INTEGER) AS day
  FROM range(1000) r(i)`);
await agree('folded keys: avg_touchpoints = count(*) / count(DISTINCT key_fold(customer))', `
  SELECT avg_touchpoints(customer, day) AS ours,
         count(*) / count(DISTINCT key_fold(customer)) AS theirs FROM variants`);
{
  const [r] = await rows(`SELECT key_fold('  ＡＢＣ商事 ') AS a, key_fold('Acme') AS b,
                                 key_fold('ｶﾌﾞｼｷ') AS c, key_fold(NULL) AS d`);
  check('key_fold: NFKC, case folded, trimmed', r.a === 'abc商事' && r.b === 'acme' &&
        r.c === 'カブシキ' && r.d === null, JSON.stringify(r));
}

// Win rate: won / decided, as FILTER counts them.
await agree('win_rate by department = count FILTER won / count FILTER decided', `
  SELECT dept, win_rate(outcome) AS ours,
         count(*) FILTER (WHERE outcome IN ('won', '受注'))
           / count(*) FILTER (WHERE outcome IN ('won', '受注', 'Lost', '失注')) AS theirs
  FROM deals GROUP BY dept`);
await agree('win_rate of BOOLEAN outcomes, NULL undecided', `
  SELECT win_rate(o) AS ours, 2 / 3 AS theirs FROM (VALUES (true), (true), (false), (NULL)) t(o)`);

// Sales trend: the monthly totals of the last 24 months, zero where nothing sold, their
// least-squares slope (regr_slope, months numbered from 1 as SALESTRENDSTAT numbers them) x 12
// over their mean.
await db.run(`
  CREATE TABLE months AS
  WITH last AS (SELECT dept, date_trunc('month', max(day)) AS m FROM ledger GROUP BY dept),
  grid AS (SELECT dept, m - INTERVAL (k) MONTH AS month, 24 - k AS x
           FROM last, range(24) r(k))
  SELECT grid.dept, grid.x, coalesce(sum(l.amount), 0) AS total
  FROM grid LEFT JOIN ledger l ON l.dept = grid.dept AND date_trunc('month', l.day) = grid.month
  GROUP BY grid.dept, grid.x`);
await agree('sales_trend (linear) = 12 regr_slope / avg over monthly totals', `
  WITH ours AS (SELECT dept, sales_trend(day, amount) AS ours,
                       sales_trend_stat(day, amount, 'slope') AS slope,
                       sales_trend_stat(day, amount, 'intercept') AS intercept,
                       sales_trend_stat(day, amount, 'r2') AS r2,
                       sales_trend_stat(day, amount, 'n') AS n FROM ledger GROUP BY dept),
  theirs AS (SELECT dept, 12 * regr_slope(total, x) / avg(total) AS theirs,
                    regr_slope(total, x) AS slope2, regr_intercept(total, x) AS intercept2,
                    regr_r2(total, x) AS r22, count(*) AS n2 FROM months GROUP BY dept)
  SELECT * FROM ours JOIN theirs USING (dept)`,
  [['ours', 'theirs'], ['slope', 'slope2'], ['intercept', 'intercept2'], ['r2', 'r22'], ['n', 'n2']]);
await agree('sales_trend yoy = last 12 months over the 12 before', `
  WITH ours AS (SELECT dept, sales_trend(day, amount, 2, NULL, 'yoy') AS ours FROM ledger GROUP BY dept),
  theirs AS (SELECT dept, sum(total) FILTER (WHERE x > 12) / sum(total) FILTER (WHERE x <= 12) - 1 AS theirs
             FROM months GROUP BY dept)
  SELECT * FROM ours JOIN theirs USING (dept)`);

// Touches and wins: a bucket per touch count (each has well over 5 deals).
await agree('touch_win_curve: per touch count, decided, won and rate = GROUP BY touches', `
  WITH curve AS (SELECT unnest(touch_win_curve(touches, outcome)) AS b FROM deals),
  theirs AS (SELECT touches, count(*) FILTER (WHERE outcome IN ('won', '受注', 'Lost', '失注')) AS decided,
                    count(*) FILTER (WHERE outcome IN ('won', '受注')) AS won FROM deals GROUP BY touches)
  SELECT b.decided AS d1, decided AS d2, b.won AS w1, won AS w2, b.rate AS r1, won / decided AS r2
  FROM curve JOIN theirs ON b.lower = touches`, [['d1', 'd2'], ['w1', 'w2'], ['r1', 'r2']]);
await agree('touch_target: the fewest touches whose monotone win rate reaches the target', `
  WITH curve AS (SELECT unnest(touch_win_curve(touches, outcome)) AS b FROM deals)
  SELECT (SELECT touch_target(touches, outcome, 0.5) FROM deals) AS ours,
         min(b.lower) FILTER (WHERE b.monotone >= 0.5) AS theirs FROM curve`);

// Fans checked regularly: items open at an as-of date, the latest rating.
await agree('open_items per customer = count FILTER opened <= as_of and not closed by it', `
  SELECT customer, open_items(opened, closed, DATE '2024-06-30') AS ours,
         count(*) FILTER (WHERE opened <= DATE '2024-06-30'
                          AND (closed IS NULL OR closed > DATE '2024-06-30')) AS theirs
  FROM items GROUP BY customer`);
await agree('latest_value per customer = arg_max(rating, day) on or before as_of', `
  SELECT customer, latest_value(rating, day, DATE '2035-01-01') AS ours,
         arg_max(rating, day) FILTER (WHERE day <= DATE '2035-01-01') AS theirs
  FROM ratings GROUP BY customer`);
await agree('latest_value of a text value', `
  SELECT latest_value(v, d) = 'new' AS ours, true AS theirs
  FROM (VALUES ('old', DATE '2024-01-01'), ('new', DATE '2024-02-01'), (NULL, DATE '2024-03-01')) t(v, d)`);

// Scalars, row by row.
await agree('fan_score, fan_gap and their words row by row', `
  SELECT fan_score(4, 0, 0.1, 1) AS a, 81.25 AS b, fan_gap(50, 'grow') AS c, 10 AS d,
         fan_gap(fan_score(r, 0, 0, 0), 'partner') AS e, 80 - fan_score(r, 0, 0, 0) AS f,
         (fan_level(70) = 'supporter' AND fan_level(85, 'ja') = 'ファン'
          AND touch_win_diag(3, 0.2, 5, 0.3) = 'increase contact')::INTEGER AS g, 1 AS h
  FROM range(1, 6) t(r)`, [['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);

// NULLs are empty cells: skipped where Calc skips an empty cell.
await agree('NULL customers and dates are skipped', `
  SELECT avg_touchpoints(c, d) AS ours,
         count(*) FILTER (WHERE c IS NOT NULL AND d IS NOT NULL)
           / count(DISTINCT c) FILTER (WHERE d IS NOT NULL) AS theirs
  FROM (VALUES ('A', DATE '2024-04-01'), (NULL, DATE '2024-04-02'), ('B', NULL),
               ('B', DATE '2024-04-03'), ('A', DATE '2024-04-05')) t(c, d)`);
{
  const [r] = await rows(`SELECT avg_touchpoints(c, d) AS a, win_rate(o) AS w, fan_score(NULL, NULL, NULL, NULL) AS f
                          FROM (VALUES (NULL::VARCHAR, NULL::DATE, 'open')) t(c, d, o)`);
  check('nothing to compute is NULL (Calc #N/A)', r.a === null && r.w === null && r.f === null,
        JSON.stringify(r));
}
// Empty groups: NULL, or 0 for a count, as SQL's own aggregates.
{
  const [r] = await rows(`SELECT avg_touchpoints(customer, day) AS a, distinct_customers(customer) AS n,
                                 open_items(day, day) AS o, count(*) AS c FROM touches WHERE false`);
  check('a group without rows: NULL and 0', r.a === null && r.n === '0' && r.o === '0', JSON.stringify(r));
  const g = await rows(`SELECT dept, avg_touchpoints(customer, day) FILTER (WHERE dept = 'D1') AS a
                        FROM touches GROUP BY dept ORDER BY dept`);
  check('FILTER leaving groups empty: NULL there', g.filter(x => x.a !== null).length === 1,
        JSON.stringify(g.slice(0, 3)));
}

// Text dates, era dates and timestamps give what DATE gives.
await agree('text, era and TIMESTAMP dates = DATE', `
  WITH t AS (SELECT * FROM (VALUES
      ('A', DATE '2024-04-01', '2024-04-01', '令和6年4月1日'), ('B', DATE '2024-04-02', '2024/4/2', 'R6.4.2'),
      ('A', DATE '2019-05-01', '2019/05/01', '令和元年5月1日'), ('C', DATE '2019-04-30', '2019年4月30日', '平成31年4月30日'))
      v(c, d, iso, era))
  SELECT avg_touchpoints(c, d, DATE '2019-04-30', DATE '2024-04-01') AS a,
         avg_touchpoints(c, iso, '2019-04-30', '2024/4/1') AS b,
         avg_touchpoints(c, era, '平成31年4月30日', 'R6.4.1') AS c2,
         avg_touchpoints(c, d::TIMESTAMP + INTERVAL 13 HOUR, TIMESTAMP '2019-04-30 00:00:00', DATE '2024-04-01') AS e
  FROM t`, [['a', 'b'], ['a', 'c2'], ['a', 'e']]);

// Every way DuckDB calls an aggregate: sorted rows (ORDER BY inside the call, which DuckDB
// feeds through one state: it crashed the host until update checked), DISTINCT, windows.
await agree('ORDER BY inside the call: latest_value takes the first row of the latest date', `
  SELECT latest_value(v, d ORDER BY id DESC) = 'y' AND latest_value(v, d ORDER BY id) = 'x' AS ours,
         true AS theirs, win_rate(o ORDER BY id) AS a, 0.5 AS b
  FROM (VALUES (1, 'x', DATE '2024-01-01', 'won'), (2, 'y', DATE '2024-01-01', 'lost')) t(id, v, d, o)`,
  [['ours', 'theirs'], ['a', 'b']]);
await agree('ORDER BY inside the call, 20,000 groups', `
  SELECT customer, avg_touchpoints(customer, day ORDER BY day) AS ours, count(*) AS theirs
  FROM touches GROUP BY customer`);
await agree('DISTINCT inside the call: distinct (customer, date) pairs', `
  SELECT dept, avg_touchpoints(DISTINCT customer, day) AS ours,
         count(DISTINCT (customer, day)) / count(DISTINCT customer) AS theirs FROM touches GROUP BY dept`);
await agree('a moving window: win_rate of the last 3 deals', `
  SELECT win_rate(outcome) OVER w AS ours,
         count(*) FILTER (WHERE outcome IN ('won', '受注')) OVER w
           / nullif(count(*) FILTER (WHERE outcome IN ('won', '受注', 'Lost', '失注')) OVER w, 0) AS theirs
  FROM (SELECT row_number() OVER () AS i, * FROM deals)
  WINDOW w AS (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)`);

// Invalid arguments: an SQL error that names the function (and the argument).
const invalid = [
  ['start after end', `SELECT avg_touchpoints(customer, day, DATE '2025-01-01', DATE '2024-01-01') FROM touches`, 'avg_touchpoints: start'],
  ['a text that is no date', `SELECT distinct_customers(c, d) FROM (VALUES ('A', '2024-13-45')) t(c, d)`, 'distinct_customers: dates'],
  ['a number as a date', `SELECT avg_touchpoints(customer, 45000) FROM touches`, 'avg_touchpoints: dates'],
  ['a window bound that is no date', `SELECT avg_touchpoints(customer, day, 'soon') FROM touches`, 'avg_touchpoints: invalid start'],
  ['start differing within a group', `SELECT avg_touchpoints(customer, day, day) FROM touches`, 'avg_touchpoints: start must be one value'],
  ['a DATE as an outcome', `SELECT win_rate(day) FROM touches`, 'win_rate: outcomes'],
  ['an unknown method', `SELECT sales_trend(day, amount, 2, NULL, 'fastest') FROM ledger`, 'sales_trend: invalid method'],
  ['Years 0', `SELECT sales_trend(day, amount, 0) FROM ledger`, 'sales_trend: invalid years'],
  ['an unknown statistic', `SELECT sales_trend_stat(day, amount, 'median') FROM ledger`, 'sales_trend_stat: invalid stat'],
  ['a target above 1', `SELECT touch_target(touches, outcome, 2) FROM deals`, 'touch_target: invalid target'],
  ['an unknown target method', `SELECT touch_target(touches, outcome, 0.5, 'best') FROM deals`, 'touch_target: invalid method'],
  ['closed before opened', `SELECT open_items(o, c) FROM (VALUES (DATE '2024-02-01', DATE '2024-01-01')) t(o, c)`, 'open_items'],
  ['an as_of that is no date', `SELECT latest_value(rating, day, 'later') FROM ratings`, 'latest_value: invalid as_of'],
  ['a rating of 9', `SELECT fan_score(9, 0, 0, 0)`, 'fan_score: invalid competitor_rating'],
  ['an unknown language', `SELECT fan_level(50, 'fr')`, 'fan_level: invalid language'],
  ['an unknown goal', `SELECT fan_gap(50, 'friends')`, 'fan_gap: invalid goal'],
  ['a win rate above 1', `SELECT touch_win_diag(3, 1.5, 5, 0.3)`, 'touch_win_diag: invalid win_rate'],
  ['a wrong type of touches', `SELECT touch_win_curve(day, outcome) FROM (SELECT DATE '2024-01-01' AS day, 'won' AS outcome)`, 'touch_win_curve'],
  ['too few arguments', `SELECT sales_trend_stat(day, amount) FROM ledger`, 'sales_trend_stat'],
];
for (const [what, sql, name] of invalid) await fails(what, sql, name);
// The database lives on after every error.
check('the database answers after the errors', (await rows('SELECT 42 AS x'))[0].x === 42);

console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
