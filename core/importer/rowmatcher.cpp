#include "importer/rowmatcher.h"

#include "importer/bulkwriter.h"

namespace vigil {

namespace {

RowStatus statusOf(const RowResult& r, bool warnings)
{
    if (r.action == RowAction::Skip && !r.errors.isEmpty() && r.status == RowStatus::Error)
        return RowStatus::Error;
    if (r.matchKind == MatchKind::Fuzzy && r.score < namematch::kMergeThreshold)
        return RowStatus::PossibleDuplicate;
    if (warnings)
        return RowStatus::Warning;
    if (r.action == RowAction::Merge || r.action == RowAction::Unchanged)
        return RowStatus::Matched;
    return RowStatus::New;
}

} // namespace

RowMatcher::RowMatcher(MatchIndex& index, const ImportOptions& options, const ResolvedDecisions& decisions,
                       qint64 nextKey, const QString& fileName)
    : m_index(index)
    , m_options(options)
    , m_decisions(decisions)
    , m_nextKey(nextKey)
    , m_fileName(fileName)
{
}

void RowMatcher::fail(MatchedRow& out)
{
    out.result.status = RowStatus::Error;
    out.result.action = RowAction::Skip;
    out.write = false;
    if (m_options.onError == ImportOptions::OnError::Abort)
        m_aborting = true;
}

MatchedRow RowMatcher::match(ReadRow&& row)
{
    MatchedRow out;
    out.in = std::move(row);
    BuiltRow& b = out.in.built;
    Supplier& s = b.record.supplier;
    RowResult& rr = out.result;
    rr.row = out.in.row;
    rr.name = s.name;
    rr.country = s.country;
    rr.errors = b.errors + b.warnings;
    rr.reasons = b.notes;
    if (!b.errors.isEmpty()) {
        for (const Error& e : b.errors)
            rr.reasons << e.message;
        fail(out);
        return out;
    }
    for (const Error& w : b.warnings)
        rr.reasons << w.message;
    rr.recordKey = out.in.recordKey;
    MatchQuery query{out.in.core, s.country, s.address, b.vigilId, b.record.identifiers, {}};
    qint64 sameTarget = 0;
    if (auto it = m_decisions.byRecordKey.constFind(rr.recordKey); it != m_decisions.byRecordKey.constEnd()) {
        for (const ResolvedDecisions::Remembered& d : *it) {
            if (d.same)
                sameTarget = d.key;
            else
                query.excluded << d.key;
        }
    }
    bool skipByUser = false;
    bool userSaidNew = false;
    if (auto it = m_options.decisions.constFind(rr.row); it != m_options.decisions.constEnd()) {
        const RowDecision& d = *it;
        if (d.kind == RowDecision::Kind::Skip) {
            skipByUser = true;
        } else if (const qint64 k = m_decisions.keyOfSupplier.value(d.supplierId)) {
            if (d.kind == RowDecision::Kind::Same) {
                sameTarget = k;
            } else {
                query.excluded << k;
                userSaidNew = true;
            }
            out.rememberDecision = true;
            out.decisionSame = d.kind == RowDecision::Kind::Same;
            out.decisionSupplierId = d.supplierId;
        }
    }
    MatchResult m;
    if (sameTarget) {
        m.kind = MatchKind::Decision;
        m.score = 1.0;
        m.reason = QStringLiteral("remembered decision: same supplier");
    } else {
        m = m_index.find(query, &out.in.name);
    }
    out.targetKey = sameTarget;
    if (m.kind != MatchKind::None && m.kind != MatchKind::Decision)
        out.targetKey = m_index.rowKey(m.entry);
    rr.matchKind = m.kind;
    rr.score = m.score;
    if (m.kind != MatchKind::None)
        rr.reasons.prepend(m.reason);
    if (skipByUser) {
        rr.action = RowAction::Skip;
    } else if (m.kind == MatchKind::None || userSaidNew) {
        rr.action = RowAction::Add;
    } else if (m.kind != MatchKind::Fuzzy || m.score >= namematch::kMergeThreshold) {
        rr.action = RowAction::Merge;
    } else if (m_options.possibleDuplicates == ImportOptions::Possible::AddAsNew) {
        rr.action = RowAction::Add;
    } else {
        rr.action = RowAction::Hold;
    }
    if (userSaidNew)
        rr.matchKind = MatchKind::None;
    rr.status = statusOf(rr, !b.warnings.isEmpty());
    if (rr.action == RowAction::Hold)
        rr.reasons << QStringLiteral("held for review: confirm or reject the match");
    out.write = !m_aborting;
    if (rr.action == RowAction::Add) {
        // The checks the bulk writer's statements skip (the tables' CHECK constraints): a row that fails them is an
        // error row, before it is given a row key or enters the index.
        if (Status st = BulkWriter::check(b.record); !st) {
            Error e = st.error();
            e.file = m_fileName;
            e.row = rr.row;
            rr.errors.prepend(e);
            rr.reasons << e.message;
            rr.supplierId.clear();
            fail(out);
            return out;
        }
        if (!out.write)
            return out;
        out.newKey = m_nextKey++;
        MatchEntry e;
        e.core = out.in.core;
        e.country = MatchIndex::packCountry(s.country);
        e.addressKey = MatchIndex::addressKey(s.address);
        e.rowKey = out.newKey;
        e.vigilIdFromFile = !b.vigilId.isEmpty();
        m_index.add(e, b.record.identifiers, b.vigilId, &out.in.name);
    } else if (rr.action == RowAction::Merge && out.write && m.entry >= 0) {
        m_index.addIdentifiers(m.entry, b.record.identifiers);
    }
    return out;
}

} // namespace vigil
