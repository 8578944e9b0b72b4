-- Schema 9: the workspace's choices for scoring (docs/methodology.md, section 4.1 and 2).
-- Which edition of each reference dataset family the scores use, and which methodology version is active.
-- Without a row, the defaults apply: the latest edition of each family, and the bundled methodology (or, for
-- workspaces from before this schema, the version the latest score was computed with when it was made with the
-- methodology editor).

-- One row per dataset family whose edition the user chose. The family is the dataset id without its
-- "_<edition>" suffix ("tip" for "tip_2024"); dataset_id names a dataset of risk_datasets or a bundled one (so no
-- foreign key). A choice whose dataset was removed is ignored (the latest edition is used again).
CREATE TABLE risk_dataset_choices (
    family     TEXT PRIMARY KEY CHECK (length(trim(family)) > 0),
    dataset_id TEXT NOT NULL CHECK (length(trim(dataset_id)) > 0),
    chosen_at  TEXT NOT NULL,
    chosen_by  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- The active methodology (at most one row). Its document is in risk_methodologies, unless it is the bundled one.
CREATE TABLE risk_active_methodology (
    slot                INTEGER PRIMARY KEY CHECK (slot = 1),
    methodology_id      TEXT NOT NULL CHECK (length(methodology_id) > 0),
    methodology_version TEXT NOT NULL CHECK (length(methodology_version) > 0),
    activated_at        TEXT NOT NULL,
    activated_by        TEXT NOT NULL DEFAULT ''
);
