#include "io/cellformat.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <QTime>

#include <cmath>

namespace vigil {

QString CellFormat::number(double value)
{
    if (value == 0.0)
        return QStringLiteral("0"); // also -0
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) <= 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString CellFormat::serialDate(double serial, bool date1904, DateKind kind)
{
    if (kind == DateKind::None || !std::isfinite(serial) || serial < 0.0 || serial >= 2958466.0)
        return number(serial);
    const qint64 totalSeconds = std::llround(serial * 86400.0);
    const qint64 days = totalSeconds / 86400;
    const int seconds = int(totalSeconds % 86400);
    const QTime time = QTime(0, 0).addSecs(seconds);
    const QString timeText = time.toString(QStringLiteral("HH:mm:ss"));
    if (days == 0 && (kind == DateKind::Time || (kind == DateKind::DateTime && seconds != 0)))
        return timeText;
    QString dateText;
    if (date1904) {
        dateText = QDate(1904, 1, 1).addDays(days).toString(Qt::ISODate);
    } else if (days == 60) {
        dateText = QStringLiteral("1900-02-29"); // the day that Lotus 1-2-3 and Excel believe in
    } else if (days < 60) {
        dateText = QDate(1899, 12, 31).addDays(days).toString(Qt::ISODate);
    } else {
        dateText = QDate(1899, 12, 30).addDays(days).toString(Qt::ISODate);
    }
    if (seconds == 0)
        return dateText;
    return dateText + QLatin1Char('T') + timeText;
}

QString CellFormat::isoDate(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() == 10) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        return d.isValid() ? d.toString(Qt::ISODate) : text;
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        const QTime tm = QTime::fromString(t, Qt::ISODateWithMs);
        return tm.isValid() ? tm.toString(QStringLiteral("HH:mm:ss")) : text;
    }
    const QTime tm = dt.time();
    if (tm.hour() == 0 && tm.minute() == 0 && tm.second() == 0)
        return dt.date().toString(Qt::ISODate);
    return dt.date().toString(Qt::ISODate) + QLatin1Char('T') + tm.toString(QStringLiteral("HH:mm:ss"));
}

CellFormat::DateKind CellFormat::builtinKind(int id)
{
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
        return DateKind::Date;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || id == 32 || id == 33)
        return DateKind::Time;
    if (id == 22)
        return DateKind::DateTime;
    return DateKind::None;
}

CellFormat::DateKind CellFormat::formatCodeKind(const QString& code)
{
    // Only the first section decides (positive numbers). Strip what is not a token, then split the date/time
    // letters into runs: "yyyy-mm-dd" -> yyyy mm dd.
    QString plain;
    bool elapsed = false;
    const int n = int(code.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = code.at(i);
        if (c == QLatin1Char('"')) {
            const int close = int(code.indexOf(QLatin1Char('"'), i + 1));
            if (close < 0)
                break;
            i = close;
            plain += QLatin1Char(' ');
        } else if (c == QLatin1Char('[')) {
            const int close = int(code.indexOf(QLatin1Char(']'), i + 1));
            if (close < 0)
                break;
            // Elapsed time [h] [mm] [ss] counts as time; colours, conditions and locales do not.
            const QString inside = code.mid(i + 1, close - i - 1).toLower();
            if (!inside.isEmpty()
                && (inside.count(QLatin1Char('h')) == inside.size() || inside.count(QLatin1Char('m')) == inside.size()
                    || inside.count(QLatin1Char('s')) == inside.size()))
                elapsed = true;
            i = close;
            plain += QLatin1Char(' ');
        } else if (c == QLatin1Char('\\') || c == QLatin1Char('_') || c == QLatin1Char('*')) {
            ++i; // the next character is literal or padding
            plain += QLatin1Char(' ');
        } else if (c == QLatin1Char(';')) {
            break;
        } else {
            plain += c.toLower();
        }
    }
    if (plain.contains(QLatin1String("general")))
        return elapsed ? DateKind::Time : DateKind::None;
    bool time = elapsed;
    if (plain.contains(QLatin1String("am/pm")) || plain.contains(QLatin1String("a/p"))) {
        time = true;
        plain.replace(QLatin1String("am/pm"), QLatin1String(" "));
        plain.replace(QLatin1String("a/p"), QLatin1String(" "));
    }
    QList<QChar> runs; // the letter of each run of y m d h s
    QChar last;
    for (QChar c : plain) {
        const bool token = c == QLatin1Char('y') || c == QLatin1Char('m') || c == QLatin1Char('d')
            || c == QLatin1Char('h') || c == QLatin1Char('s');
        if (!token) {
            last = QChar();
            continue;
        }
        if (c != last)
            runs << c;
        last = c;
    }
    bool date = false;
    for (int i = 0; i < runs.size(); ++i) {
        const QChar k = runs[i];
        if (k == QLatin1Char('y') || k == QLatin1Char('d')) {
            date = true;
        } else if (k == QLatin1Char('h') || k == QLatin1Char('s')) {
            time = true;
        } else { // m: minutes next to an hour or before seconds, else a month
            const bool afterHour = i > 0 && runs[i - 1] == QLatin1Char('h');
            const bool beforeSecond = i + 1 < runs.size() && runs[i + 1] == QLatin1Char('s');
            if (afterHour || beforeSecond)
                time = true;
            else
                date = true;
        }
    }
    if (date && time)
        return DateKind::DateTime;
    if (date)
        return DateKind::Date;
    if (time)
        return DateKind::Time;
    return DateKind::None;
}

} // namespace vigil
