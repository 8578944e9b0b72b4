#pragma once

#include "model/supplier.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

// Turns the text of a cell into a value, or says in plain words why it cannot. Each function is pure.
namespace normalize {

// A parsed value, or the reason it could not be parsed (message empty when ok). `note` is set when the value was
// read in a way the user should know about (a range, an approximation, an ambiguous date).
template <typename T>
struct Parsed
{
    std::optional<T> value; // empty cell: no value and no message
    QString message; // why the text is not a value
    QString note;
    bool ok() const { return message.isEmpty(); }
};

struct WorkerRange
{
    std::optional<int> min;
    std::optional<int> max;
    bool operator==(const WorkerRange& o) const { return min == o.min && max == o.max; }
};

// Trims, turns no-break and other Unicode spaces into spaces and collapses runs of spaces; keeps line breaks out.
QString text(const QString& cell);
// Like text() but keeps line breaks (addresses), trimming each line and dropping empty ones.
QString multilineText(const QString& cell);
// "a | b", "a; b" -> [a, b]: split on '|' when the cell has one, else on ';'; trimmed, empty and repeated parts
// dropped.
QStringList list(const QString& cell);

// "1,200", "1 200", "1.200", "1000-5000", "1000 to 5000", "<1000", "≤1000", ">500", "500+", "approx. 300",
// "~300", "about 300", "1.5k". Open-ended ranges keep the bound they have: "<1000" -> max 999, ">500" -> min 501.
Parsed<WorkerRange> workers(const QString& cell);
// "35%", "35 %", "0.35", "35", "35,5%". A bare number above 1 is a percentage, 1 or less a fraction.
Parsed<double> share(const QString& cell);
// "1,200,000.50", "1.200.000,50", "$1,200", "USD 1200", "1 200 €"; currency symbols or codes go to `currency`.
Parsed<double> amount(const QString& cell, QString* currency = nullptr);
// "2024-03-12", "12/03/2024" (day first unless the day is above 12 in the second place), "3/12/2024",
// "12.03.2024", "12 Mar 2024", "March 12, 2024", "2024/03/12", "20240312", "2024-03-12T10:00:00".
Parsed<QDate> date(const QString& cell);
// "1", "Tier 2", "T3", "tier-1".
Parsed<int> tier(const QString& cell);
// active / onboarding / suspended / exited and the words people use for them.
Parsed<SupplierStatus> status(const QString& cell);
// TRUE/FALSE, yes/no, 1/0, y/n.
Parsed<bool> boolean(const QString& cell);
// Any country name, former name, alias or ISO code, through the one alias table; also "China (mainland)".
Parsed<QString> country(const QString& cell);
// "usd", "US$", "$" -> USD; "€" -> EUR; an ISO 4217-looking code as is.
Parsed<QString> currency(const QString& cell);
// Open Supply Hub facility types and Vigil's site types.
std::optional<SiteType> siteType(const QString& cell);

// Warnings about plausible-but-suspicious values.
bool looksLikeAddress(const QString& name);
// The country named in the address when it is not `alpha2` (and the address does not also name alpha2), else "".
QString contradictingCountry(const QString& address, const QString& alpha2);
// More workers than any single site plausibly has.
constexpr int kImplausibleWorkers = 500000;

} // namespace normalize
} // namespace vigil
