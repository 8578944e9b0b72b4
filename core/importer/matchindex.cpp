#include "importer/matchindex.h"

#include "importer/namematch.h"
#include "storage/database.h"
#include "util/textkey.h"

#include <QHashFunctions>
#include <QSqlQuery>

#include <algorithm>
#include <optional>

namespace vigil {

namespace {

quint64 hash64(QStringView s, quint64 seed)
{
    // qHash is size_t: 64 bits on the platforms Vigil builds for. Two seeds make collisions negligible.
    const quint64 a = qHash(s, size_t(seed));
    const quint64 b = qHash(s, size_t(seed * 31 + 7));
    return a ^ (b << 1) ^ (b >> 63);
}

quint64 nameKey(quint32 country, const QString& core)
{
    return hash64(core, 0x9e3779b97f4a7c15ull ^ country);
}

struct BlockKeys
{
    quint64 keys[2];
    int count = 0;
    const quint64* begin() const { return keys; }
    const quint64* end() const { return keys + count; }
};

BlockKeys blockKeys(quint32 country, const QString& core, const QString& distinct)
{
    BlockKeys keys;
    keys.keys[keys.count++] = hash64(QStringView(core).left(3), 0xabcdefull ^ country);
    // Also the longest distinctive word ("The Siam Garment" and "Siam Garment Export" meet on "sia").
    QStringView longest;
    for (QStringView w : QStringView(distinct).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (w.size() > longest.size())
            longest = w;
    if (longest.size() >= 3 && !core.startsWith(longest.left(3)))
        keys.keys[keys.count++] = hash64(longest.left(3), 0xabcdefull ^ country);
    return keys;
}

} // namespace

QString toString(MatchKind k)
{
    switch (k) {
    case MatchKind::None:
        return QStringLiteral("none");
    case MatchKind::Decision:
        return QStringLiteral("decision");
    case MatchKind::VigilId:
        return QStringLiteral("vigil_id");
    case MatchKind::Identifier:
        return QStringLiteral("identifier");
    case MatchKind::ExactName:
        return QStringLiteral("name");
    case MatchKind::Fuzzy:
        return QStringLiteral("fuzzy");
    }
    return {};
}

quint32 MatchIndex::packCountry(const QString& alpha2)
{
    if (alpha2.size() != 2)
        return 0;
    return (quint32(alpha2.at(0).unicode()) << 16) | alpha2.at(1).unicode();
}

quint64 MatchIndex::addressKey(const QString& address)
{
    const QString k = looseKey(address);
    return k.isEmpty() ? 0 : (hash64(k, 0x5151) | 1);
}

QString MatchIndex::identifierKey(const Identifier& id)
{
    QString v = id.value.trimmed().toUpper();
    v.remove(QLatin1Char(' '));
    if (id.scheme == IdentifierScheme::Duns || id.scheme == IdentifierScheme::Lei)
        v.remove(QLatin1Char('-'));
    return toString(id.scheme) + QLatin1Char(':') + v;
}

QString MatchIndex::coreOf(const Stored& s) const
{
    return QString::fromRawData(reinterpret_cast<const QChar*>(m_chunks[s.chunk].get() + s.offset),
                                qsizetype(s.length));
}

MatchEntry MatchIndex::entry(int i) const
{
    const Stored& s = m_entries.at(size_t(i));
    MatchEntry e;
    e.core = QString(coreOf(s).constData(), qsizetype(s.length)); // a real copy, safe to keep
    e.country = s.country;
    e.addressKey = s.addressKey;
    e.rowKey = s.rowKey;
    e.vigilIdFromFile = s.vigilIdFromFile;
    return e;
}

Status MatchIndex::addWorkspace(Database& db)
{
    QSqlQuery q(db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT rowid_, id, name, country, address FROM suppliers ORDER BY rowid_")))
        return Database::queryError(QStringLiteral("The suppliers could not be read for matching."), q);
    QHash<qint64, int> entryOf;
    while (q.next()) {
        MatchEntry e;
        e.rowKey = q.value(0).toLongLong();
        e.core = namematch::coreName(q.value(2).toString());
        e.country = packCountry(q.value(3).toString());
        e.addressKey = addressKey(q.value(4).toString());
        entryOf.insert(e.rowKey, add(e, {}, q.value(1).toString()));
    }
    if (!q.exec(QStringLiteral("SELECT s.rowid_, i.scheme, i.value FROM identifiers i JOIN suppliers s ON "
                               "s.id = i.supplier_id")))
        return Database::queryError(QStringLiteral("The identifiers could not be read for matching."), q);
    while (q.next()) {
        const auto scheme = identifierSchemeFromString(q.value(1).toString());
        const auto entry = entryOf.constFind(q.value(0).toLongLong());
        if (scheme && entry != entryOf.constEnd())
            addIdentifiers(*entry, {{*scheme, q.value(2).toString()}});
    }
    return {};
}

int MatchIndex::add(const MatchEntry& e, const QList<Identifier>& identifiers, const QString& vigilId,
                    const namematch::PreparedName* prepared)
{
    const int index = int(m_entries.size());
    const quint32 length = quint32(std::min<qsizetype>(e.core.size(), kChunkChars));
    if (m_chunkUsed + length > kChunkChars) {
        m_chunks.push_back(std::make_unique<char16_t[]>(kChunkChars));
        m_chunkUsed = 0;
    }
    Stored st;
    st.rowKey = e.rowKey;
    st.addressKey = e.addressKey;
    st.country = e.country;
    st.chunk = quint32(m_chunks.size() - 1);
    st.offset = m_chunkUsed;
    st.length = length;
    st.vigilIdFromFile = e.vigilIdFromFile && !vigilId.isEmpty();
    std::copy(e.core.utf16(), e.core.utf16() + length, m_chunks.back().get() + m_chunkUsed);
    m_chunkUsed += length;
    m_entries.push_back(st);
    m_names.emplace(nameKey(e.country, e.core), index);
    const bool usable = prepared && prepared->core == e.core;
    for (quint64 k : blockKeys(e.country, e.core, usable ? prepared->distinct : namematch::distinctivePart(e.core)))
        m_blocks[k].push_back(index);
    if (usable)
        remember(index, *prepared);
    addIdentifiers(index, identifiers);
    if (!vigilId.isEmpty())
        m_vigilIds.emplace(hash64(vigilId, 77), index);
    return index;
}

void MatchIndex::remember(int index, const namematch::PreparedName& p)
{
    if (m_recent.empty())
        m_recent.resize(kRecent);
    Recent& r = m_recent[size_t(index % kRecent)];
    r.entry = index;
    r.distinctIsCore = p.distinct == p.core;
    r.distinctLength = r.distinctIsCore ? 0 : int(p.distinct.size());
    r.digitsLength = int(p.digits.size());
    r.text.clear();
    if (!r.distinctIsCore)
        r.text.append(reinterpret_cast<const char16_t*>(p.distinct.utf16()), size_t(r.distinctLength));
    r.text.append(reinterpret_cast<const char16_t*>(p.digits.utf16()), size_t(r.digitsLength));
    r.trigramCount = int(p.trigrams.size());
    r.trigrams.assign(p.trigrams.begin(), p.trigrams.end());
    if (!r.distinctIsCore)
        r.trigrams.insert(r.trigrams.end(), p.distinctTrigrams.begin(), p.distinctTrigrams.end());
}

void MatchIndex::addIdentifiers(int index, const QList<Identifier>& identifiers)
{
    for (const Identifier& id : identifiers)
        if (!id.value.trimmed().isEmpty())
            m_identifiers.emplace(hash64(identifierKey(id), 13), index);
}

MatchResult MatchIndex::find(const MatchQuery& q, const namematch::PreparedName* prepared) const
{
    MatchResult r;
    auto userExcluded
        = [&](int i) { return !q.excluded.isEmpty() && q.excluded.contains(m_entries[size_t(i)].rowKey); };
    if (!q.vigilId.isEmpty()) {
        if (auto it = m_vigilIds.find(hash64(q.vigilId, 77)); it != m_vigilIds.end() && !userExcluded(it->second))
            return {MatchKind::VigilId, it->second, 1.0, QStringLiteral("same Vigil id")};
    }
    // Past this point an entry of the same export (with its own Vigil id, so another one) is another supplier.
    const bool hasVigilId = !q.vigilId.isEmpty();
    auto excluded = [&](int i) { return (hasVigilId && m_entries[size_t(i)].vigilIdFromFile) || userExcluded(i); };
    for (const Identifier& id : q.identifiers) {
        if (auto it = m_identifiers.find(hash64(identifierKey(id), 13));
            it != m_identifiers.end() && !excluded(it->second))
            return {MatchKind::Identifier, it->second, 1.0,
                    QStringLiteral("same %1 %2").arg(displayName(id.scheme), id.value.trimmed())};
    }
    const quint32 country = packCountry(q.country);
    const quint64 address = q.address.isEmpty() ? 0 : addressKey(q.address);
    // Exact core name in the same country.
    int otherAddress = -1;
    auto range = m_names.equal_range(nameKey(country, q.core));
    for (auto it = range.first; it != range.second; ++it) {
        const Stored& e = m_entries[size_t(it->second)];
        if (e.country != country || coreOf(e) != q.core || excluded(it->second))
            continue;
        if (address == 0 || e.addressKey == 0 || e.addressKey == address)
            return {MatchKind::ExactName, it->second, 1.0, QStringLiteral("same name and country")};
        if (otherAddress < 0)
            otherAddress = it->second;
    }
    if (otherAddress >= 0)
        r = {MatchKind::Fuzzy, otherAddress, 0.75, QStringLiteral("same name and country, another address")};
    // Fuzzy: the same blocks, most recent first.
    const int len = q.core.size();
    std::optional<namematch::PreparedName> own;
    if (!prepared || prepared->core != q.core)
        own = namematch::prepare(q.core);
    const namematch::PreparedName& query = own ? *own : *prepared;
    const namematch::NameView queryView = namematch::view(query);
    for (quint64 k : blockKeys(country, q.core, query.distinct)) {
        auto it = m_blocks.find(k);
        if (it == m_blocks.end())
            continue;
        const std::vector<int>& list = it->second;
        int scanned = 0;
        for (auto e = list.rbegin(); e != list.rend() && scanned < kMaxBlockScan; ++e) {
            const Stored& stored = m_entries[size_t(*e)];
            if (stored.country != country || excluded(*e))
                continue;
            const QString core = coreOf(stored);
            if (core == q.core)
                continue; // the same core name was decided above, by address
            ++scanned;
            const int other = int(core.size());
            if (std::min(len, other) * 2 < std::max(len, other))
                continue; // too different in length to reach the review threshold
            const double floor = std::max(namematch::kReviewThreshold, r.score);
            const Recent* recent = m_recent.empty() ? nullptr : &m_recent[size_t(*e % kRecent)];
            double s = 0;
            if (recent && recent->entry == *e) {
                namematch::NameView b;
                b.core = core;
                const QStringView text(recent->text.data(), qsizetype(recent->text.size()));
                b.distinct = recent->distinctIsCore ? QStringView(core) : text.left(recent->distinctLength);
                b.digits = text.mid(recent->distinctLength, recent->digitsLength);
                b.trigrams = recent->trigrams.data();
                b.trigramCount = recent->trigramCount;
                b.distinctTrigrams = recent->distinctIsCore ? b.trigrams : b.trigrams + recent->trigramCount;
                b.distinctTrigramCount
                    = recent->distinctIsCore ? b.trigramCount : int(recent->trigrams.size()) - recent->trigramCount;
                s = namematch::similarityAtLeast(queryView, b, floor);
            } else {
                s = namematch::similarityAtLeast(query, core, floor);
            }
            if (s >= namematch::kReviewThreshold && s > r.score)
                r = {MatchKind::Fuzzy, *e, s,
                     QStringLiteral("similar name in the same country (%1%)").arg(qRound(s * 100))};
        }
    }
    return r;
}

} // namespace vigil
