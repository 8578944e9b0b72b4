#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

enum class SiteType { Factory, Farm, Vessel, Dormitory, Port, Warehouse, ProcessingPlant, Mine, Office, Other };
enum class IdentifierScheme { VendorId, Lei, Duns, OsId, TaxId, Other };
enum class SupplierStatus { Active, Onboarding, Suspended, Exited };
enum class LicenceStatus { Unknown, Licensed, Unlicensed };

QString toString(SiteType t);
QString toString(IdentifierScheme s);
QString toString(SupplierStatus s);
QString toString(LicenceStatus s);
std::optional<SiteType> siteTypeFromString(const QString& s);
std::optional<IdentifierScheme> identifierSchemeFromString(const QString& s);
std::optional<SupplierStatus> supplierStatusFromString(const QString& s);
std::optional<LicenceStatus> licenceStatusFromString(const QString& s);
QString displayName(IdentifierScheme s);
QString displayName(SupplierStatus s);

struct Site
{
    QString id;
    QString supplierId;
    QString name;
    SiteType type = SiteType::Factory;
    QString address;
    QString country; // ISO 3166-1 alpha-2, may be empty
    std::optional<int> workers;
    bool operator==(const Site& o) const;
};

struct Identifier
{
    IdentifierScheme scheme = IdentifierScheme::VendorId;
    QString value;
    bool operator==(const Identifier& o) const { return scheme == o.scheme && value == o.value; }
};

struct Recruiter
{
    QString id;
    QString name;
    QString country;
    QString licenceNumber;
    LicenceStatus licenceStatus = LicenceStatus::Unknown;
    QString address;
    bool operator==(const Recruiter& o) const;
};

// A recruiter's link to a supplier through a recruitment corridor (origin -> destination country).
struct RecruiterLink
{
    QString recruiterId;
    QString recruiterName; // filled on read, for display
    QString originCountry;
    QString destinationCountry;
    std::optional<int> workersRecruited;
    QString since; // ISO date or empty
    bool operator==(const RecruiterLink& o) const;
};

// The supplier's own fields: what the register shows and edits.
struct Supplier
{
    QString id; // UUID
    QString name;
    QStringList otherNames;
    QString country; // ISO 3166-1 alpha-2
    QString address;
    QString sector;
    QStringList products;
    int tier = 1; // 1 = direct supplier, 2, 3 ... further up the chain
    std::optional<double> annualSpend;
    QString currency; // ISO 4217
    std::optional<int> workersMin;
    std::optional<int> workersMax;
    std::optional<double> migrantShare; // 0..1
    std::optional<double> femaleShare; // 0..1
    SupplierStatus status = SupplierStatus::Active;
    QStringList tags;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool operator==(const Supplier& o) const;
    bool operator!=(const Supplier& o) const { return !(*this == o); }
};

// A supplier with everything it owns: what undo of a delete restores.
struct SupplierRecord
{
    Supplier supplier;
    QList<Site> sites;
    QList<Identifier> identifiers;
    QList<RecruiterLink> recruiters;
};

// The field names used in the change log and in SupplierStore's change signals.
namespace SupplierField {
inline const QString Name = QStringLiteral("name");
inline const QString OtherNames = QStringLiteral("other_names");
inline const QString Country = QStringLiteral("country");
inline const QString Address = QStringLiteral("address");
inline const QString Sector = QStringLiteral("sector");
inline const QString Products = QStringLiteral("products");
inline const QString Tier = QStringLiteral("tier");
inline const QString AnnualSpend = QStringLiteral("annual_spend");
inline const QString Currency = QStringLiteral("currency");
inline const QString WorkersMin = QStringLiteral("workers_min");
inline const QString WorkersMax = QStringLiteral("workers_max");
inline const QString MigrantShare = QStringLiteral("migrant_share");
inline const QString FemaleShare = QStringLiteral("female_share");
inline const QString Status = QStringLiteral("status");
inline const QString Tags = QStringLiteral("tags");
} // namespace SupplierField

// Field-by-field differences (field -> {old, new} as display text), in a stable order.
struct FieldChange
{
    QString field;
    QString oldValue;
    QString newValue;
};
QList<FieldChange> diff(const Supplier& before, const Supplier& after);

// Reasons the supplier cannot be saved, one per field; empty when valid.
struct ValidationIssue
{
    QString field;
    QString message;
};
QList<ValidationIssue> validate(const Supplier& s);

} // namespace vigil

Q_DECLARE_METATYPE(vigil::Supplier)
