#pragma once

#include "importer/namematch.h"
#include "model/supplier.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigil {

class Database;

// How an imported row was matched to a supplier already known (in the workspace or earlier in the file).
enum class MatchKind {
    None,
    Decision, // a remembered "same supplier" decision
    VigilId,
    Identifier, // vendor id, OS ID, LEI, DUNS, tax id
    ExactName, // same core name and country, addresses agree or one is missing
    Fuzzy, // similar core name in the same country, or same name at another address
};
QString toString(MatchKind k);

// What the index knows of one supplier: enough to match, nothing more (1,000,000 of them must fit in memory).
struct MatchEntry
{
    QString core; // namematch::coreName of the name
    quint32 country = 0; // alpha-2 packed in 32 bits
    quint64 addressKey = 0; // hash of the address's loose key; 0 = no address
    qint64 rowKey = 0; // suppliers.rowid_
    // A row of the file being imported that carries its own Vigil id (an export of a workspace). Two such rows with
    // different ids are different suppliers of the workspace they came from: they never match each other by name
    // or identifier, so that exporting and importing gives back the same suppliers.
    bool vigilIdFromFile = false;
};

struct MatchQuery
{
    QString core;
    QString country;
    QString address;
    QString vigilId;
    QList<Identifier> identifiers;
    QList<qint64> excluded; // row keys the user said are a different supplier
};

struct MatchResult
{
    MatchKind kind = MatchKind::None;
    int entry = -1; // index of the entry
    double score = 0; // 1 for exact kinds
    QString reason;
};

// Matching without O(n^2): exact identifiers and names through hash maps; fuzzy candidates only from the same
// country and the same block (first three characters of the core name, and of its longest distinctive word), at most
// kMaxBlockScan of the most recent entries of a block, and only when their lengths could reach the threshold.
// The prepared names (trigrams, distinctive part) of the most recently added entries are kept (kRecent of them):
// the fuzzy scan looks at the most recent entries of a block, so most candidates are compared without preparing
// their names again.
class MatchIndex
{
public:
    static constexpr int kMaxBlockScan = 16;
    static constexpr int kRecent = 1 << 15;

    // Adds every supplier of the workspace (name, country, address, Vigil id) and its identifiers: what an import
    // and the wizard's re-check match against.
    Status addWorkspace(Database& db);
    // Adds an entry and its identifiers; returns its index. `prepared`, when given, is namematch::prepare(entry.core)
    // (the importer has it from matching the same row) and is kept for comparisons with later rows.
    int add(const MatchEntry& entry, const QList<Identifier>& identifiers, const QString& vigilId = {},
            const namematch::PreparedName* prepared = nullptr);
    // Records more identifiers (and a Vigil id) for an existing entry, after a merge.
    void addIdentifiers(int entry, const QList<Identifier>& identifiers);
    // `prepared`, when given, is namematch::prepare(q.core).
    MatchResult find(const MatchQuery& q, const namematch::PreparedName* prepared = nullptr) const;
    MatchEntry entry(int i) const;
    qint64 rowKey(int i) const { return m_entries.at(size_t(i)).rowKey; }
    int size() const { return int(m_entries.size()); }

    static quint32 packCountry(const QString& alpha2);
    static quint64 addressKey(const QString& address);
    static QString identifierKey(const Identifier& id);

private:
    // Compact storage (a million entries must stay well under the import's memory budget): the core names live
    // in fixed-size chunks of UTF-16 text, each entry keeps where its name is.
    struct Stored
    {
        qint64 rowKey = 0;
        quint64 addressKey = 0;
        quint32 country = 0;
        quint32 chunk = 0;
        quint32 offset = 0;
        quint32 length : 31; // at most kChunkChars
        quint32 vigilIdFromFile : 1;
    };
    static constexpr quint32 kChunkChars = 1u << 20;
    QString coreOf(const Stored& s) const; // no copy: a view on the chunk
    std::vector<std::unique_ptr<char16_t[]>> m_chunks;
    quint32 m_chunkUsed = kChunkChars;

    std::vector<Stored> m_entries;
    // A prepared name, packed: the core name is the entry's; the distinctive part and the digits in `text`, both
    // trigram lists in `trigrams`. The buffers are reused when the ring comes round.
    struct Recent
    {
        int entry = -1;
        int distinctLength = 0;
        int digitsLength = 0;
        int trigramCount = 0;
        bool distinctIsCore = true;
        std::u16string text;
        std::vector<uint> trigrams;
    };
    void remember(int entry, const namematch::PreparedName& p);
    std::vector<Recent> m_recent; // ring: entry i at i % kRecent
    std::unordered_map<quint64, int> m_identifiers;
    std::unordered_map<quint64, int> m_vigilIds;
    std::unordered_multimap<quint64, int> m_names;
    std::unordered_map<quint64, std::vector<int>> m_blocks;
};

} // namespace vigil
