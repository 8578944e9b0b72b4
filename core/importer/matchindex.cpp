#include "importer/matchindex.h"

#include "importer/namematch.h"
#include "storage/database.h"
#include "util/textkey.h"

#include <QHashFunctions>
#include <QSqlQuery>

#include <algorithm>
#include <cstring>
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

// A fast 64-bit hash of UTF-16 text for the keys of names and blocks (they live only in memory): four characters
// at a time, a multiply-rotate round each, the finaliser of splitmix64.
quint64 fastHash(QStringView s, quint64 seed)
{
    const char16_t* d = reinterpret_cast<const char16_t*>(s.data());
    const qsizetype n = s.size();
    quint64 h = seed ^ (quint64(n) * 0x9e3779b97f4a7c15ull);
    qsizetype i = 0;
    for (; i + 4 <= n; i += 4) {
        quint64 w;
        std::memcpy(&w, d + i, 8);
        h = (h ^ (w * 0xbf58476d1ce4e5b9ull)) * 0x94d049bb133111ebull;
        h = (h << 31) | (h >> 33);
    }
    quint64 w = 0;
    for (qsizetype k = 0; i + k < n; ++k)
        w |= quint64(d[i + k]) << (16 * k);
    h = (h ^ (w * 0xbf58476d1ce4e5b9ull)) * 0x94d049bb133111ebull;
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h;
}

quint64 nameKey(quint32 country, QStringView core)
{
    return fastHash(core, 0x9e3779b97f4a7c15ull ^ country);
}

// hash64(identifierKey(id), 13) without building the key's strings when the value is ASCII.
quint64 identifierHash(const Identifier& id)
{
    const QString& value = id.value;
    QVarLengthArray<QChar, 64> key;
    for (QChar c : toString(id.scheme))
        key.append(c);
    key.append(QLatin1Char(':'));
    qsizetype begin = 0, end = value.size();
    auto space = [](char16_t u) { return u == ' ' || (u >= 9 && u <= 13); };
    while (begin < end && space(value.at(begin).unicode()))
        ++begin;
    while (end > begin && space(value.at(end - 1).unicode()))
        --end;
    const bool dashes = id.scheme == IdentifierScheme::Duns || id.scheme == IdentifierScheme::Lei;
    for (qsizetype i = begin; i < end; ++i) {
        char16_t u = value.at(i).unicode();
        if (u >= 0x80)
            return hash64(MatchIndex::identifierKey(id), 13); // Unicode case and spaces: the general way
        if (u >= 'a' && u <= 'z')
            u = char16_t(u - 'a' + 'A');
        if (u == ' ' || (dashes && u == '-'))
            continue;
        key.append(QChar(u));
    }
    return hash64(QStringView(key.constData(), key.size()), 13);
}

struct BlockKeys
{
    quint64 keys[2];
    int count = 0;
    const quint64* begin() const { return keys; }
    const quint64* end() const { return keys + count; }
};

