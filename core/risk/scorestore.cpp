// Storage of scores: the compact explanation format, the writer used by every scoring path, and reading back.
// Over 600 lines, knowingly: the format (encoder, decoder, legacy JSON of schema 6) and its one writer and reader
// belong together, so that a change of the format is one change in one file.
#include "risk/scorestore.h"

#include "risk/sqlitestatement.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace vigil {

using risk::SqliteStatement;

namespace {

constexpr char kPartFormat = 1; // first byte of a binary part

// --- binary codec: varints, UTF-8 strings with a length, little-endian doubles -------------------------------

class Writer
{
public:
    void varint(quint64 v)
    {
        while (v >= 0x80) {
            m_b.append(char((v & 0x7f) | 0x80));
            v >>= 7;
        }
        m_b.append(char(v));
    }
    void str(const QString& s)
    {
        const QByteArray u = s.toUtf8();
        varint(quint64(u.size()));
        m_b.append(u);
    }
    void f64(double v)
    {
        quint64 bits;
        std::memcpy(&bits, &v, sizeof bits);
        for (int i = 0; i < 8; ++i)
            m_b.append(char((bits >> (8 * i)) & 0xff));
    }
    void byte(char c) { m_b.append(c); }
    QByteArray& bytes() { return m_b; }

private:
    QByteArray m_b;
};

class Reader
{
public:
    explicit Reader(const QByteArray& b)
        : m_p(b.constData())
        , m_end(b.constData() + b.size())
    {
    }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    char byte()
    {
        if (m_p >= m_end)
            return fail(), 0;
        return *m_p++;
    }
    quint64 varint()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end)
                return fail(), 0;
            const auto c = quint8(*m_p++);
            v |= quint64(c & 0x7f) << shift;
            if (!(c & 0x80))
                return v;
        }
        return fail(), 0;
    }
    QString str()
    {
        const quint64 n = varint();
        if (!m_ok || n > quint64(m_end - m_p))
            return fail(), QString();
        const QString s = QString::fromUtf8(m_p, qsizetype(n));
        m_p += n;
        return s;
    }
    double f64()
    {
        if (m_end - m_p < 8)
            return fail(), 0.0;
        quint64 bits = 0;
        for (int i = 0; i < 8; ++i)
            bits |= quint64(quint8(m_p[i])) << (8 * i);
        m_p += 8;
        double v;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }

private:
    void fail() { m_ok = false; }
    const char* m_p;
    const char* m_end;
    bool m_ok = true;
};

void writeContribution(Writer& w, const RiskContribution& c)
{
    w.str(c.factor);
    w.str(c.label);
    w.f64(c.value);
    w.f64(c.weight);
    w.f64(c.points);
    w.str(c.source);
    const qint64 jd = c.date.isValid() ? c.date.toJulianDay() : -1;
    w.varint(jd >= 0 ? quint64(jd) + 1 : 0);
}

RiskContribution readContribution(Reader& r)
{
    RiskContribution c;
    c.factor = r.str();
    c.label = r.str();
    c.value = r.f64();
    c.weight = r.f64();
    c.points = r.f64();
    c.source = r.str();
    const quint64 jd = r.varint();
    if (jd > 0)
        c.date = QDate::fromJulianDay(qint64(jd - 1));
    return c;
}

void writeGap(Writer& w, const EvidenceGap& g)
{
    w.varint(quint64(g.kind));
    w.str(g.subject);
    w.str(g.message);
}

bool isContextFactor(const QString& factor)
{
    return factor == QLatin1String("country") || factor.startsWith(QLatin1String("country_signal:"))
        || factor == QLatin1String("sector") || factor == QLatin1String("goods")
        || factor == QLatin1String("goods_sector") || factor == QLatin1String("inherent_cap");
}

bool isContextGap(GapKind k)
{
    return k == GapKind::UnknownCountry || k == GapKind::MissingCountryData || k == GapKind::UnknownSector
        || k == GapKind::NoGoods;
}

QByteArray part(const QList<RiskContribution>& contributions, qsizetype from, qsizetype to,
                const QList<const EvidenceGap*>& gaps)
{
    Writer w;
    w.byte(kPartFormat);
    w.varint(quint64(to - from));
    for (qsizetype i = from; i < to; ++i)
        writeContribution(w, contributions.at(i));
    w.varint(quint64(gaps.size()));
    for (const EvidenceGap* g : gaps)
        writeGap(w, *g);
    return std::move(w.bytes());
}

