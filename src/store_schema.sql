-- store_schema.sql — the workspace's schema (docs/workspace.md), compiled
-- into the binary.  Each "-- version N" section migrates a workspace of
-- version N-1 to version N; a new workspace runs them all, in order, and
-- PRAGMA user_version records the last one applied.  Sections are only
-- ever appended: a released section never changes.
--
-- The workspace keeps machine values only (ids, codes, numbers, ISO dates,
-- message keys with typed arguments as JSON); the words are the language
-- table's, chosen when a command shows them.  Dates are ISO 8601 text
-- (YYYY-MM-DD, months YYYY-MM); times are seconds since the Unix epoch.

-- version 1
-- Who the workspace is for: one organisation (a consultant keeps one
-- workspace per client).
CREATE TABLE workspace (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    org_id      TEXT NOT NULL,
    created     INTEGER NOT NULL
) STRICT;

-- An import: the organisation folder's files as they were read, and the
-- registers and KPIs they hold.  A run refers to the import of its inputs.
CREATE TABLE import (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    as_of       TEXT NOT NULL,
    org_name    TEXT NOT NULL,
    nkpis       INTEGER NOT NULL,
    nevidence   INTEGER NOT NULL,
    nfindings   INTEGER NOT NULL
) STRICT;

CREATE TABLE file (
    import_id   INTEGER NOT NULL REFERENCES import(id),
    ord         INTEGER NOT NULL,   -- the order the files were read in
    path        TEXT NOT NULL,      -- relative to the folder; the catalogue
                                    -- by its file name
    kind        TEXT NOT NULL,      -- catalogue, profile, evidence, ...
    bytes       INTEGER NOT NULL,
    rows        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    PRIMARY KEY (import_id, path)
) STRICT, WITHOUT ROWID;

CREATE TABLE kpi (
    import_id   INTEGER NOT NULL REFERENCES import(id),
    program     TEXT NOT NULL,
    metric      TEXT NOT NULL,
    month       TEXT NOT NULL,
    value       REAL NOT NULL,
    n           INTEGER,            -- NULL when not given
    file        TEXT NOT NULL,      -- metrics.csv or the raw file
    line        INTEGER NOT NULL,   -- 0 when derived
    PRIMARY KEY (import_id, program, metric, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE evidence (
    import_id   INTEGER NOT NULL REFERENCES import(id),
    id          TEXT NOT NULL,
    line        INTEGER NOT NULL,
    reqs        TEXT NOT NULL,      -- requirement ids, space-separated
    program     TEXT NOT NULL,      -- '' when site-wide
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    dated       TEXT NOT NULL,
    approved    INTEGER NOT NULL,
    expires     TEXT,
    location    TEXT NOT NULL,
    sha256      TEXT NOT NULL,      -- of the file as found; '' when none
    integrity   TEXT NOT NULL,      -- ok, mismatch, missing, ...
    PRIMARY KEY (import_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE finding (
    import_id   INTEGER NOT NULL REFERENCES import(id),
    line        INTEGER NOT NULL,
    req         TEXT NOT NULL,
    program     TEXT NOT NULL,      -- '' when site-wide
    result      TEXT NOT NULL,
    class       TEXT NOT NULL,      -- '' when none
    assessor    TEXT NOT NULL,
    dated       TEXT,
    note        TEXT NOT NULL,
    PRIMARY KEY (import_id, line)
) STRICT, WITHOUT ROWID;

-- A stored assessment: what it was computed from and what it found.
CREATE TABLE run (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    import_id   INTEGER NOT NULL REFERENCES import(id),
    catalogue_id      TEXT NOT NULL,
    catalogue_version TEXT NOT NULL,
    catalogue_sha256  TEXT NOT NULL,
    as_of       TEXT NOT NULL,
    audit       TEXT,               -- the audit date planned for
    verdict     TEXT NOT NULL,
    overall     REAL NOT NULL,      -- 0-1
    points      REAL NOT NULL,
    points_max  REAL NOT NULL,
    met         INTEGER NOT NULL,
    partial     INTEGER NOT NULL,
    not_met     INTEGER NOT NULL,
    not_evidenced INTEGER NOT NULL,
    na          INTEGER NOT NULL,
    gaps        INTEGER NOT NULL,
    p1          INTEGER NOT NULL,
    p2          INTEGER NOT NULL,
    p3          INTEGER NOT NULL,
    at_risk     INTEGER NOT NULL,
    ready       INTEGER NOT NULL,   -- the plan closes every gap in time
    feasible    TEXT                -- earliest feasible audit date
) STRICT;

CREATE TABLE run_category (
    run_id      INTEGER NOT NULL REFERENCES run(id),
    ord         INTEGER NOT NULL,
    category    TEXT NOT NULL,
    score       REAL NOT NULL,
    points      REAL NOT NULL,
    points_max  REAL NOT NULL,      -- 0: nothing in it applies
    PRIMARY KEY (run_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE run_requirement (
    run_id      INTEGER NOT NULL REFERENCES run(id),
    ord         INTEGER NOT NULL,   -- catalogue order
    req         TEXT NOT NULL,
    category    TEXT NOT NULL,
    critical    INTEGER NOT NULL,
    status      TEXT NOT NULL,      -- met, partial, not-met, ...
    score       REAL NOT NULL,
    na_reason   TEXT,               -- message (JSON), when n/a
    PRIMARY KEY (run_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE run_rule (
    run_id      INTEGER NOT NULL REFERENCES run(id),
    req_ord     INTEGER NOT NULL,
    ord         INTEGER NOT NULL,
    rule        TEXT NOT NULL,      -- the rule's id ("4.2.1/1")
    type        TEXT NOT NULL,
    metric      TEXT,               -- metric, trend and sample rules
    status      TEXT NOT NULL,
    score       REAL NOT NULL,
    trace       TEXT,               -- message (JSON)
    details     TEXT,               -- messages (JSON array)
    PRIMARY KEY (run_id, req_ord, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE run_gap (
    run_id      INTEGER NOT NULL REFERENCES run(id),
    req         TEXT NOT NULL,
    rank        INTEGER NOT NULL,
    tier        TEXT NOT NULL,      -- P1, P2, P3
    priority    REAL NOT NULL,
    at_risk     INTEGER NOT NULL,
    risk        TEXT,               -- message (JSON): why at risk
    owner       TEXT NOT NULL,
    effort      REAL NOT NULL,      -- person-days
    start       TEXT NOT NULL,
    due         TEXT NOT NULL,
    action      TEXT,               -- message (JSON)
    PRIMARY KEY (run_id, req)
) STRICT, WITHOUT ROWID;

-- history and diff read the latest runs first.
CREATE INDEX run_by_time ON run (at, id);
