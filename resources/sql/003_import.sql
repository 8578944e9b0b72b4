-- Vigil workspace schema, version 3: imports of supplier lists (CSV, XLSX).
-- An import is one batch: its change-log entries carry the batch id, and it can be undone as a whole.

CREATE TABLE import_batches (
    id           TEXT PRIMARY KEY CHECK (length(id) = 36), -- also change_log.batch of every change it made
    file_name    TEXT NOT NULL,
    file_path    TEXT NOT NULL DEFAULT '',
    file_size    INTEGER NOT NULL DEFAULT 0,
    sha256       TEXT NOT NULL,
    format       TEXT NOT NULL DEFAULT '',                 -- csv, xlsx
    sheet        TEXT NOT NULL DEFAULT '',
    header_row   INTEGER NOT NULL DEFAULT 1,
    started_at   TEXT NOT NULL,
    finished_at  TEXT NOT NULL,
    who          TEXT NOT NULL,
    mapping      TEXT NOT NULL,                            -- JSON: {"columns": ["name", "country", "", ...]}
    profile      TEXT NOT NULL DEFAULT '',                 -- the mapping profile used, if any
    rows_read    INTEGER NOT NULL DEFAULT 0,
    rows_new     INTEGER NOT NULL DEFAULT 0,
    rows_matched INTEGER NOT NULL DEFAULT 0,
    rows_possible_duplicate INTEGER NOT NULL DEFAULT 0,
    rows_warning INTEGER NOT NULL DEFAULT 0,
    rows_error   INTEGER NOT NULL DEFAULT 0,
    added        INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    held         INTEGER NOT NULL DEFAULT 0,               -- possible duplicates left for review
    skipped      INTEGER NOT NULL DEFAULT 0,               -- rows with errors, or skipped by the user
    undone_at    TEXT,                                     -- set when the import was undone
    undo_batch   TEXT                                      -- change_log.batch of the undo
);
CREATE INDEX import_batches_started ON import_batches (started_at);

-- What an import changed in suppliers that existed before it: their whole record as it was (JSON), so that
-- undo restores it. Suppliers an import added are found through change_log (batch, 'create').
CREATE TABLE import_before_images (
    batch_id    TEXT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    supplier_id TEXT NOT NULL,
    before      TEXT NOT NULL,
    PRIMARY KEY (batch_id, supplier_id)
) WITHOUT ROWID;

-- Named column mappings, applied again to a file whose header has the same signature.
CREATE TABLE mapping_profiles (
    name             TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
    header_signature TEXT NOT NULL,
    header           TEXT NOT NULL,                        -- JSON array of the header cells, for display
    mapping          TEXT NOT NULL,                        -- JSON, as import_batches.mapping
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX mapping_profiles_signature ON mapping_profiles (header_signature, updated_at);

-- Every "same supplier" / "different supplier" decision about an imported record, applied again to the same
-- record in later imports. record_key identifies the record (country, core name, address).
CREATE TABLE match_decisions (
    record_key  TEXT NOT NULL,
    supplier_id TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('same', 'different')),
    decided_at  TEXT NOT NULL,
    who         TEXT NOT NULL,
    PRIMARY KEY (record_key, supplier_id)
) WITHOUT ROWID;
