-- Schema 7: compact score explanations, and the basis of every score (methodology version AND datasets).
--
-- A scoring basis: the methodology version and the reference datasets (id, name, edition) a score was computed
-- with. Every latest score and every history line names one, so the history shows why a score moved (methodology
-- version changed, dataset edition changed, evidence changed). datasets is a JSON array sorted by id; '' means
-- "not recorded" (scores made before schema 7).
CREATE TABLE risk_score_basis (
    id                  INTEGER PRIMARY KEY,
    methodology_id      TEXT NOT NULL,
    methodology_version TEXT NOT NULL,
    datasets            TEXT NOT NULL,
    first_used_at       TEXT NOT NULL,
    UNIQUE (methodology_id, methodology_version, datasets)
);

-- Parts of explanations shared by many suppliers, stored once and named by a 64-bit content key: the inherent-risk
-- contributions and gaps (the same for every supplier of a country x sector x goods), and the list of indicators
-- not assessed. A million suppliers' explanations would otherwise repeat the same text a million times.
CREATE TABLE risk_score_parts (
    key  INTEGER PRIMARY KEY,
    data BLOB NOT NULL
);

ALTER TABLE risk_scores ADD COLUMN basis_id INTEGER REFERENCES risk_score_basis (id);
ALTER TABLE risk_scores ADD COLUMN context_part INTEGER;   -- risk_score_parts.key, or NULL
ALTER TABLE risk_scores ADD COLUMN gaps_part INTEGER;      -- risk_score_parts.key, or NULL
ALTER TABLE risk_scores ADD COLUMN explanation BLOB;       -- the supplier's own contributions and gaps (binary),
                                                           -- or a JSON object for scores migrated from schema 6
ALTER TABLE risk_score_history ADD COLUMN basis_id INTEGER REFERENCES risk_score_basis (id);
ALTER TABLE risk_score_history ADD COLUMN input_hash TEXT NOT NULL DEFAULT '';  -- digest of the engine's input

-- Existing scores and history: their methodology is known, their datasets were not recorded.
INSERT INTO risk_score_basis (methodology_id, methodology_version, datasets, first_used_at)
SELECT methodology_id, methodology_version, '', min(evaluated_at)
FROM (SELECT methodology_id, methodology_version, evaluated_at FROM risk_score_history
      UNION ALL SELECT methodology_id, methodology_version, evaluated_at FROM risk_scores)
GROUP BY methodology_id, methodology_version;

UPDATE risk_score_history SET basis_id = (
    SELECT b.id FROM risk_score_basis b WHERE b.methodology_id = risk_score_history.methodology_id
        AND b.methodology_version = risk_score_history.methodology_version AND b.datasets = '');

-- The explanation rows become one JSON object per score (read by RiskRepository::latestScore); result_hash is
-- cleared so that the next scoring compares with the last history line instead.
UPDATE risk_scores SET
    basis_id = (SELECT b.id FROM risk_score_basis b WHERE b.methodology_id = risk_scores.methodology_id
                    AND b.methodology_version = risk_scores.methodology_version AND b.datasets = ''),
    explanation = json_object(
        'contributions', (SELECT json_group_array(json_array(factor, label, value, weight, points, source,
                                                             evidence_on))
                          FROM (SELECT * FROM risk_score_contributions c
                                WHERE c.supplier_id = risk_scores.supplier_id ORDER BY position)),
        'gaps', (SELECT json_group_array(json_array(kind, subject, message))
                 FROM (SELECT * FROM risk_score_gaps g WHERE g.supplier_id = risk_scores.supplier_id
                       ORDER BY position))),
    result_hash = '';

DROP TABLE risk_score_gaps;
DROP TABLE risk_score_contributions;

-- Nothing reads scores by (tier, score) (the register filters by supplier id), and keeping that index costs a random
-- index update per supplier when a million are rescored.
DROP INDEX risk_scores_tier;
