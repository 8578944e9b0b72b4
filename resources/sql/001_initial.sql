-- Vigil workspace schema, version 1.
-- Ids that must survive offline merges are UUIDs (TEXT). Timestamps are ISO 8601 UTC text.
-- Countries are ISO 3166-1 alpha-2.

CREATE TABLE workspace_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE suppliers (
    rowid_       INTEGER PRIMARY KEY,             -- stable integer key for paging and full-text search
    id           TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key     TEXT NOT NULL,                   -- case-folded, NFKC: sorting and exact matching
    other_names  TEXT NOT NULL DEFAULT '',        -- newline-separated
    country      TEXT NOT NULL CHECK (length(country) = 2),
    address      TEXT NOT NULL DEFAULT '',
    sector       TEXT NOT NULL DEFAULT '',
    products     TEXT NOT NULL DEFAULT '',        -- newline-separated
    tier         INTEGER NOT NULL DEFAULT 1 CHECK (tier BETWEEN 1 AND 9),
    annual_spend REAL CHECK (annual_spend IS NULL OR annual_spend >= 0),
    currency     TEXT NOT NULL DEFAULT '',
    workers_min  INTEGER CHECK (workers_min IS NULL OR workers_min >= 0),
    workers_max  INTEGER CHECK (workers_max IS NULL OR workers_max >= 0),
    migrant_share REAL CHECK (migrant_share IS NULL OR migrant_share BETWEEN 0 AND 1),
    female_share  REAL CHECK (female_share IS NULL OR female_share BETWEEN 0 AND 1),
    status       TEXT NOT NULL DEFAULT 'active'
                 CHECK (status IN ('active', 'onboarding', 'suspended', 'exited')),
    tags         TEXT NOT NULL DEFAULT '',        -- newline-separated; also in supplier_tags for filtering
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX suppliers_name_key ON suppliers (name_key);
CREATE INDEX suppliers_country_name ON suppliers (country, name_key);
CREATE INDEX suppliers_sector_name ON suppliers (sector, name_key);
CREATE INDEX suppliers_tier_name ON suppliers (tier, name_key);

-- Columns in primary-key order: SQLite 3.40's quick_check misreports NOT NULL columns of WITHOUT ROWID
-- tables whose key is in another order.
CREATE TABLE supplier_tags (
    tag            TEXT NOT NULL,
    supplier_rowid INTEGER NOT NULL REFERENCES suppliers (rowid_) ON DELETE CASCADE,
    PRIMARY KEY (tag, supplier_rowid)
) WITHOUT ROWID;
CREATE INDEX supplier_tags_supplier ON supplier_tags (supplier_rowid);

-- Full-text search over names in any script: trigram tokenizer matches substrings of 3+ characters.
CREATE VIRTUAL TABLE supplier_search USING fts5 (
    names, tokenize = 'trigram', detail = 'none'
);

CREATE TABLE sites (
    id          TEXT PRIMARY KEY CHECK (length(id) = 36),
    supplier_id TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    site_type   TEXT NOT NULL DEFAULT 'factory',
    address     TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT '',
    workers     INTEGER CHECK (workers IS NULL OR workers >= 0),
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sites_supplier ON sites (supplier_id);

CREATE TABLE identifiers (
    supplier_id TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    scheme      TEXT NOT NULL CHECK (scheme IN ('vendor_id', 'lei', 'duns', 'os_id', 'tax_id', 'other')),
    value       TEXT NOT NULL CHECK (length(value) > 0),
    PRIMARY KEY (supplier_id, scheme, value)
) WITHOUT ROWID;
CREATE INDEX identifiers_lookup ON identifiers (scheme, value);

CREATE TABLE recruiters (
    id             TEXT PRIMARY KEY CHECK (length(id) = 36),
    name           TEXT NOT NULL,
    country        TEXT NOT NULL DEFAULT '',
    licence_number TEXT NOT NULL DEFAULT '',
    licence_status TEXT NOT NULL DEFAULT 'unknown' CHECK (licence_status IN ('unknown', 'licensed', 'unlicensed')),
    address        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE supplier_recruiters (
    supplier_id         TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    recruiter_id        TEXT NOT NULL REFERENCES recruiters (id) ON DELETE RESTRICT,
    origin_country      TEXT NOT NULL DEFAULT '',
    destination_country TEXT NOT NULL DEFAULT '',
    workers_recruited   INTEGER,
    since               TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (supplier_id, recruiter_id, origin_country, destination_country)
) WITHOUT ROWID;
CREATE INDEX supplier_recruiters_recruiter ON supplier_recruiters (recruiter_id);

-- Append-only change log: what, when, who, old -> new.
CREATE TABLE change_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    who        TEXT NOT NULL,
    entity     TEXT NOT NULL,      -- 'supplier', 'site', 'identifier', 'recruiter_link', 'recruiter'
    entity_id  TEXT NOT NULL,      -- the supplier's UUID for supplier-owned rows
    action     TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    field      TEXT NOT NULL DEFAULT '',
    old_value  TEXT,
    new_value  TEXT,
    batch      TEXT NOT NULL DEFAULT ''   -- groups the entries of one operation (an edit, an import)
);
CREATE INDEX change_log_entity ON change_log (entity_id, seq);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;
