#pragma once

#include "importer/namematch.h"
#include "model/supplier.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <memory>
#include <stdexcept>
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

// What a find() did (for benchmarks): fuzzy candidates of the blocks counted towards kMaxBlockScan, those close
// enough in length to be compared, those past the signature bound (their trigrams counted against the query's),
// and those whose full similarity had to be computed (past the exact bound).
struct MatchStats
{
    quint64 candidates = 0;
    quint64 compared = 0;
    quint64 counted = 0;
    quint64 scored = 0;
};

// Matching without O(n^2): exact identifiers and names through hash tables; fuzzy candidates only from the same
// country and the same block (first three characters of the core name, and of its longest distinctive word), at most
// kMaxBlockScan of the most recent entries of a block (other than those of the same core name), and only when their
// lengths could reach the threshold. That blocking is what limits recall (a similar name in another block, or older
// than the kMaxBlockScan most recent of its block, is not found), as it did before the pre-filters below; they change
// no result (tst_namematch compares the index with a plain search of the same blocks, and the bounds with the scores).
//
// Each entry keeps a sketch of its prepared name (namematch::NameSketch: trigram signatures folded to 256 and 128
// bits, 16 bits of the hash of its digits): a candidate whose digits differ (the floor is at least the review
// threshold), or whose bound (namematch::similarityBound of namematch::commonTrigramsAtMost) is below what it would
// have to beat, is passed over without looking at its name. The bound is proven never to be below the score (see
// namematch.cpp), so the results are those of comparing every candidate in full. The few candidates past it have
// their trigrams counted against the query's (namematch::QueryScorer: the exact bound of similarityAtLeast), and the
// fewer still past that are scored in full, without allocating.
//
// Memory, per entry: its core name (one byte a character when every character is Latin-1, else two), 64 bytes (a
// cache line) of sketch, 24 of row key, address key and links (in pages: no slack of doubling, no copy as it grows),
// its place in its blocks' lists (4 bytes each), and slots of open-addressing tables for names (8 bytes) and
// identifiers (12 bytes), at most 3/4 full: 156 MB for bench_matching's 894,000 entries of 1,000,000 rows, of which
// 42 MB are the two tables (2^21 slots each). No node or allocation per entry.
// One thread adds and finds; find() is const and without state, so several threads can find while none adds.
class MatchIndex
{
public:
    static constexpr int kMaxBlockScan = 16;

    // Adds every supplier of the workspace (name, country, address, Vigil id) and its identifiers: what an import
    // and the wizard's re-check match against.
    Status addWorkspace(Database& db);
    // Adds an entry and its identifiers; returns its index. `prepared`, when given, is namematch::prepare(entry.core)
    // (the importer has it from matching the same row): it spares preparing the name again.
    int add(const MatchEntry& entry, const QList<Identifier>& identifiers, const QString& vigilId = {},
            const namematch::PreparedName* prepared = nullptr);
    // Records more identifiers (and a Vigil id) for an existing entry, after a merge.
    void addIdentifiers(int entry, const QList<Identifier>& identifiers);
    // `prepared`, when given, is namematch::prepare(q.core). `stats`, when given, counts what the search did.
    MatchResult find(const MatchQuery& q, const namematch::PreparedName* prepared = nullptr,
                     MatchStats* stats = nullptr) const;
    MatchEntry entry(int i) const;
    qint64 rowKey(int i) const { return m_keys.at(size_t(i)).rowKey; }
    int size() const { return int(m_entries.size()); }

    static quint32 packCountry(const QString& alpha2);
    static quint64 addressKey(const QString& address);
    static QString identifierKey(const Identifier& id);

private:
    // An open-addressing table from 64-bit keys (hashes) to entry indexes, linear probing: 12 bytes a slot.
    class KeyTable
    {
    public:
        // The value of `key`, or -1.
        qint32 find(quint64 key) const;
        // Sets the value of `key` (>= 0) when it has none, or when `overwrite`.
        void insert(quint64 key, qint32 value, bool overwrite);