// Decodes a binary part into `r`; a marker gap (indicator_not_assessed with no subject) expands to `notAssessed`.
bool decodePart(const QByteArray& data, RiskResult& r, const QList<EvidenceGap>& notAssessed)
{
    if (data.isEmpty())
        return true;
    Reader in(data);
    if (in.byte() != kPartFormat)
        return false;
    const quint64 nc = in.varint();
    for (quint64 i = 0; in.ok() && i < nc; ++i)
        r.contributions.append(readContribution(in));
    const quint64 ng = in.varint();
    for (quint64 i = 0; in.ok() && i < ng; ++i) {
        const quint64 kind = in.varint();
        EvidenceGap g;
        g.subject = in.str();
        g.message = in.str();
        if (kind > quint64(GapKind::ExpiredMitigation))
            return false;
        g.kind = GapKind(kind);
        if (g.kind == GapKind::IndicatorNotAssessed && g.subject.isEmpty())
            r.gaps.append(notAssessed);
        else
            r.gaps.append(g);
    }
    return in.ok() && in.atEnd();
}

// Scores migrated from schema 6: {"contributions": [[factor, label, value, weight, points, source, date]],
// "gaps": [[kind, subject, message]]} (indicator_not_assessed: ids one per line in subject).
bool decodeLegacy(const QByteArray& json, RiskResult& r, const Methodology* m)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty())
        return false;
    for (const QJsonValue& v : o.value(QStringLiteral("contributions")).toArray()) {
        const QJsonArray a = v.toArray();
        r.contributions.append(RiskContribution{a.at(0).toString(), a.at(1).toString(), a.at(2).toDouble(),
                                                a.at(3).toDouble(), a.at(4).toDouble(), a.at(5).toString(),
                                                QDate::fromString(a.at(6).toString(), Qt::ISODate)});
    }
    for (const QJsonValue& v : o.value(QStringLiteral("gaps")).toArray()) {
        const QJsonArray a = v.toArray();
        const auto kind = gapKindFromId(a.at(0).toString());
        if (!kind)
            continue;
        if (*kind != GapKind::IndicatorNotAssessed) {
            r.gaps.append(EvidenceGap{*kind, a.at(1).toString(), a.at(2).toString()});
            continue;
        }
        for (const QString& id : a.at(1).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const int i = m ? m->indicatorIndex(id) : -1;
            r.gaps.append(EvidenceGap{*kind, id,
                                      i >= 0 ? m->indicators.at(i).notAssessedMessage
                                             : QStringLiteral("Not assessed: %1.").arg(id)});
        }
    }
    return true;
}

// A fast 64-bit digest (multiply-xorshift over 8-byte words, splitmix64 finaliser): content keys and change
// digests are computed for every supplier on every run, where MD5 cost several microseconds each. Keys are checked
// against the stored bytes once per run (ScoreWriter::ensurePart), so a collision cannot go unseen there.
class Digest
{
public:
    void add(const char* p, qsizetype n)
    {
        m_len += quint64(n);
        while (n >= 8) {
            quint64 w;
            std::memcpy(&w, p, 8);
            mix(w);
            p += 8;
            n -= 8;
        }
        quint64 tail = 0;
        for (qsizetype i = 0; i < n; ++i)
            tail |= quint64(quint8(p[i])) << (8 * i);
        mix(tail ^ (quint64(n) << 56));
    }
    void add(const QByteArray& b) { add(b.constData(), b.size()); }
    quint64 result() const
    {
        quint64 z = m_h ^ m_len;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    QByteArray hex() const
    {
        const quint64 v = result();
        return QByteArray::number(v, 16).rightJustified(16, '0');
    }

private:
    void mix(quint64 w)
    {
        m_h = (m_h ^ w) * 0x9e3779b97f4a7c15ULL;
        m_h ^= m_h >> 29;
    }
    quint64 m_h = 0x243f6a8885a308d3ULL;
    quint64 m_len = 0;
};

qint64 contentKey(const QByteArray& data)
{
    Digest d;
    d.add(data);
    return qint64(d.result());
}

QString isoNow(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODate);
}

} // namespace

// --- basis --------------------------------------------------------------------------------------------------

