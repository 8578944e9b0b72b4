// bench_xlsxexport: XLSX export through XlsxWorkbookWriter (libxlsxwriter in vigil-xlsxwriter) for growing row
// counts: wall time, file size, and peak memory of this process and of the helper. Memory must not grow with the
// number of rows (rows are streamed to the helper, which writes them in libxlsxwriter's constant-memory mode).
// Prints figures; never passes or fails.
//
//     bench_xlsxexport [--rows N]     (without --rows: 10,000, 100,000 and 300,000 rows, each in a fresh process)
//
// The helper is found through VIGIL_XLSXWRITER or, by default, ../bin/vigil-xlsxwriter from this program.
#include "exporter/xlsxworkbookwriter.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

using namespace vigil;

namespace {

int runOnce(qint64 rows)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.xlsx"));
    const QStringList header{"vigil_id", "name",         "other_names", "country",       "address",   "sector",
                             "tier",     "annual_spend", "workers_min", "migrant_share", "last_audit"};
    QElapsedTimer t;
    t.start();
    XlsxWorkbookWriter w;
    if (Status st = w.open(path); !st) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
        return 1;
    }
    (void)w.addSheet(QStringLiteral("Suppliers"), header);
    QVariantList row;
    for (qint64 i = 0; i < rows; ++i) {
        row = {QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')),
               QStringLiteral("Supplier %1 Garment Co., Ltd").arg(i),
               QStringLiteral("บริษัท ซัพพลายเออร์ %1 จำกัด | 供应商 %1 有限公司").arg(i),
               QStringLiteral("TH"),
               QStringLiteral("%1 Moo 3, Mahachai, Samut Sakhon 74000").arg(i % 999),
               QStringLiteral("Textiles and garments"),
               int(1 + i % 3),
               1000.5 + double(i),
               int(50 + i % 5000),
               double(i % 100) / 100.0,
               QDate(2020, 1, 1).addDays(i % 2000)};
        if (Status st = w.addRow(row); !st) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
            return 1;
        }
    }
    if (Status st = w.close(); !st) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
        return 1;
    }
    const double seconds = t.elapsed() / 1000.0;
    rusage self{};
    rusage children{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    auto cpu = [](const rusage& u) {
        return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    };
    std::printf("%9lld rows x 11 columns: %6.2f s wall (%7.0f rows/s), cpu %5.2f s here + %5.2f s helper; %5.1f MB "
                "file; peak memory %5.1f MB here, %5.1f MB helper\n",
                static_cast<long long>(rows), seconds, rows / seconds, cpu(self), cpu(children),
                QFileInfo(path).size() / 1e6, self.ru_maxrss / 1024.0, children.ru_maxrss / 1024.0);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty(XlsxWorkbookWriter::kHelperEnv))
        qputenv(XlsxWorkbookWriter::kHelperEnv,
                QDir(app.applicationDirPath()).filePath(QStringLiteral("../bin/vigil-xlsxwriter")).toLocal8Bit());
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--rows")));
    if (at > 0 && at + 1 < args.size())
        return runOnce(args.at(at + 1).toLongLong());
    for (const char* n : {"10000", "100000", "300000"}) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(app.applicationFilePath(), {QStringLiteral("--rows"), QString::fromLatin1(n)});
        if (!p.waitForFinished(-1) || p.exitCode() != 0)
            return 1;
    }
    return 0;
}
