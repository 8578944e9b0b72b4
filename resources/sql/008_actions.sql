-- Schema 8: the remediation cycle (docs/reports.md): corrective actions, the recruitment-fee ledger and trainings.
-- Every row is written by core/actions/actionrepository.cpp in one transaction with its change-log entries
-- (entity 'corrective_action', 'fee_entry', 'training'; entity_id the supplier's UUID, or the training's own id
-- for internal trainings).
--
-- Site, observation and recruiter ids are kept as text without a foreign key: saving a supplier rewrites its sites
-- (same ids), and undoing the removal of an observation puts it back with the same id, so a cascading SET NULL would
-- lose the link. Readers resolve them with LEFT JOINs and show a removed one as such.

-- A corrective action agreed with a supplier: what finding it answers, who owns it, when it is due, how it closed.
CREATE TABLE corrective_actions (
    id                TEXT PRIMARY KEY CHECK (length(id) = 36),
    supplier_id       TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    site_id           TEXT NOT NULL DEFAULT '',                  -- '' = the supplier as a whole
    observation_id    TEXT NOT NULL DEFAULT '',                  -- the risk_observations row it answers, if any
    indicator         TEXT NOT NULL DEFAULT '',                  -- the indicator id it answers, if any
    description       TEXT NOT NULL CHECK (length(trim(description)) > 0),
    owner             TEXT NOT NULL DEFAULT '',                  -- who is responsible (a role or a staff name)
    opened_on         TEXT NOT NULL CHECK (length(opened_on) = 10),  -- YYYY-MM-DD
    due_on            TEXT NOT NULL DEFAULT '',                  -- YYYY-MM-DD, '' when no date was agreed
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed_verified',
                                                                     'closed_not_verified', 'cancelled')),
    closed_on         TEXT NOT NULL DEFAULT '',                  -- YYYY-MM-DD for closed and cancelled actions
    verification_note TEXT NOT NULL DEFAULT '',                  -- how the closure was verified (never in reports)
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (due_on = '' OR due_on >= opened_on),
    CHECK (closed_on = '' OR closed_on >= opened_on)
);
CREATE INDEX corrective_actions_supplier ON corrective_actions (supplier_id, opened_on);
CREATE INDEX corrective_actions_status ON corrective_actions (status, due_on);

-- Recruitment fees and related costs paid by a GROUP of workers (never one named worker), and what was paid back
-- (Employer Pays Principle). Amounts are totals for the group, in one currency.
CREATE TABLE recruitment_fees (
    id                  TEXT PRIMARY KEY CHECK (length(id) = 36),
    supplier_id         TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    recruiter_id        TEXT NOT NULL DEFAULT '',                -- recruiters.id, '' when not known
    origin_country      TEXT NOT NULL DEFAULT '',                -- the corridor, ISO 3166-1 alpha-2
    destination_country TEXT NOT NULL DEFAULT '',
    worker_group        TEXT NOT NULL DEFAULT '',                -- e.g. "2025 intake, processing line 2"
    workers             INTEGER CHECK (workers IS NULL OR workers > 0),
    paid_amount         REAL NOT NULL CHECK (paid_amount >= 0),
    reimbursed_amount   REAL NOT NULL DEFAULT 0 CHECK (reimbursed_amount >= 0),
    currency            TEXT NOT NULL CHECK (length(currency) = 3),
    recorded_on         TEXT NOT NULL CHECK (length(recorded_on) = 10),
    evidence_source     TEXT NOT NULL DEFAULT '',                -- a source type of the methodology (audit ...)
    note                TEXT NOT NULL DEFAULT '',                -- required when more was reimbursed than paid
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CHECK (workers IS NOT NULL OR length(trim(worker_group)) > 0),
    CHECK (reimbursed_amount <= paid_amount OR length(trim(note)) > 0)
);
CREATE INDEX recruitment_fees_supplier ON recruitment_fees (supplier_id, recorded_on);

-- Trainings on forced labour and responsible recruitment, for staff, suppliers or recruiters.
CREATE TABLE trainings (
    id           TEXT PRIMARY KEY CHECK (length(id) = 36),
    supplier_id  TEXT REFERENCES suppliers (id) ON DELETE CASCADE,  -- NULL: an internal training
    topic        TEXT NOT NULL CHECK (length(trim(topic)) > 0),
    held_on      TEXT NOT NULL CHECK (length(held_on) = 10),
    participants INTEGER NOT NULL CHECK (participants >= 0),
    audience     TEXT NOT NULL CHECK (audience IN ('staff', 'suppliers', 'recruiters')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX trainings_held ON trainings (held_on);
CREATE INDEX trainings_supplier ON trainings (supplier_id);
