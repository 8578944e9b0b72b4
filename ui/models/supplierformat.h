#pragma once

#include "model/supplier.h"

#include <QLocale>
#include <QString>

#include <optional>

namespace vigil::ui {

// How the GUI writes supplier values: one place, so the register, the detail view and the dialogs agree.
namespace format {

// The user's locale, or English when the process runs in the C locale (tests, bare containers).
QLocale locale();
QString number(qint64 n);
// "1,000–5,000", "≥ 1,000", "≤ 500", "250", or "" when unknown.
QString workers(const std::optional<int>& min, const std::optional<int>& max);
// 0.375 -> "37.5%" ("" when unknown).
QString share(const std::optional<double>& share);
// "Viet Nam (VN)"; "" for an empty code.
QString country(const QString& alpha2);
// "Viet Nam → Malaysia" for a recruitment corridor.
QString corridor(const QString& origin, const QString& destination);
QString status(SupplierStatus s);
QString money(const std::optional<double>& amount, const QString& currency);

} // namespace format
} // namespace vigil::ui
