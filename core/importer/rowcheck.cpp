#include "importer/rowcheck.h"

#include "importer/namematch.h"
#include "storage/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace vigil {

namespace {

// A stronger kind of match wins; between two fuzzy ones, the higher score.
bool better(const MatchResult& a, const MatchResult& b)
{
    if (a.kind == MatchKind::None)
        return false;
    if (b.kind == MatchKind::None)
        return true;
    if (a.kind != b.kind)
        return int(a.kind) < int(b.kind);
    return a.score > b.score;
}

} // namespace

RowChecker::RowChecker(const ColumnMapping& mapping, const QStringList& header, const QString& fileName)
    : m_mapping(mapping)
    , m_builder(mapping, header, fileName)
{
}

Status RowChecker::loadWorkspace(Database& db)
{
    MatchIndex index;
    if (Status st = index.addWorkspace(db); !st)
        return st;
    auto remembered = MatchDecisions(db).all();
    if (!remembered)
        return remembered.error();
    m_workspace = std::move(index);
    m_remembered = std::move(remembered).value();
    m_loaded = true;
    return {};
}

void RowChecker::addFileRow(qint64 row, const QStringList& cells)
{
    const BuiltRow b = m_builder.build(cells, row);
    if (b.isEmpty || !b.errors.isEmpty())
        return;
    const Supplier& s = b.record.supplier;
    MatchEntry e;
    e.core = namematch::coreName(s.name);
    e.country = MatchIndex::packCountry(s.country);
    e.addressKey = MatchIndex::addressKey(s.address);
    e.rowKey = row;
    e.vigilIdFromFile = !b.vigilId.isEmpty();
    m_file.add(e, b.record.identifiers, b.vigilId);
    m_fileNames.insert(row, s.name);
}

RowResult RowChecker::check(Database& db, const QStringList& cells, qint64 row, const ImportOptions& options) const
{
    const BuiltRow b = m_builder.build(cells, row);
    const Supplier& s = b.record.supplier;
    RowResult rr;
    rr.row = row;
    rr.name = s.name;
    rr.country = s.country;
    rr.errors = b.errors + b.warnings;
    rr.reasons = b.notes;
    if (b.isEmpty) {
        rr.status = RowStatus::Warning;
        rr.action = RowAction::Skip;
        rr.reasons << QStringLiteral("no mapped cell has a value: the import skips this row");
        return rr;
    }
    if (!b.errors.isEmpty()) {
        rr.status = RowStatus::Error;
        rr.action = RowAction::Skip;
        for (const Error& e : b.errors)
            rr.reasons << e.message;
        return rr;
    }
    for (const Error& w : b.warnings)
        rr.reasons << w.message;

    QSqlQuery byId(db.db());
    byId.prepare(QStringLiteral("SELECT rowid_ FROM suppliers WHERE id = ?"));
    auto rowKeyOf = [&](const QString& id) -> qint64 {
        byId.bindValue(0, id);
        return byId.exec() && byId.next() ? byId.value(0).toLongLong() : 0;
    };
    QSqlQuery byKey(db.db());
    byKey.prepare(QStringLiteral("SELECT id, name FROM suppliers WHERE rowid_ = ?"));
    auto idOf = [&](qint64 key, QString* name) -> QString {
        byKey.bindValue(0, key);
        if (!byKey.exec() || !byKey.next())
            return {};
        *name = byKey.value(1).toString();
        return byKey.value(0).toString();
    };

    const QString core = namematch::coreName(s.name);
    rr.recordKey = Importer::recordKeyOfCore(core, s.country, s.address);
    MatchQuery query{core, s.country, s.address, b.vigilId, b.record.identifiers, {}};
    qint64 sameTarget = 0;
    if (auto it = m_remembered.constFind(rr.recordKey); it != m_remembered.constEnd()) {
        for (const MatchDecisions::Decision& d : *it) {
            const qint64 k = rowKeyOf(d.supplierId);
            if (!k)
                continue;
            if (d.same)
                sameTarget = k;
            else
                query.excluded << k;
        }
    }
    bool skipByUser = false;
    bool userSaidNew = false;
    if (auto it = options.decisions.constFind(row); it != options.decisions.constEnd()) {
        if (it->kind == RowDecision::Kind::Skip) {
            skipByUser = true;
        } else if (const qint64 k = rowKeyOf(it->supplierId)) {
            if (it->kind == RowDecision::Kind::Same) {
                sameTarget = k;
            } else {
                query.excluded << k;
                userSaidNew = true;
            }
        }
    }

    MatchResult m;
    qint64 fileRow = 0; // the earlier row of the file matched, if the match is within the file
    if (sameTarget) {
        m = {MatchKind::Decision, -1, 1.0, QStringLiteral("remembered decision: same supplier")};
        rr.candidateId = idOf(sameTarget, &rr.candidateName);
    } else {
        m = m_workspace.find(query);
        // Within the file: only rows before this one are imported before it. Later rows (and this row's own
        // entry, from before the edit) are excluded and the index asked again.
        MatchQuery inFile = query;
        inFile.excluded.clear();
        MatchResult f;
        for (int attempt = 0; attempt < 8; ++attempt) {
            f = m_file.find(inFile);
            if (f.kind == MatchKind::None || m_file.rowKey(f.entry) < row)
                break;
            inFile.excluded << m_file.rowKey(f.entry);
            f = {};
        }
        if (better(f, m)) {
            m = f;
            fileRow = m_file.rowKey(f.entry);
            rr.candidateName = m_fileNames.value(fileRow);
            m.reason += QStringLiteral(" as row %1 of this file").arg(fileRow);
        } else if (m.kind != MatchKind::None) {
            rr.candidateId = idOf(m_workspace.rowKey(m.entry), &rr.candidateName);
        }
    }
    rr.matchKind = m.kind;
    rr.score = m.score;
    if (m.kind != MatchKind::None)
        rr.reasons.prepend(m.reason);
    if (skipByUser)
        rr.action = RowAction::Skip;
    else if (m.kind == MatchKind::None || userSaidNew)
        rr.action = RowAction::Add;
    else if (m.kind != MatchKind::Fuzzy || m.score >= namematch::kMergeThreshold)
        rr.action = RowAction::Merge;
    else if (options.possibleDuplicates == ImportOptions::Possible::AddAsNew)
        rr.action = RowAction::Add;
    else
        rr.action = RowAction::Hold;
    if (userSaidNew)
        rr.matchKind = MatchKind::None;
    // As Importer::run decides the status (its statusOf).
    if (rr.matchKind == MatchKind::Fuzzy && rr.score < namematch::kMergeThreshold)
        rr.status = RowStatus::PossibleDuplicate;
    else if (!b.warnings.isEmpty())
        rr.status = RowStatus::Warning;
    else if (rr.action == RowAction::Merge || rr.action == RowAction::Unchanged)
        rr.status = RowStatus::Matched;
    else
        rr.status = RowStatus::New;
    if (rr.action == RowAction::Hold)
        rr.reasons << QStringLiteral("held for review: confirm or reject the match");
    return rr;
}

Result<RowResult> checkRow(Database& db, const ColumnMapping& mapping, const QStringList& header,
                           const QString& fileName, const QStringList& cells, qint64 row, const ImportOptions& options)
{
    RowChecker checker(mapping, header, fileName);
    if (Status st = checker.loadWorkspace(db); !st)
        return st.error();
    return checker.check(db, cells, row, options);
}

} // namespace vigil
