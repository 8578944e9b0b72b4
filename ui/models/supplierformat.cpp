#include "models/supplierformat.h"

#include "reference/countries.h"

namespace vigil::ui::format {

QLocale locale()
{
    QLocale loc;
    if (loc.language() == QLocale::C)
        loc = QLocale(QLocale::English, QLocale::UnitedStates);
    return loc;
}

QString number(qint64 n)
{
    return locale().toString(n);
}

QString workers(const std::optional<int>& min, const std::optional<int>& max)
{
    if (min && max)
        return *min == *max ? number(*min) : QStringLiteral("%1–%2").arg(number(*min), number(*max));
    if (min)
        return QStringLiteral("≥ %1").arg(number(*min));
    if (max)
        return QStringLiteral("≤ %1").arg(number(*max));
    return {};
}

QString share(const std::optional<double>& share)
{
    if (!share)
        return {};
    const double pct = *share * 100.0;
    const bool whole = qAbs(pct - qRound(pct)) < 0.05;
    return locale().toString(pct, 'f', whole ? 0 : 1) + QLatin1Char('%');
}

QString country(const QString& alpha2)
{
    if (alpha2.isEmpty())
        return {};
    const QString name = Countries::instance().name(alpha2);
    return name == alpha2 ? alpha2 : QStringLiteral("%1 (%2)").arg(name, alpha2);
}

QString corridor(const QString& origin, const QString& destination)
{
    auto side
        = [](const QString& code) { return code.isEmpty() ? QStringLiteral("?") : Countries::instance().name(code); };
    return QStringLiteral("%1 → %2").arg(side(origin), side(destination));
}

QString status(SupplierStatus s)
{
    return displayName(s);
}

QString money(const std::optional<double>& amount, const QString& currency)
{
    if (!amount)
        return {};
    const QString n = locale().toString(*amount, 'f', 0);
    return currency.isEmpty() ? n : QStringLiteral("%1 %2").arg(n, currency);
}

} // namespace vigil::ui::format
