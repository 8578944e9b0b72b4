// vigil-xlsxwriter: reads sheets and rows on stdin (README.md describes the protocol) and writes an XLSX workbook
// with libxlsxwriter. vigil_core's XlsxWriter runs it; it is not meant to be run by hand.
//
//     vigil-xlsxwriter --out FILE [--tmpdir DIR]
//
// Exit status: 0 the workbook is complete in FILE; 1 usage; 2 bad input (stderr names the input line);
// 3 the input ended before the end record (nothing is written); 4 the workbook could not be written.
// On any failure FILE is removed, so a caller never mistakes a partial file for a workbook.
#include "workbookstream.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <cstdio>

namespace {

int failWith(int code, const QString& message, const QString& outPath)
{
    if (!outPath.isEmpty())
        QFile::remove(outPath);
    std::fprintf(stderr, "vigil-xlsxwriter: %s\n", message.toUtf8().constData());
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString outPath;
    QString tmpDir;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--out") && i + 1 < args.size())
            outPath = args.at(++i);
        else if (args.at(i) == QLatin1String("--tmpdir") && i + 1 < args.size())
            tmpDir = args.at(++i);
        else
            return failWith(1, QStringLiteral("usage: vigil-xlsxwriter --out FILE [--tmpdir DIR] < records"), {});
    }
    if (outPath.isEmpty())
        return failWith(1, QStringLiteral("usage: vigil-xlsxwriter --out FILE [--tmpdir DIR] < records"), {});

    vigil::xlsxhelper::WorkbookStream stream;
    if (!stream.open(outPath, tmpDir))
        return failWith(4, stream.error(), outPath);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return failWith(4, QStringLiteral("cannot read the standard input"), outPath);
    qint64 lineNumber = 0;
    while (!stream.finished()) {
        QByteArray line = in.readLine();
        if (line.isEmpty()) {
            if (in.atEnd() || in.error() != QFileDevice::NoError)
                return failWith(3, QStringLiteral("the input ended before the end record; nothing was written"),
                                outPath);
            continue;
        }
        ++lineNumber;
        if (line.endsWith('\n'))
            line.chop(1);
        if (!stream.feed(line)) {
            const bool writeError = stream.error().startsWith(QLatin1String("cannot write"));
            return failWith(writeError ? 4 : 2, QStringLiteral("line %1: %2").arg(lineNumber).arg(stream.error()),
                            outPath);
        }
    }
    if (!in.readLine().isEmpty())
        return failWith(2, QStringLiteral("line %1: input after the end record").arg(lineNumber + 1), outPath);
    return 0;
}
