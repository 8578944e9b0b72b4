#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace vigil {

// The one ISO 3166-1 alias table: every country name or code any source uses resolves here to an alpha-2 code.
// Built from Debian's iso-codes (ISO 3166-1 names, official and common names, alpha-3 and numeric codes; ISO 3166-3
// former names with a single successor) plus resources/countries/aliases.tsv for names sources use that ISO
// does not ("UK", "USA", "Burma", "Türkiye", "People's Republic of China", ILAB's "Congo, Democratic Republic of the").
// Kosovo, which ISO 3166-1 does not list, has the user-assigned code XK that the EU, the World Bank and ILAB use.
class Countries
{
public:
    struct Entry
    {
        QString alpha2;
        QString alpha3;
        QString numeric;
        QString name; // ISO short name, e.g. "Korea, Republic of"
        QString officialName; // may be empty
        QString commonName; // may be empty, e.g. "South Korea"
        QString displayName() const { return commonName.isEmpty() ? name : commonName; }
    };

    static const Countries& instance();

    // Any name, former name, alias, alpha-2, alpha-3 or numeric code -> alpha-2; nothing if unknown.
    // Case, spacing, punctuation and Latin diacritics do not matter.
    std::optional<QString> resolve(QStringView nameOrCode) const;
    bool isCode(const QString& alpha2) const { return m_byCode.contains(alpha2); }
    // Display name of an alpha-2 code ("South Korea"); the code itself if unknown.
    QString name(const QString& alpha2) const;
    const Entry* entry(const QString& alpha2) const;
    const QList<Entry>& entries() const { return m_entries; }
    QStringList codes() const;

private:
    Countries();
    void addAlias(const QString& alias, const QString& alpha2, bool override);

    QList<Entry> m_entries;
    QHash<QString, int> m_byCode; // alpha-2 -> index in m_entries
    QHash<QString, QString> m_byKey; // looseKey(name) -> alpha-2
    QHash<QString, QString> m_byCode3; // alpha-3 and numeric -> alpha-2
};

} // namespace vigil
