#include "reference/countries.h"

#include "util/textkey.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

#include <algorithm>

namespace vigil {

static QJsonArray readIsoArray(const QString& path, const QString& key)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("Vigil: the bundled country table %s is missing", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll()).object().value(key).toArray();
}

Countries::Countries()
{
    const QJsonArray current = readIsoArray(QStringLiteral(":/countries/iso_3166-1.json"), QStringLiteral("3166-1"));
    for (const QJsonValue& v : current) {
        const QJsonObject o = v.toObject();
        Entry e;
        e.alpha2 = o.value(QStringLiteral("alpha_2")).toString();
        e.alpha3 = o.value(QStringLiteral("alpha_3")).toString();
        e.numeric = o.value(QStringLiteral("numeric")).toString();
        e.name = o.value(QStringLiteral("name")).toString();
        e.officialName = o.value(QStringLiteral("official_name")).toString();
        e.commonName = o.value(QStringLiteral("common_name")).toString();
        m_byCode.insert(e.alpha2, int(m_entries.size()));
        m_byCode3.insert(e.alpha3, e.alpha2);
        m_byCode3.insert(e.numeric, e.alpha2);
        m_entries.append(e);
    }
    // Kosovo has no ISO 3166-1 code; XK is the user-assigned code the EU, the World Bank and ILAB's data use.
    if (!m_byCode.contains(QStringLiteral("XK"))) {
        Entry kosovo{QStringLiteral("XK"),
                     QStringLiteral("XKX"),
                     QString(),
                     QStringLiteral("Kosovo"),
                     QStringLiteral("Republic of Kosovo"),
                     QString()};
        m_byCode.insert(kosovo.alpha2, int(m_entries.size()));
        m_byCode3.insert(kosovo.alpha3, kosovo.alpha2);
        m_entries.append(kosovo);
    }
    for (const Entry& e : std::as_const(m_entries)) {
        addAlias(e.name, e.alpha2, true);
        if (!e.officialName.isEmpty())
            addAlias(e.officialName, e.alpha2, true);
        if (!e.commonName.isEmpty())
            addAlias(e.commonName, e.alpha2, true);
    }
    // Former countries (ISO 3166-3) whose code has a single current successor: "Burma" (BUMM) -> MM.
    const QJsonArray former = readIsoArray(QStringLiteral(":/countries/iso_3166-3.json"), QStringLiteral("3166-3"));
    for (const QJsonValue& v : former) {
        const QJsonObject o = v.toObject();
        const QString successor = o.value(QStringLiteral("alpha_4")).toString().mid(2);
        if (m_byCode.contains(successor))
            addAlias(o.value(QStringLiteral("name")).toString(), successor, false);
    }
    // Aliases that sources use and ISO does not; they win over former names.
    QFile f(QStringLiteral(":/countries/aliases.tsv"));
    if (f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList parts = line.split(QLatin1Char('\t'));
            if (parts.size() >= 2 && m_byCode.contains(parts.at(1).trimmed()))
                addAlias(parts.at(0).trimmed(), parts.at(1).trimmed(), true);
            else
                qWarning("Vigil: ignored country alias line: %s", qPrintable(line));
        }
    }
}

void Countries::addAlias(const QString& alias, const QString& alpha2, bool override)
{
    const QString key = looseKey(alias);
    if (key.isEmpty())
        return;
    if (override || !m_byKey.contains(key))
        m_byKey.insert(key, alpha2);
}

const Countries& Countries::instance()
{
    static const Countries countries;
    return countries;
}

std::optional<QString> Countries::resolve(QStringView nameOrCode) const
{
    const QString s = nameOrCode.trimmed().toString();
    if (s.isEmpty())
        return std::nullopt;
    if (s.size() == 2) {
        const QString upper = s.toUpper();
        if (m_byCode.contains(upper))
            return upper;
    }
    if (s.size() == 3) {
        const auto it = m_byCode3.constFind(s.toUpper());
        if (it != m_byCode3.constEnd())
            return *it;
    }
    const auto it = m_byKey.constFind(looseKey(s));
    if (it != m_byKey.constEnd())
        return *it;
    return std::nullopt;
}

QString Countries::name(const QString& alpha2) const
{
    const Entry* e = entry(alpha2);
    return e ? e->displayName() : alpha2;
}

const Countries::Entry* Countries::entry(const QString& alpha2) const
{
    const auto it = m_byCode.constFind(alpha2);
    return it == m_byCode.constEnd() ? nullptr : &m_entries.at(*it);
}

QStringList Countries::codes() const
{
    QStringList list = m_byCode.keys();
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace vigil
