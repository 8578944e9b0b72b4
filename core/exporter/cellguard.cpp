#include "exporter/cellguard.h"

namespace vigil::cellguard {

namespace {

bool isTrigger(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

// Apostrophes (zero or more) then a trigger character.
bool guardedShape(const QString& cell, int minApostrophes)
{
    int i = 0;
    while (i < cell.size() && cell.at(i) == QLatin1Char('\''))
        ++i;
    return i >= minApostrophes && i < cell.size() && isTrigger(cell.at(i));
}

} // namespace

bool needsGuard(const QString& cell)
{
    return guardedShape(cell, 0);
}

QString guard(const QString& cell)
{
    return needsGuard(cell) ? QLatin1Char('\'') + cell : cell;
}

QString unguard(const QString& cell)
{
    return guardedShape(cell, 1) ? cell.mid(1) : cell;
}

} // namespace vigil::cellguard