    private:
        size_t position(quint64 key) const;
        void grow();
        std::vector<quint64> m_keys;
        std::vector<qint32> m_values; // < 0: empty slot
        size_t m_size = 0;
    };

    // An array of fixed-size pages: it grows without copying, and without the slack of doubling.
    template <typename T>
    class Paged
    {
    public:
        static constexpr size_t kPage = size_t(1) << 14;
        T& operator[](size_t i) { return m_pages[i / kPage][i % kPage]; }
        const T& operator[](size_t i) const { return m_pages[i / kPage][i % kPage]; }
        const T& at(size_t i) const
        {
            if (i >= m_size)
                throw std::out_of_range("MatchIndex: no such entry");
            return (*this)[i];
        }
        size_t size() const { return m_size; }
        void push_back(const T& value)
        {
            if (m_size % kPage == 0)
                m_pages.push_back(std::make_unique<T[]>(kPage));
            m_pages.back()[m_size % kPage] = value;
            ++m_size;
        }

    private:
        std::vector<std::unique_ptr<T[]>> m_pages;
        size_t m_size = 0;
    };

    static constexpr quint16 kNoSketch = 0xffff;
    // The signatures kept, in 64-bit words (of the 256 bits of namematch::TrigramSignature, folded): more words pass
    // over more candidates without counting their trigrams, and take more memory. 4 + 2 words: 2.1 candidates a row
    // counted on bench_matching's names, where 4 + 4 count 1.25, 2 + 2 count 4.6 (each costs about 0.7 µs).
    static constexpr int kWholeWords = 4;
    static constexpr int kDistinctWords = 2;
    // What the scan of a block reads of an entry: one cache line (64 bytes).
    struct alignas(64) Stored
    {
        quint32 signature[2 * kWholeWords] = {}; // namematch::NameSketch, folded
        quint32 distinctSignature[2 * kDistinctWords] = {};
        quint32 country = 0;
        quint32 length : 30; // of the core name, in characters
        quint32 latin1 : 1; // the core name is stored one byte a character
        quint32 vigilIdFromFile : 1;
        quint16 distinctLength = 0; // trigrams of the distinctive part; kNoSketch when too long for 16 bits
        quint16 digitsHash = 0; // 16 bits of namematch::NameSketch::digitsHash
        quint32 offset = 0; // of the core name in its chunk, in bytes
        Stored()
            : length(0)
            , latin1(0)
            , vigilIdFromFile(0)
        {
        }
    };
    static_assert(sizeof(Stored) == 64, "a cache line");
    // The rest of an entry.
    struct Keys
    {
        qint64 rowKey = 0;
        quint64 addressKey = 0;
        qint32 sameName = -1; // the next older entry of the same core name and country
        quint32 chunk = 0; // of its core name
    };
    static constexpr size_t kChunkBytes = size_t(1) << 20;

    // The core name of an entry as UTF-16: a view on the chunk, or on `buffer` when it is stored as Latin-1.
    QStringView coreOf(int entry, QVarLengthArray<QChar, 128>& buffer) const;
    bool sameCore(int entry, QStringView core) const;
    int sameNameHead(quint32 country, QStringView core, quint64 key) const;

    std::vector<std::unique_ptr<char[]>> m_chunks;
    size_t m_chunkUsed = kChunkBytes;
    size_t m_chunkSize = kChunkBytes;

    Paged<Stored> m_entries;
    Paged<Keys> m_keys;
    KeyTable m_identifiers;
    KeyTable m_vigilIds;
    // Names: slots of (32 bits of the name key, newest entry of that core name and country), linear probing from
    // the place those 32 bits give (so the table grows without hashing any name again).
    std::vector<quint64> m_names; // (tag << 32) | (entry + 1); 0: empty
    size_t m_nameCount = 0;
    KeyTable m_blockIds; // block key -> index in m_blocks
    std::vector<std::vector<qint32>> m_blocks; // the entries of each block, oldest first
};

} // namespace vigil
