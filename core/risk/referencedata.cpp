#include "risk/referencedata.h"

#include <QRegularExpression>

namespace vigil {

namespace {
const QList<CountrySignal> kNoSignals;
const QList<GoodListing> kNoGoods;

template <typename T>
void dropDataset(QHash<QString, QList<T>>& byCountry, const QString& datasetId)
{
    for (auto it = byCountry.begin(); it != byCountry.end();) {
        it->erase(std::remove_if(it->begin(), it->end(), [&](const T& x) { return x.datasetId == datasetId; }),
                  it->end());
        if (it->isEmpty())
            it = byCountry.erase(it);
        else
            ++it;
    }
}
} // namespace

QString DatasetInfo::citation() const
{
    return edition.isEmpty() ? name : QStringLiteral("%1, %2").arg(name, edition);
}

void ReferenceData::addDataset(const DatasetInfo& info)
{
    removeDataset(info.id);
    m_datasets.append(info);
    m_citations.insert(info.id, info.citation());
}

void ReferenceData::removeDataset(const QString& id)
{
    const auto before = m_datasets.size();
    m_datasets.erase(
        std::remove_if(m_datasets.begin(), m_datasets.end(), [&](const DatasetInfo& d) { return d.id == id; }),
        m_datasets.end());
    if (before == m_datasets.size())
        return;
    m_citations.remove(id);
    dropDataset(m_signals, id);
    dropDataset(m_goods, id);
    m_sectorSignals.erase(std::remove_if(m_sectorSignals.begin(), m_sectorSignals.end(),
                                         [&](const SectorSignal& s) { return s.datasetId == id; }),
                          m_sectorSignals.end());
}

const DatasetInfo* ReferenceData::dataset(const QString& id) const
{
    for (const auto& d : m_datasets) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

bool ReferenceData::addSignal(const CountrySignal& signal)
{
    if (!dataset(signal.datasetId) || signal.country.isEmpty() || signal.kind.isEmpty())
        return false;
    CountrySignal s = signal;
    if (s.label.isEmpty() && s.numeric)
        s.label = QString::number(*s.numeric, 'g', 4);
    m_signals[s.country].append(std::move(s));
    return true;
}

bool ReferenceData::addSectorSignal(const SectorSignal& signal)
{
    if (!dataset(signal.datasetId) || signal.sector.isEmpty())
        return false;
    m_sectorSignals.append(signal);
    return true;
}

bool ReferenceData::addGoodListing(GoodListing listing)
{
    if (!dataset(listing.datasetId) || listing.country.isEmpty() || listing.good.isEmpty())
        return false;
    listing.key = goodKey(listing.good);
    m_goods[listing.country].append(std::move(listing));
    return true;
}

const QList<CountrySignal>& ReferenceData::signalsFor(const QString& country) const
{
    auto it = m_signals.constFind(country);
    return it == m_signals.constEnd() ? kNoSignals : *it;
}

const QList<GoodListing>& ReferenceData::goodsFor(const QString& country) const
{
    auto it = m_goods.constFind(country);
    return it == m_goods.constEnd() ? kNoGoods : *it;
}

bool ReferenceData::covers(const QString& country) const
{
    return m_signals.contains(country) || m_goods.contains(country);
}

QStringList ReferenceData::coveredCountries() const
{
    QSet<QString> all;
    for (auto it = m_signals.cbegin(); it != m_signals.cend(); ++it)
        all.insert(it.key());
    for (auto it = m_goods.cbegin(); it != m_goods.cend(); ++it)
        all.insert(it.key());
    QStringList list(all.cbegin(), all.cend());
    list.sort();
    return list;
}

bool ReferenceData::isKnownCountry(const QString& code) const
{
    if (code.size() != 2 || !code.at(0).isUpper() || !code.at(1).isUpper() || code.at(0).unicode() > 'Z'
        || code.at(1).unicode() > 'Z')
        return false;
    return m_knownCountries.isEmpty() || m_knownCountries.contains(code);
}

QString ReferenceData::goodKey(QStringView good)
{
    QString out;
    out.reserve(good.size());
    bool space = false;
    int depth = 0; // inside parentheses: "bricks (clay)" -> "bricks"
    for (QChar c : good) {
        if (c == QLatin1Char('(')) {
            ++depth;
            space = true;
        } else if (c == QLatin1Char(')')) {
            depth = std::max(0, depth - 1);
            space = true;
        } else if (depth > 0) {
            continue;
        } else if (c == QLatin1Char('&')) {
            if (!out.isEmpty())
                out += QLatin1Char(' ');
            out += QLatin1String("and");
            space = true;
        } else if (c.isLetterOrNumber()) {
            c = c.toCaseFolded();
            if (space && !out.isEmpty())
                out += QLatin1Char(' ');
            out += c;
            space = false;
        } else {
            space = true;
        }
    }
    if (out.size() > 3 && out.endsWith(QLatin1Char('s')) && !out.endsWith(QStringLiteral("ss")))
        out.chop(1);
    return out;
}

std::optional<QString> normalizeTipTier(QStringView text)
{
    QString s = text.toString().toCaseFolded().simplified();
    s.remove(QStringLiteral("tier"));
    s = s.simplified();
    if (s == QLatin1String("1"))
        return QStringLiteral("1");
    if (s == QLatin1String("2"))
        return QStringLiteral("2");
    if (s == QLatin1String("3"))
        return QStringLiteral("3");
    static const QRegularExpression watch(QStringLiteral("^2\\s*(wl|watch\\s*list|watchlist|w)$"));
    if (watch.match(s).hasMatch())
        return QStringLiteral("2WL");
    if (s == QLatin1String("special case") || s == QLatin1String("special"))
        return QStringLiteral("special");
    return std::nullopt;
}

std::optional<QString> normalizeItucRating(QStringView text)
{
    QString s = text.toString().toCaseFolded();
    s.remove(QStringLiteral("rating"));
    s.remove(QLatin1Char(' '));
    static const QRegularExpression re(QStringLiteral("^([1-5])(\\+?)$"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    if (!m.captured(2).isEmpty() && m.captured(1) != QLatin1String("5"))
        return std::nullopt;
    return m.captured(1) + m.captured(2);
}

} // namespace vigil