ScoreBasis ScoreBasis::of(const Methodology& m, const QList<DatasetInfo>& datasets)
{
    ScoreBasis b;
    b.methodologyId = m.id;
    b.methodologyVersion = m.version;
    for (const DatasetInfo& d : datasets)
        b.datasets.append(ScoreDataset{d.id, d.name, d.edition});
    std::sort(b.datasets.begin(), b.datasets.end(),
              [](const ScoreDataset& x, const ScoreDataset& y) { return x.id < y.id; });
    return b;
}

QByteArray ScoreBasis::datasetsJson() const
{
    if (!datasetsRecorded)
        return {};
    QJsonArray a;
    for (const ScoreDataset& d : datasets)
        a.append(QJsonObject{
            {QStringLiteral("id"), d.id}, {QStringLiteral("name"), d.name}, {QStringLiteral("edition"), d.edition}});
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QList<ScoreDataset> ScoreBasis::datasetsFromJson(const QByteArray& json, bool* recorded)
{
    QList<ScoreDataset> list;
    if (recorded)
        *recorded = !json.isEmpty();
    for (const QJsonValue& v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        list.append(ScoreDataset{o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                                 o.value(QStringLiteral("edition")).toString()});
    }
    return list;
}

// --- encoding -----------------------------------------------------------------------------------------------

EncodedScore encodeScore(const RiskResult& r, const SupplierRiskInput* input)
{
    EncodedScore e;
    qsizetype contextEnd = 0;
    while (contextEnd < r.contributions.size() && isContextFactor(r.contributions.at(contextEnd).factor))
        ++contextEnd;
    QList<const EvidenceGap*> contextGaps;
    QList<const EvidenceGap*> ownGaps;
    QByteArray notAssessed;
    const EvidenceGap marker{GapKind::IndicatorNotAssessed, QString(), QString()};
    bool leading = true;
    for (const EvidenceGap& g : r.gaps) {
        leading = leading && isContextGap(g.kind);
        if (g.kind == GapKind::IndicatorNotAssessed) {
            if (notAssessed.isEmpty())
                ownGaps.append(&marker);
            else
                notAssessed.append('\n');
            notAssessed.append(g.subject.toUtf8());
        } else {
            (leading ? contextGaps : ownGaps).append(&g);
        }
    }
    e.context = part(r.contributions, 0, contextEnd, contextGaps);
    e.own = part(r.contributions, contextEnd, r.contributions.size(), ownGaps);
    e.notAssessed = notAssessed;
    e.contextKey = contentKey(e.context);
    e.notAssessedKey = notAssessed.isEmpty() ? 0 : contentKey(notAssessed);

    Writer s; // the scalars of the result
    s.str(r.methodologyId);
    s.str(r.methodologyVersion);
    for (double v : {r.score, r.inherent, r.countryAnchor, r.sectorAnchor, r.goodsAnchor, r.coverage, r.confidence})
        s.f64(v);
    s.varint(quint64(r.tier));
    s.varint(quint64(r.scoreTier));
    s.varint(quint64(r.classification));
    s.varint(r.zeroTolerance ? 1 : 0);
    s.str(r.zeroToleranceFindings.join(QLatin1Char('\n')));
    s.str(r.escalations.join(QLatin1Char('\n')));
    Digest h;
    h.add(s.bytes());
    h.add(e.context);
    h.add("\x1f", 1);
    h.add(e.notAssessed);
    h.add("\x1f", 1);
    h.add(e.own);
    e.resultHash = h.hex();
    if (input)
        e.inputHash = inputDigest(*input);
    return e;
}

QByteArray inputDigest(const SupplierRiskInput& in)
{
    Writer w;
    w.str(in.supplierId);
    w.str(in.country);
    w.str(in.sector);
    w.str(in.goods.join(QLatin1Char('\n')));
    w.f64(in.migrantShare.value_or(-1));
    w.varint(in.workers ? quint64(*in.workers) + 1 : 0);
    w.varint(in.migrantWorkers ? quint64(*in.migrantWorkers) + 1 : 0);
    w.varint(quint64(in.observations.size()));
    for (const RiskObservation& o : in.observations) {
        for (const QString* s : {&o.id, &o.indicatorId, &o.sourceType, &o.siteId, &o.note})
            w.str(*s);
        w.varint(quint64(o.status));
        w.varint(o.date.isValid() ? quint64(o.date.toJulianDay()) + 1 : 0);
        w.f64(o.confidence);
    }
    w.varint(quint64(in.mitigations.size()));
    for (const RiskMitigation& m : in.mitigations) {
        for (const QString* s : {&m.id, &m.type, &m.note})
            w.str(*s);
        w.varint(m.date.isValid() ? quint64(m.date.toJulianDay()) + 1 : 0);
    }
    Digest d;
    d.add(w.bytes());
    return d.hex();
}

// --- writer -------------------------------------------------------------------------------------------------

struct ScoreWriter::Statements
{
    explicit Statements(sqlite3* h)
        : methodology(h,
                      "INSERT OR IGNORE INTO risk_methodologies (id, version, document, sha256, first_used_at) "
                      "VALUES (?,?,?,?,?)")
        , basisInsert(h,
                      "INSERT OR IGNORE INTO risk_score_basis (methodology_id, methodology_version, datasets, "
                      "first_used_at) VALUES (?,?,?,?)")
        , basisId(h,
                  "SELECT id FROM risk_score_basis WHERE methodology_id = ? AND methodology_version = ? AND "
                  "datasets = ?")
        , stored(h, "SELECT result_hash FROM risk_scores WHERE supplier_id = ?")
        , touch(h, "UPDATE risk_scores SET evaluated_at = ?, basis_id = ? WHERE supplier_id = ?")
        , last(h,
               "SELECT score, tier, classification, methodology_id, methodology_version FROM risk_score_history "
               "WHERE supplier_id = ? ORDER BY seq DESC LIMIT 1")
        , update(h,
                 "UPDATE risk_scores SET evaluated_at = ?, methodology_id = ?, methodology_version = ?, score = ?, "
                 "tier = ?, score_tier = ?, classification = ?, zero_tolerance = ?, zero_tolerance_findings = ?, "
                 "escalations = ?, inherent = ?, country_anchor = ?, sector_anchor = ?, goods_anchor = ?, "
                 "coverage = ?, confidence = ?, result_hash = ?, basis_id = ?, context_part = ?, gaps_part = ?, "
                 "explanation = ? WHERE supplier_id = ?")
        , score(h,
                "INSERT INTO risk_scores (supplier_id, evaluated_at, methodology_id, methodology_version, score, tier, "
                "score_tier, classification, zero_tolerance, zero_tolerance_findings, escalations, inherent, "
                "country_anchor, sector_anchor, goods_anchor, coverage, confidence, result_hash, basis_id, "
                "context_part, gaps_part, explanation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT (supplier_id) DO UPDATE SET evaluated_at = excluded.evaluated_at, methodology_id = "
                "excluded.methodology_id, methodology_version = excluded.methodology_version, score = "
                "excluded.score, tier = excluded.tier, score_tier = excluded.score_tier, classification = "
                "excluded.classification, zero_tolerance = excluded.zero_tolerance, zero_tolerance_findings = "
                "excluded.zero_tolerance_findings, escalations = excluded.escalations, inherent = "
                "excluded.inherent, country_anchor = excluded.country_anchor, sector_anchor = "
                "excluded.sector_anchor, goods_anchor = excluded.goods_anchor, coverage = excluded.coverage, "
                "confidence = excluded.confidence, result_hash = excluded.result_hash, basis_id = "
                "excluded.basis_id, context_part = excluded.context_part, gaps_part = excluded.gaps_part, "
                "explanation = excluded.explanation")
        , partInsert(h, "INSERT OR IGNORE INTO risk_score_parts (key, data) VALUES (?,?)")
        , partRead(h, "SELECT data FROM risk_score_parts WHERE key = ?")
        , history(h,
                  "INSERT INTO risk_score_history (supplier_id, evaluated_at, methodology_id, methodology_version, "
                  "score, tier, classification, zero_tolerance, coverage, confidence, basis_id, input_hash) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
    {
    }
    bool ok() const
    {
        for (const SqliteStatement* s : {&methodology, &basisInsert, &basisId, &stored, &touch, &last, &update, &score,
                                         &partInsert, &partRead, &history})
            if (!s->ok())
                return false;
        return true;
    }
    SqliteStatement methodology, basisInsert, basisId, stored, touch, last, update, score, partInsert, partRead,
        history;
};

ScoreWriter::ScoreWriter(Database& db)
    : m_db(db)
{
}

ScoreWriter::~ScoreWriter() = default;

Error ScoreWriter::fail(const QString& what) const
{
    sqlite3* h = m_db.handle();
    return makeError(what, h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString());
}

Status ScoreWriter::begin(const Methodology& m, const QList<DatasetInfo>& datasets, const QDateTime& at)
{
    m_st = std::make_unique<Statements>(m_db.handle());
    if (!m_st->ok())
        return fail(QStringLiteral("The scores could not be saved (the workspace may be damaged)."));
    m_when = isoNow(at);
    m_basis = ScoreBasis::of(m, datasets);
    if (!m_st->methodology.text(m.id)
             .text(m.version)
             .text(QString::fromUtf8(m.document))
             .text(QString::fromLatin1(QCryptographicHash::hash(m.document, QCryptographicHash::Sha256).toHex()))
             .text(m_when)
             .exec())
        return fail(QStringLiteral("The methodology could not be recorded."));
    const QByteArray json = m_basis.datasetsJson();
    if (!m_st->basisInsert.text(m.id).text(m.version).utf8(json).text(m_when).exec())
        return fail(QStringLiteral("The datasets behind the scores could not be recorded."));
    m_st->basisId.text(m.id).text(m.version).utf8(json);
    const bool found = m_st->basisId.fetch();
    m_basisId = found ? m_st->basisId.columnInt(0) : 0;
    m_st->basisId.reset();
    if (!found)
        return fail(QStringLiteral("The datasets behind the scores could not be recorded."));
    return {};
}

Status ScoreWriter::ensurePart(qint64 key, const QByteArray& data)
{
    if (data.isEmpty() || m_knownParts.contains(key))
        return {};
    if (!m_st->partInsert.integer(key).blob(data).exec())
        return fail(QStringLiteral("A score explanation could not be saved."));
    if (sqlite3_changes(m_db.handle()) == 0) {
        // Already stored: by content keys, the same bytes (checked once per run, so a collision cannot go unseen).
        m_st->partRead.integer(key);
        const bool same = m_st->partRead.fetch() && m_st->partRead.columnBytes(0) == data;
        m_st->partRead.reset();
        if (!same)
            return makeError(QStringLiteral("A score explanation could not be saved (content key collision)."));
    }
    m_knownParts.insert(key);
    return {};
}

Result<bool> ScoreWriter::write(const RiskResult& r, const EncodedScore& e)
{
    Statements& st = *m_st;
    const auto failed
        = [&]() { return fail(QStringLiteral("The score of supplier %1 could not be saved.").arg(r.supplierId)); };
    st.stored.text(r.supplierId);
    const bool exists = st.stored.fetch();
    const QByteArray storedHash = exists ? st.stored.columnBytes(0) : QByteArray();
    st.stored.reset();
    if (exists && storedHash == e.resultHash) {
        // Unchanged (most suppliers when nothing but the date moved): only the evaluation time and basis move.
        if (!st.touch.text(m_when).integer(m_basisId).text(r.supplierId).exec())
            return failed();
        return false;
    }
    bool changed = true;
    if (exists && storedHash.isEmpty()) {
        // Migrated from schema 6 (no comparable digest): compare with the last history line, as then.
        st.last.text(r.supplierId);
        if (st.last.fetch()) {
            changed = std::abs(st.last.columnReal(0) - r.score) > 1e-9 || st.last.columnText(1) != tierId(r.tier)
                || st.last.columnText(2) != classificationId(r.classification)
                || st.last.columnText(3) != r.methodologyId || st.last.columnText(4) != r.methodologyVersion;
        }
        st.last.reset();
    }
    if (Status s = ensurePart(e.contextKey, e.context); !s)
        return s.error();
    if (Status s = ensurePart(e.notAssessedKey, e.notAssessed); !s)
        return s.error();
    // An existing row is updated in place (one lookup), a new one inserted.
    SqliteStatement& row = exists ? st.update : st.score;
    if (!exists)
        row.text(r.supplierId);
    row.text(m_when)
        .text(r.methodologyId)
        .text(r.methodologyVersion)
        .real(r.score)
        .text(tierId(r.tier))
        .text(tierId(r.scoreTier))
        .text(classificationId(r.classification))
        .integer(r.zeroTolerance ? 1 : 0)
        .text(r.zeroToleranceFindings.join(QLatin1Char('\n')))
        .text(r.escalations.join(QLatin1Char('\n')))
        .real(r.inherent)
        .real(r.countryAnchor)
        .real(r.sectorAnchor)
        .real(r.goodsAnchor)
        .real(r.coverage)
        .real(r.confidence)
        .utf8(e.resultHash)
        .integer(m_basisId)
        .integer(e.contextKey);
    if (e.notAssessed.isEmpty())
        row.null();
    else
        row.integer(e.notAssessedKey);
    row.blob(e.own);
    if (exists)
        row.text(r.supplierId);
    if (!row.exec())
        return failed();
    if (changed
        && !st.history.text(r.supplierId)
                .text(m_when)
                .text(r.methodologyId)
                .text(r.methodologyVersion)
                .real(r.score)
                .text(tierId(r.tier))
                .text(classificationId(r.classification))
                .integer(r.zeroTolerance ? 1 : 0)
                .real(r.coverage)
                .real(r.confidence)
                .integer(m_basisId)
                .utf8(e.inputHash)
                .exec())
        return failed();
    return changed;
}

Status ScoreWriter::removeUnusedParts()
{
    return m_db.execScript("DELETE FROM risk_score_parts WHERE key NOT IN (SELECT context_part FROM risk_scores "
                           "WHERE context_part IS NOT NULL) AND key NOT IN (SELECT gaps_part FROM risk_scores WHERE "
                           "gaps_part IS NOT NULL)");
}

// --- reading ------------------------------------------------------------------------------------------------

Result<std::optional<RiskResult>> scorestore::latest(Database& db, const QString& supplierId, const Methodology* m)
{
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral(
        "SELECT s.methodology_id, s.methodology_version, s.score, s.tier, s.score_tier, s.classification, "
        "s.zero_tolerance, s.zero_tolerance_findings, s.escalations, s.inherent, s.country_anchor, s.sector_anchor, "
        "s.goods_anchor, s.coverage, s.confidence, cp.data, gp.data, s.explanation FROM risk_scores s "
        "LEFT JOIN risk_score_parts cp ON cp.key = s.context_part LEFT JOIN risk_score_parts gp ON gp.key = "
        "s.gaps_part WHERE s.supplier_id = ?"));
    q.addBindValue(supplierId.isNull() ? QStringLiteral("") : supplierId);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The score could not be read."), q);
    if (!q.next())
        return std::optional<RiskResult>();
    RiskResult r;
    r.supplierId = supplierId;
    r.methodologyId = q.value(0).toString();
    r.methodologyVersion = q.value(1).toString();
    r.score = q.value(2).toDouble();
    r.tier = tierFromId(q.value(3).toString()).value_or(RiskTier::Critical);
    r.scoreTier = tierFromId(q.value(4).toString()).value_or(RiskTier::Critical);
    r.classification = classificationFromId(q.value(5).toString()).value_or(IloClassification::Review);
    r.zeroTolerance = q.value(6).toInt() != 0;
    r.zeroToleranceFindings = q.value(7).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.escalations = q.value(8).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.inherent = q.value(9).toDouble();
    r.countryAnchor = q.value(10).toDouble();
    r.sectorAnchor = q.value(11).toDouble();
    r.goodsAnchor = q.value(12).toDouble();
    r.coverage = q.value(13).toDouble();
    r.confidence = q.value(14).toDouble();
    const QByteArray own = q.value(17).toByteArray();
    const Error damaged = makeError(
        QStringLiteral("The stored explanation of supplier %1's score is damaged: rescore it.").arg(supplierId));
    if (own.startsWith('{')) {
        if (!decodeLegacy(own, r, m))
            return damaged;
        return std::optional<RiskResult>(r);
    }
    QList<EvidenceGap> notAssessed;
    for (const QString& id :
         QString::fromUtf8(q.value(16).toByteArray()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int i = m ? m->indicatorIndex(id) : -1;
        notAssessed.append(
            EvidenceGap{GapKind::IndicatorNotAssessed, id,
                        i >= 0 ? m->indicators.at(i).notAssessedMessage : QStringLiteral("Not assessed: %1.").arg(id)});
    }
    if (!decodePart(q.value(15).toByteArray(), r, notAssessed) || !decodePart(own, r, notAssessed))
        return damaged;
    return std::optional<RiskResult>(r);
}

} // namespace vigil
