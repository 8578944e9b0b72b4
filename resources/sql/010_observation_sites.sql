-- Schema 10: an observation keeps the site it was recorded at when that site is removed from its supplier.
--
-- risk_observations.site_id referenced sites ON DELETE SET NULL: removing a site from a supplier (an edit, or the
-- undo of an import that added it) set the site of its observations to NULL, and undoing the removal (the site comes
-- back with the same id) could not give it back. The observations then counted as seen at the supplier as a whole,
-- which changes the risk engine's "same site" rule. site_id is now plain text, as corrective_actions.site_id
-- (schema 8): NULL is still the supplier as a whole; an id that names no site is a site removed from the supplier,
-- and the observation is still about that former site (readers resolve it with a LEFT JOIN and show it as removed).
-- Deleting a supplier still deletes its observations (supplier_id ON DELETE CASCADE).
--
-- SQLite cannot drop a foreign key in place, so the table is rebuilt as https://www.sqlite.org/lang_altertable.html
-- (section "Making Other Kinds Of Table Schema Changes") describes, within the one transaction that runs every
-- migration (core/storage/database.cpp). Step 1, switching foreign_keys off, cannot be done inside a transaction,
-- and is not needed here: no table references risk_observations (corrective_actions.observation_id is plain text),
-- and no trigger or view names it (steps 3, 8 and 9: only its two indexes are made again, as schema 2 made them).
-- With foreign_keys on, the copy is checked row by row against suppliers; an observation of a supplier that is not
-- in the workspace (only possible if something wrote with foreign keys off) stops the upgrade with a message first,
-- and step 10's foreign_key_check runs on the rebuilt table at the end. Both checks fail through a temporary
-- trigger, as a migration script cannot otherwise stop on the result of a query.

CREATE TEMP TABLE migration_010_check (problems INTEGER NOT NULL);
CREATE TEMP TRIGGER migration_010_check_fails BEFORE INSERT ON migration_010_check WHEN NEW.problems > 0
BEGIN
    SELECT RAISE(ABORT, 'Some observations belong to a supplier missing from the workspace (see vigil-cli check).');

END;
INSERT INTO migration_010_check
SELECT count(*) FROM pragma_foreign_key_check('risk_observations') WHERE parent = 'suppliers';

CREATE TABLE risk_observations_new (
    id          TEXT PRIMARY KEY CHECK (length(id) = 36),
    supplier_id TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    site_id     TEXT,                                          -- NULL: the supplier as a whole; a removed site's id
                                                               -- stays (no foreign key)
    indicator   TEXT NOT NULL CHECK (length(indicator) > 0),   -- an indicator id of the methodology
    status      TEXT NOT NULL CHECK (status IN ('present', 'absent', 'not_assessed')),
    source_type TEXT NOT NULL CHECK (length(source_type) > 0), -- worker_interview, audit, self_assessment ...
    observed_on TEXT NOT NULL DEFAULT '',                      -- YYYY-MM-DD, '' when undated
    confidence  REAL NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL DEFAULT ''
);

-- Every row as it was, with its rowid.
INSERT INTO risk_observations_new (rowid, id, supplier_id, site_id, indicator, status, source_type, observed_on,
                                   confidence, note, created_at, created_by)
SELECT rowid, id, supplier_id, site_id, indicator, status, source_type, observed_on, confidence, note, created_at,
       created_by
FROM risk_observations;

DROP TABLE risk_observations;
ALTER TABLE risk_observations_new RENAME TO risk_observations;

CREATE INDEX risk_observations_supplier ON risk_observations (supplier_id, indicator);
CREATE INDEX risk_observations_site ON risk_observations (site_id);

-- Step 10.
INSERT INTO migration_010_check SELECT count(*) FROM pragma_foreign_key_check('risk_observations');
DROP TABLE migration_010_check;
