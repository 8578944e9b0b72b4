-- Vigil workspace schema, version 4: the texts of modern slavery statements (docs/reports.md).
-- Vigil fills each section of a statement from the workspace; what only the company can write (its policies,
-- its board's approval, its own account of effectiveness) is kept here, per law and section, and edited in the
-- GUI's statement editor or set with `vigil-cli report --set-text`.

CREATE TABLE statement_texts (
    jurisdiction TEXT NOT NULL CHECK (jurisdiction IN ('all', 'uk', 'au', 'ca', 'de', 'eu')),
    section      TEXT NOT NULL CHECK (length(trim(section)) > 0),  -- a section id of the statement template
    body         TEXT NOT NULL,                                    -- plain text; blank lines separate paragraphs
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (jurisdiction, section)
) WITHOUT ROWID;
