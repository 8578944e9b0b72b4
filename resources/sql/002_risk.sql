-- Vigil workspace schema, version 2: risk assessment (docs/methodology.md).
-- Reference datasets the user imports (the bundled ILAB data is read from the application, not stored here),
-- evidence (observations of indicators, mitigations), the methodology versions used, and the latest score of each
-- supplier with its contributions and gaps, plus the history of scores.

-- A user-imported reference dataset: TIP tiers, Global Slavery Index, ITUC, the company's own lists.
CREATE TABLE risk_datasets (
    id        TEXT PRIMARY KEY CHECK (length(trim(id)) > 0),   -- 'tip_2024', or a UUID
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    edition   TEXT NOT NULL DEFAULT '',                        -- '2024', '2023 edition'
    publisher TEXT NOT NULL DEFAULT '',
    licence   TEXT NOT NULL DEFAULT '',
    source    TEXT NOT NULL DEFAULT '',                        -- URL or file the copy came from
    loaded_at TEXT NOT NULL
);

-- One country-level signal of a dataset (kind: a signal kind of the methodology, e.g. 'tip_tier').
CREATE TABLE risk_country_signals (
    dataset_id TEXT NOT NULL REFERENCES risk_datasets (id) ON DELETE CASCADE,
    country    TEXT NOT NULL CHECK (length(country) = 2),
    kind       TEXT NOT NULL CHECK (length(kind) > 0),
    label      TEXT NOT NULL DEFAULT '',                       -- categorical value ('2WL', '5+')
    value      REAL,                                           -- numeric value (prevalence per 1,000)
    PRIMARY KEY (dataset_id, country, kind)
) WITHOUT ROWID;
CREATE INDEX risk_country_signals_country ON risk_country_signals (country);

-- A company's own sector risk, for every country (country '') or one.
CREATE TABLE risk_sector_signals (
    dataset_id TEXT NOT NULL REFERENCES risk_datasets (id) ON DELETE CASCADE,
    sector     TEXT NOT NULL CHECK (length(sector) > 0),
    country    TEXT NOT NULL DEFAULT '',
    label      TEXT NOT NULL,
    PRIMARY KEY (dataset_id, sector, country)
) WITHOUT ROWID;

-- What one piece of evidence says about one indicator at a supplier (or one of its sites).
CREATE TABLE risk_observations (
    id          TEXT PRIMARY KEY CHECK (length(id) = 36),
    supplier_id TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    site_id     TEXT REFERENCES sites (id) ON DELETE SET NULL, -- NULL: the supplier as a whole
    indicator   TEXT NOT NULL CHECK (length(indicator) > 0),   -- an indicator id of the methodology
    status      TEXT NOT NULL CHECK (status IN ('present', 'absent', 'not_assessed')),
    source_type TEXT NOT NULL CHECK (length(source_type) > 0), -- worker_interview, audit, self_assessment ...
    observed_on TEXT NOT NULL DEFAULT '',                      -- YYYY-MM-DD, '' when undated
    confidence  REAL NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_observations_supplier ON risk_observations (supplier_id, indicator);
CREATE INDEX risk_observations_site ON risk_observations (site_id);

-- A mitigation verified at a supplier (fees_reimbursed, grievance_channel, recent_audit ...).
CREATE TABLE risk_mitigations (
    id          TEXT PRIMARY KEY CHECK (length(id) = 36),
    supplier_id TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    type        TEXT NOT NULL CHECK (length(type) > 0),
    verified_on TEXT NOT NULL DEFAULT '',                      -- YYYY-MM-DD, '' when undated
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_mitigations_supplier ON risk_mitigations (supplier_id);

-- Every methodology version a score was computed with, as the exact document used.
CREATE TABLE risk_methodologies (
    id            TEXT NOT NULL,
    version       TEXT NOT NULL,
    document      TEXT NOT NULL,                               -- the JSON document
    sha256        TEXT NOT NULL,
    first_used_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
) WITHOUT ROWID;

-- The latest score of each supplier.
CREATE TABLE risk_scores (
    supplier_id         TEXT PRIMARY KEY REFERENCES suppliers (id) ON DELETE CASCADE,
    evaluated_at        TEXT NOT NULL,
    methodology_id      TEXT NOT NULL,
    methodology_version TEXT NOT NULL,
    score               REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    tier                TEXT NOT NULL CHECK (tier IN ('low', 'medium', 'high', 'critical')),
    score_tier          TEXT NOT NULL CHECK (score_tier IN ('low', 'medium', 'high', 'critical')),
    classification      TEXT NOT NULL CHECK (classification IN ('none', 'review', 'possible_forced_labour')),
    zero_tolerance      INTEGER NOT NULL CHECK (zero_tolerance IN (0, 1)),
    zero_tolerance_findings TEXT NOT NULL DEFAULT '',          -- newline-separated indicator ids
    escalations         TEXT NOT NULL DEFAULT '',              -- newline-separated
    inherent            REAL NOT NULL,
    country_anchor      REAL NOT NULL,
    sector_anchor       REAL NOT NULL,
    goods_anchor        REAL NOT NULL,
    coverage            REAL NOT NULL CHECK (coverage BETWEEN 0 AND 1),
    confidence          REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    result_hash         TEXT NOT NULL DEFAULT ''               -- SHA-1 of the explanation: unchanged results are
                                                               -- not rewritten when rescoring
) WITHOUT ROWID;
CREATE INDEX risk_scores_tier ON risk_scores (tier, score);

-- The explanation of each latest score: its contributions (points add up to the score) and its gaps. The gaps
-- of kind indicator_not_assessed are ONE row per supplier, with the indicator ids one per line in subject (their
-- messages come from the methodology when read).
CREATE TABLE risk_score_contributions (
    supplier_id TEXT NOT NULL REFERENCES risk_scores (supplier_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    factor      TEXT NOT NULL,
    label       TEXT NOT NULL,
    value       REAL NOT NULL,
    weight      REAL NOT NULL,
    points      REAL NOT NULL,
    source      TEXT NOT NULL,
    evidence_on TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (supplier_id, position)
) WITHOUT ROWID;

CREATE TABLE risk_score_gaps (
    supplier_id TEXT NOT NULL REFERENCES risk_scores (supplier_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',
    message     TEXT NOT NULL,
    PRIMARY KEY (supplier_id, position)
) WITHOUT ROWID;
CREATE INDEX risk_score_gaps_kind ON risk_score_gaps (kind, supplier_id);

-- Score history: one row per evaluation that changed the score, tier, classification or methodology.
CREATE TABLE risk_score_history (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    supplier_id         TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    evaluated_at        TEXT NOT NULL,
    methodology_id      TEXT NOT NULL,
    methodology_version TEXT NOT NULL,
    score               REAL NOT NULL,
    tier                TEXT NOT NULL,
    classification      TEXT NOT NULL,
    zero_tolerance      INTEGER NOT NULL,
    coverage            REAL NOT NULL,
    confidence          REAL NOT NULL
);
CREATE INDEX risk_score_history_supplier ON risk_score_history (supplier_id, seq);
