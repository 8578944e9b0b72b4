#include "pdftools.h"

#include "testsupport.h"

#include <QRegularExpression>

namespace vigil::test {

QString pdfText(const QString& pdf, int page, const QStringList& options)
{
    QStringList args = options;
    args << QStringLiteral("-enc") << QStringLiteral("UTF-8");
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    const ProcessResult r = runProgram(QStringLiteral("pdftotext"), args << pdf << QStringLiteral("-"));
    return r.exitCode == 0 ? QString::fromUtf8(r.out) : QString();
}

int pdfPageCount(const QString& pdf)
{
    const QString info = QString::fromUtf8(runProgram(QStringLiteral("pdfinfo"), {pdf}).out);
    const auto m
        = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace vigil::test
