/**
 * Numbered migrations (sqlite-utils style), applied in order inside one transaction each and recorded in
 * `schema_migrations`. Never edit a migration that has shipped: add the next number.
 * Money is stored exactly as integer 分 (`cents`); `value` (REAL) is a convenience copy for charts and SQL users.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "initial",
    sql: `
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  pages INTEGER NOT NULL DEFAULT 0,
  size INTEGER NOT NULL DEFAULT 0,
  parser_version TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'superseded')),
  error TEXT
);
CREATE INDEX documents_path ON documents(path);

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  region TEXT,
  -- 1 once a user renamed or merged it: automatic matching then never changes the canonical name.
  user_named INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE department_aliases (
  alias TEXT PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  score REAL NOT NULL DEFAULT 1,
  source TEXT NOT NULL DEFAULT 'auto' CHECK (source IN ('auto', 'user'))
);
CREATE INDEX department_aliases_dept ON department_aliases(department_id);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  department_id INTEGER REFERENCES departments(id),
  department_raw TEXT,
  region TEXT,
  fiscal_year INTEGER,
  kind TEXT,
  title TEXT,
  filled_date TEXT,
  filer TEXT,
  phone TEXT,
  score REAL,
  superseded_by INTEGER REFERENCES reports(id) ON DELETE SET NULL,
  json TEXT NOT NULL
);
CREATE INDEX reports_dept_year ON reports(department_id, fiscal_year, kind);
CREATE INDEX reports_superseded ON reports(superseded_by);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  name TEXT NOT NULL
);
CREATE INDEX projects_report ON projects(report_id);

CREATE TABLE metrics (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  year INTEGER NOT NULL,
  cents INTEGER,
  value_exact TEXT,
  value REAL,
  unit TEXT NOT NULL,
  text TEXT NOT NULL,
  page INTEGER,
  quote TEXT NOT NULL,
  restated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX metrics_key_year ON metrics(key, year);
CREATE INDEX metrics_report ON metrics(report_id);

CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  level1 TEXT, level2 TEXT, level3 TEXT,
  target TEXT, actual TEXT,
  weight REAL, score REAL,
  deviation TEXT,
  page INTEGER
);
CREATE INDEX indicators_report ON indicators(report_id);

CREATE TABLE sections (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  heading TEXT,
  level INTEGER,
  page INTEGER,
  text TEXT NOT NULL
);
CREATE INDEX sections_report ON sections(report_id);
-- trigram: Chinese has no spaces to tokenise on; queries under 3 characters fall back to LIKE.
CREATE VIRTUAL TABLE sections_fts USING fts5(heading, text, content='sections', content_rowid='id', tokenize='trigram');
CREATE TRIGGER sections_ai AFTER INSERT ON sections BEGIN
  INSERT INTO sections_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
END;
CREATE TRIGGER sections_ad AFTER DELETE ON sections BEGIN
  INSERT INTO sections_fts(sections_fts, rowid, heading, text) VALUES ('delete', old.id, old.heading, old.text);
END;

CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  report_id INTEGER REFERENCES reports(id) ON DELETE CASCADE,
  other_report_id INTEGER REFERENCES reports(id) ON DELETE CASCADE,
  -- cross-report findings belong to a department; they are recomputed per department after each ingest.
  department_id INTEGER REFERENCES departments(id) ON DELETE CASCADE,
  scope TEXT NOT NULL CHECK (scope IN ('report', 'cross')),
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message TEXT NOT NULL,
  metrics_json TEXT NOT NULL,
  expected REAL,
  actual REAL,
  tolerance REAL,
  evidence_json TEXT NOT NULL,
  project TEXT
);
CREATE INDEX findings_report ON findings(report_id);
CREATE INDEX findings_rule ON findings(rule, severity);
CREATE INDEX findings_dept ON findings(department_id, scope);

-- Reports that count: imported fine and not superseded by a re-published version.
CREATE VIEW active_reports AS
  SELECT r.* FROM reports r JOIN documents d ON d.id = r.document_id
  WHERE d.status = 'ok' AND r.superseded_by IS NULL;

-- Long form: one row per department-level metric, the way trend queries and spreadsheets want it.
CREATE VIEW metric_values AS
  SELECT dep.name AS department, r.fiscal_year AS fiscal_year, r.kind AS kind, m.key AS key, m.year AS year,
         m.value AS value, m.cents AS cents, m.value_exact AS value_exact, m.unit AS unit, m.restated AS restated,
         d.path AS source, m.page AS page, m.quote AS quote, r.id AS report_id, m.id AS metric_id
  FROM metrics m
  JOIN active_reports r ON r.id = m.report_id
  JOIN documents d ON d.id = r.document_id
  LEFT JOIN departments dep ON dep.id = r.department_id
  WHERE m.project_id IS NULL;

-- Project-level metrics (budgets and execution of the projects named in reports, or of a project report's project).
CREATE VIEW project_metric_values AS
  SELECT dep.name AS department, r.fiscal_year AS fiscal_year, r.kind AS kind, p.name AS project, m.key AS key,
         m.year AS year, m.value AS value, m.cents AS cents, m.value_exact AS value_exact, m.unit AS unit,
         m.restated AS restated, d.path AS source, m.page AS page, m.quote AS quote, r.id AS report_id, m.id AS metric_id
  FROM metrics m
  JOIN projects p ON p.id = m.project_id
  JOIN active_reports r ON r.id = m.report_id
  JOIN documents d ON d.id = r.document_id
  LEFT JOIN departments dep ON dep.id = r.department_id;

-- One row per department × year × kind with the headline figures as columns (values in 元 / % / 分), from the
-- year's own report (restated figures from later reports are left to metric_values).
CREATE VIEW department_years AS
  SELECT dep.name AS department, r.fiscal_year AS year, r.kind AS kind, r.id AS report_id,
    MAX(CASE WHEN m.key = 'income.total' THEN m.value END) AS income_total,
    MAX(CASE WHEN m.key = 'expenditure.total' THEN m.value END) AS expenditure_total,
    MAX(CASE WHEN m.key = 'expenditure.basic' THEN m.value END) AS expenditure_basic,
    MAX(CASE WHEN m.key = 'expenditure.project' THEN m.value END) AS expenditure_project,
    MAX(CASE WHEN m.key = 'three_public.total' THEN m.value END) AS three_public_total,
    MAX(CASE WHEN m.key = 'budget.execution_rate' THEN m.value END) AS execution_rate,
    MAX(CASE WHEN m.key = 'score.total' THEN m.value END) AS score,
    (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id) AS findings
  FROM active_reports r
  LEFT JOIN departments dep ON dep.id = r.department_id
  LEFT JOIN metrics m ON m.report_id = r.id AND m.project_id IS NULL AND m.year = r.fiscal_year AND m.restated = 0
  GROUP BY r.id;

-- Findings with the department, year and file they are about, for browsing.
CREATE VIEW finding_list AS
  SELECT f.id AS finding_id, f.scope AS scope, f.rule AS rule, f.severity AS severity, f.message AS message,
         COALESCE(dep.name, dep2.name) AS department, r.fiscal_year AS fiscal_year, r.kind AS kind, d.path AS source,
         f.expected AS expected, f.actual AS actual, f.tolerance AS tolerance, f.metrics_json AS metrics_json,
         f.evidence_json AS evidence_json, f.report_id AS report_id, f.other_report_id AS other_report_id
  FROM findings f
  LEFT JOIN reports r ON r.id = f.report_id
  LEFT JOIN documents d ON d.id = r.document_id
  LEFT JOIN departments dep ON dep.id = r.department_id
  LEFT JOIN departments dep2 ON dep2.id = f.department_id
  WHERE f.report_id IS NULL OR f.report_id IN (SELECT id FROM active_reports);
`,
  },
  {
    version: 2,
    name: "query-covering-indexes",
    // `trend` across all departments reads one metric for every report: covering indexes let SQLite answer from the
    // indexes alone instead of visiting each (large, JSON-carrying) reports row and each metrics row.
    sql: `
CREATE INDEX metrics_trend ON metrics(key, project_id, year, report_id, cents, value, restated, page);
CREATE INDEX reports_trend ON reports(id, department_id, fiscal_year, kind, superseded_by, document_id);
`,
  },
  {
    version: 3,
    name: "pending-cross-departments",
    // Departments whose cross-report findings are stale: a document's transaction adds its department, the cross-report
    // pass removes it in its own transaction. A run killed in between leaves the row, and the next run finishes it.
    sql: `
CREATE TABLE pending_cross (department_id INTEGER PRIMARY KEY REFERENCES departments(id) ON DELETE CASCADE);
`,
  },
  {
    version: 4,
    name: "figure-provenance-to-the-box",
    // Where each figure and indicator was printed, for a viewer that boxes it on the page: the document-model block,
    // the table cell (row, col), the box in PDF points (origin top-left; NULL where the format has no geometry) and the
    // character span in the block's or cell's text. Rows stored before stay NULL until their document is re-parsed
    // (the parser version changed with this migration, so the next ingest does that by itself).
    sql: `
ALTER TABLE metrics ADD COLUMN block INTEGER;
ALTER TABLE metrics ADD COLUMN cell_row INTEGER;
ALTER TABLE metrics ADD COLUMN cell_col INTEGER;
ALTER TABLE metrics ADD COLUMN x0 REAL;
ALTER TABLE metrics ADD COLUMN top REAL;
ALTER TABLE metrics ADD COLUMN x1 REAL;
ALTER TABLE metrics ADD COLUMN bottom REAL;
ALTER TABLE metrics ADD COLUMN span_start INTEGER;
ALTER TABLE metrics ADD COLUMN span_end INTEGER;
ALTER TABLE indicators ADD COLUMN block INTEGER;
ALTER TABLE indicators ADD COLUMN cell_row INTEGER;
ALTER TABLE indicators ADD COLUMN cell_col INTEGER;
ALTER TABLE indicators ADD COLUMN x0 REAL;
ALTER TABLE indicators ADD COLUMN top REAL;
ALTER TABLE indicators ADD COLUMN x1 REAL;
ALTER TABLE indicators ADD COLUMN bottom REAL;
`,
  },
  {
    version: 5,
    name: "documents-not-reports",
    // A document read fine that is not a report (a notice, a stray text file): stored, so an unchanged copy is skipped
    // and the summary can name it again, but with no reports row. The reason, in Chinese; NULL for reports.
    sql: `
ALTER TABLE documents ADD COLUMN not_report TEXT;
`,
  },
  {
    version: 6,
    name: "report-project",
    // The project a project self-evaluation is about (Report.project): trend, show and projects follow each project
    // as its own series instead of folding a department's projects of one year into one cell.
    sql: `
ALTER TABLE reports ADD COLUMN project TEXT;
`,
  },
  {
    version: 7,
    name: "project-name-corrections",
    // The user's corrections of project identity (jixiao projects merge/rename/split): the name a project was filed
    // under → the project it belongs to. Names without a row are matched automatically (query/project-names.ts).
    sql: `
CREATE TABLE project_names (
  department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  project TEXT NOT NULL,
  PRIMARY KEY (department_id, name)
);
`,
  },
  {
    version: 8,
    name: "line-items",
    // The line items of a 预算/决算 disclosure (Report.lineItems): every amount cell of its 公开表 with table, 科目 code,
    // row label, level, column and the cell's place, so 科目 amounts are queried across departments and years in SQL.
    sql: `
CREATE TABLE line_items (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  table_kind TEXT NOT NULL,
  title TEXT NOT NULL,
  table_no INTEGER NOT NULL,
  row INTEGER NOT NULL,
  side INTEGER NOT NULL,
  code TEXT,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  column_header TEXT NOT NULL,
  role TEXT,
  cents INTEGER NOT NULL,
  text TEXT NOT NULL,
  scale REAL NOT NULL,
  decimals INTEGER NOT NULL,
  page INTEGER,
  block INTEGER, cell_row INTEGER, cell_col INTEGER,
  x0 REAL, top REAL, x1 REAL, bottom REAL
);
CREATE INDEX line_items_report ON line_items(report_id);
CREATE INDEX line_items_code ON line_items(code);
`,
  },
  {
    version: 9,
    name: "report-forms",
    // The form of a report beside its kind (事前绩效评估, 绩效目标申报表, 转移支付 自评表 …) and the bodies it names with
    // their role (中央/地方主管部门, 资金使用单位, 评价机构), so transfer payments are followed by their authorities in SQL.
    // Reports stored before have neither until the next ingest re-parses them (the parser version changed with this).
    sql: `
ALTER TABLE reports ADD COLUMN form TEXT;
CREATE TABLE report_parties (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  label TEXT NOT NULL,
  quote TEXT NOT NULL
);
CREATE INDEX report_parties_report ON report_parties(report_id);
CREATE INDEX report_parties_name ON report_parties(name);
`,
  },
];