BlockKeys blockKeys(quint32 country, QStringView core, QStringView distinct)
{
    BlockKeys keys;
    keys.keys[keys.count++] = fastHash(core.left(3), 0xabcdefull ^ country);
    // Also the longest distinctive word ("The Siam Garment" and "Siam Garment Export" meet on "sia").
    QStringView longest;
    for (QStringView w : distinct.tokenize(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (w.size() > longest.size())
            longest = w;
    if (longest.size() >= 3 && !core.startsWith(longest.left(3)))
        keys.keys[keys.count++] = fastHash(longest.left(3), 0xabcdefull ^ country);
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
    const QString k = namematch::fastLooseKey(address);
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

// --- KeyTable --------------------------------------------------------------------------------------------------

size_t MatchIndex::KeyTable::position(quint64 key) const
{
    return size_t((key ^ (key >> 29)) * 0x9e3779b97f4a7c15ull >> 7) & (m_keys.size() - 1);
}

qint32 MatchIndex::KeyTable::find(quint64 key) const
{
    if (m_keys.empty())
        return -1;
    for (size_t i = position(key);; i = (i + 1) & (m_keys.size() - 1)) {
        if (m_values[i] < 0)
            return -1;
        if (m_keys[i] == key)
            return m_values[i];
    }
}

void MatchIndex::KeyTable::insert(quint64 key, qint32 value, bool overwrite)
{
    if ((m_size + 1) * 4 > m_keys.size() * 3)
        grow();
    for (size_t i = position(key);; i = (i + 1) & (m_keys.size() - 1)) {
        if (m_values[i] < 0) {
            m_keys[i] = key;
            m_values[i] = value;
            ++m_size;
            return;
        }
        if (m_keys[i] == key) {
            if (overwrite)
                m_values[i] = value;
            return;
        }
    }
}

void MatchIndex::KeyTable::grow()
{
    std::vector<quint64> keys = std::move(m_keys);
    std::vector<qint32> values = std::move(m_values);
    const size_t capacity = std::max<size_t>(16, keys.size() * 2);
    m_keys.assign(capacity, 0);
    m_values.assign(capacity, -1);
    m_size = 0;
    for (size_t i = 0; i < keys.size(); ++i)
        if (values[i] >= 0)
            insert(keys[i], values[i], false);
}

// --- Core names ---------------------------------------------------------------------------------------------------

QStringView MatchIndex::coreOf(int i, QVarLengthArray<QChar, 128>& buffer) const
{
    const Stored& s = m_entries[size_t(i)];
    const char* p = m_chunks[m_keys[size_t(i)].chunk].get() + s.offset;
    if (!s.latin1)
        return QStringView(reinterpret_cast<const QChar*>(p), qsizetype(s.length));
    buffer.resize(qsizetype(s.length));
    for (quint32 k = 0; k < s.length; ++k)
        buffer[k] = QLatin1Char(p[k]);
    return QStringView(buffer.constData(), buffer.size());
}

bool MatchIndex::sameCore(int i, QStringView core) const
{
    const Stored& s = m_entries[size_t(i)];
    if (s.length != quint32(core.size()))
        return false;
    const char* p = m_chunks[m_keys[size_t(i)].chunk].get() + s.offset;
    if (!s.latin1)
        return QStringView(reinterpret_cast<const QChar*>(p), qsizetype(s.length)) == core;
    for (quint32 k = 0; k < s.length; ++k)
        if (core[k].unicode() != uchar(p[k]))
            return false;
    return true;
}

MatchEntry MatchIndex::entry(int i) const
{
    QVarLengthArray<QChar, 128> buffer;
    const Stored& s = m_entries.at(size_t(i));
    MatchEntry e;
    e.core = coreOf(i, buffer).toString(); // a real copy, safe to keep
    e.country = s.country;
    e.addressKey = m_keys[size_t(i)].addressKey;
    e.rowKey = m_keys[size_t(i)].rowKey;
    e.vigilIdFromFile = s.vigilIdFromFile;
    return e;
}

int MatchIndex::sameNameHead(quint32 country, QStringView core, quint64 key) const
{
    if (m_names.empty())
        return -1;
    const quint64 tag = key >> 32;
    const size_t mask = m_names.size() - 1;
    for (size_t i = size_t(key >> 32) & mask; m_names[i] != 0; i = (i + 1) & mask) {
        if ((m_names[i] >> 32) != tag)
            continue;
        const int head = int(quint32(m_names[i])) - 1;
        if (m_entries[size_t(head)].country == country && sameCore(head, core))
            return head;
    }
    return -1;
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
    std::optional<namematch::PreparedName> own;
    if (!prepared || prepared->core != e.core)
        own = namematch::prepare(e.core);
    const namematch::PreparedName& name = own ? *own : *prepared;
    const namematch::NameSketch sketch = namematch::sketch(name);

    // The core name, one byte a character when it is all Latin-1.
    const QString& core = e.core;
    bool latin1 = true;
    for (QChar c : core)
        latin1 = latin1 && c.unicode() < 0x100;
    const size_t bytes = size_t(core.size()) * (latin1 ? 1 : 2);
    m_chunkUsed = (m_chunkUsed + 1) & ~size_t(1); // UTF-16 text at even offsets
    if (m_chunkUsed + bytes > m_chunkSize) {
        m_chunkSize = std::max(kChunkBytes, bytes); // a name longer than a chunk has a chunk of its own
        m_chunks.push_back(std::make_unique<char[]>(m_chunkSize));
        m_chunkUsed = 0;
    }
    char* text = m_chunks.back().get() + m_chunkUsed;
    if (latin1) {
        for (qsizetype k = 0; k < core.size(); ++k)
            text[k] = char(core.at(k).unicode());
    } else {
        std::memcpy(text, core.utf16(), bytes);
    }

    Stored st;
    quint64 words[namematch::TrigramSignature::kWords];
    namematch::foldSignature(sketch.signature, words, kWholeWords);
    std::memcpy(st.signature, words, sizeof st.signature);
    namematch::foldSignature(sketch.distinctSignature, words, kDistinctWords);
    std::memcpy(st.distinctSignature, words, sizeof st.distinctSignature);
    st.country = e.country;
    st.digitsHash = quint16(sketch.digitsHash);
    st.length = quint32(core.size());
    st.distinctLength = sketch.distinctTrigramCount < kNoSketch ? quint16(sketch.distinctTrigramCount) : kNoSketch;
    st.latin1 = latin1;
    st.vigilIdFromFile = e.vigilIdFromFile && !vigilId.isEmpty();
    st.offset = quint32(m_chunkUsed);
    m_chunkUsed += bytes;
    Keys keys;
    keys.rowKey = e.rowKey;
    keys.addressKey = e.addressKey;
    keys.chunk = quint32(m_chunks.size() - 1);

    // The same core name and country: newest first.
    const quint64 key = nameKey(e.country, core);
    if (const int head = sameNameHead(e.country, core, key); head >= 0) {
        keys.sameName = head;
        const size_t mask = m_names.size() - 1;
        for (size_t i = size_t(key >> 32) & mask;; i = (i + 1) & mask) {
            if (m_names[i] == (((key >> 32) << 32) | quint64(head + 1))) {
                m_names[i] = ((key >> 32) << 32) | quint64(index + 1);
                break;
            }
        }
    } else {
        if ((m_nameCount + 1) * 4 > m_names.size() * 3) {
            std::vector<quint64> old = std::move(m_names);
            m_names.assign(std::max<size_t>(16, old.size() * 2), 0);
            for (quint64 slot : old) {
                if (slot == 0)
                    continue;
                // A slot's place comes from its tag (the key's high 32 bits): no name to hash again.
                size_t i = size_t(slot >> 32) & (m_names.size() - 1);
                while (m_names[i] != 0)
                    i = (i + 1) & (m_names.size() - 1);
                m_names[i] = slot;
            }
        }
        size_t i = size_t(key >> 32) & (m_names.size() - 1);
        while (m_names[i] != 0)
            i = (i + 1) & (m_names.size() - 1);
        m_names[i] = ((key >> 32) << 32) | quint64(index + 1);
        ++m_nameCount;
    }

    for (quint64 k : blockKeys(e.country, core, name.distinct)) {
        qint32 block = m_blockIds.find(k);
        if (block < 0) {
            block = qint32(m_blocks.size());
            m_blocks.emplace_back();
            m_blockIds.insert(k, block, false);
        }
        m_blocks[size_t(block)].push_back(index);
    }
    m_keys.push_back(keys);
    m_entries.push_back(st);
    addIdentifiers(index, identifiers);
    if (!vigilId.isEmpty())
        m_vigilIds.insert(hash64(vigilId, 77), index, false);
    return index;
}

void MatchIndex::addIdentifiers(int index, const QList<Identifier>& identifiers)
{
    for (const Identifier& id : identifiers) {
        // Not blank (trimmed() not empty), without the copy.
        if (std::any_of(id.value.cbegin(), id.value.cend(), [](QChar c) { return !c.isSpace(); }))
            m_identifiers.insert(identifierHash(id), index, false);
    }
}

MatchResult MatchIndex::find(const MatchQuery& q, const namematch::PreparedName* prepared, MatchStats* stats) const
{
    MatchResult r;
    auto userExcluded = [&](int i) { return !q.excluded.isEmpty() && q.excluded.contains(m_keys[size_t(i)].rowKey); };
    if (!q.vigilId.isEmpty()) {
        if (const int i = m_vigilIds.find(hash64(q.vigilId, 77)); i >= 0 && !userExcluded(i))
            return {MatchKind::VigilId, i, 1.0, QStringLiteral("same Vigil id")};
    }
    // Past this point an entry of the same export (with its own Vigil id, so another one) is another supplier.
    const bool hasVigilId = !q.vigilId.isEmpty();
    auto excluded = [&](int i) { return (hasVigilId && m_entries[size_t(i)].vigilIdFromFile) || userExcluded(i); };
    for (const Identifier& id : q.identifiers) {
        if (const int i = m_identifiers.find(identifierHash(id)); i >= 0 && !excluded(i))
            return {MatchKind::Identifier, i, 1.0,
                    QStringLiteral("same %1 %2").arg(displayName(id.scheme), id.value.trimmed())};
    }
    const quint32 country = packCountry(q.country);
    const quint64 address = q.address.isEmpty() ? 0 : addressKey(q.address);
    // Exact core name in the same country, newest first.
    int otherAddress = -1;
    for (int i = sameNameHead(country, q.core, nameKey(country, q.core)); i >= 0; i = m_keys[size_t(i)].sameName) {
        if (excluded(i))
            continue;
        const quint64 entryAddress = m_keys[size_t(i)].addressKey;
        if (address == 0 || entryAddress == 0 || entryAddress == address)
            return {MatchKind::ExactName, i, 1.0, QStringLiteral("same name and country")};
        if (otherAddress < 0)
            otherAddress = i;
    }
    if (otherAddress >= 0)
        r = {MatchKind::Fuzzy, otherAddress, 0.75, QStringLiteral("same name and country, another address")};
    // Fuzzy: the same blocks, most recent first.
    const int len = int(q.core.size());
    std::optional<namematch::PreparedName> own;
    if (!prepared || prepared->core != q.core)
        own = namematch::prepare(q.core);
    const namematch::PreparedName& query = own ? *own : *prepared;
    const namematch::NameView queryView = namematch::view(query);
    const namematch::NameSketch querySketch = namematch::sketch(queryView);
    quint64 querySignature[namematch::TrigramSignature::kWords],
        queryDistinctSignature[namematch::TrigramSignature::kWords];
    namematch::foldSignature(querySketch.signature, querySignature, kWholeWords);
    namematch::foldSignature(querySketch.distinctSignature, queryDistinctSignature, kDistinctWords);
    const quint16 queryDigits = quint16(querySketch.digitsHash);
    namematch::QueryScorer scorer(query);
    QVarLengthArray<QChar, 128> buffer;
    for (quint64 k : blockKeys(country, q.core, query.distinct)) {
        const qint32 block = m_blockIds.find(k);
        if (block < 0)
            continue;
        const std::vector<qint32>& list = m_blocks[size_t(block)];
        int scanned = 0;
        for (size_t at = list.size(); at > 0 && scanned < kMaxBlockScan; --at) {
            const int e = list[at - 1];
            if (at > 4)
                __builtin_prefetch(&m_entries[size_t(list[at - 5])]);
            const Stored& stored = m_entries[size_t(e)];
            if (stored.country != country || excluded(e))
                continue;
            quint64 signature[kWholeWords];
            std::memcpy(signature, stored.signature, sizeof signature);
            if (std::equal(signature, signature + kWholeWords, querySignature) && sameCore(e, q.core))
                continue; // the same core name was decided above, by address
            ++scanned;
            if (stats)
                ++stats->candidates;
            const int other = int(stored.length);
            if (std::min(len, other) * 2 < std::max(len, other))
                continue; // too different in length to reach the review threshold
            const double floor = std::max(namematch::kReviewThreshold, r.score);
            if (stats)
                ++stats->compared;
            // Different digits never reach the review threshold (the floor is at least that).
            if (stored.digitsHash != queryDigits)
                continue;
            namematch::QueryScorer::DistinctHint hint;
            if (stored.distinctLength != kNoSketch) {
                quint64 distinctSignature[kDistinctWords];
                std::memcpy(distinctSignature, stored.distinctSignature, sizeof distinctSignature);
                const int common = namematch::commonTrigramsAtMost(querySignature, querySketch.trigramCount, signature,
                                                                   other, kWholeWords);
                const int distinctCommon
                    = namematch::commonTrigramsAtMost(queryDistinctSignature, querySketch.distinctTrigramCount,
                                                      distinctSignature, stored.distinctLength, kDistinctWords);
                if (namematch::similarityBound(querySketch.trigramCount, other, common,
                                               querySketch.distinctTrigramCount, stored.distinctLength, distinctCommon)
                    < floor)
                    continue;
                hint.trigramCount = stored.distinctLength;
                hint.commonAtMost = distinctCommon;
            }
            if (stats)
                ++stats->counted;
            const double s = scorer.scoreAtLeast(coreOf(e, buffer), floor, hint);
            if (stats && scorer.lastScoredInFull())
                ++stats->scored;
            if (s >= namematch::kReviewThreshold && s > r.score)
                r = {MatchKind::Fuzzy, e, s,
                     QStringLiteral("similar name in the same country (%1%)").arg(qRound(s * 100))};
        }
    }
    return r;
}

} // namespace vigil
