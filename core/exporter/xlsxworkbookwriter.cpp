#include "exporter/xlsxworkbookwriter.h"

#include "exporter/cellguard.h"
#include "util/savefile.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>

namespace vigil {

namespace {

// The helper's stdin pipe is kept this full at most: the rows wait in the pipe, not in memory.
constexpr qint64 kHighWater = 1024 * 1024;
constexpr qint64 kLowWater = 256 * 1024;
constexpr int kFinishTimeoutMs = 10 * 60 * 1000;

bool hasLoneSurrogate(const QString& s)
{
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= n || !s.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

QByteArray jsonString(const QString& s)
{
    const QByteArray utf8 = s.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (char ch : utf8) {
        const auto u = static_cast<unsigned char>(ch);
        if (u == '"' || u == '\\') {
            out += '\\';
            out += ch;
        } else if (u < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[u >> 4];
            out += "0123456789abcdef"[u & 0xF];
        } else {
            out += ch;
        }
    }
    out += '"';
    return out;
}

} // namespace

struct XlsxWorkbookWriter::Private
{
    QString path;
    QString program;
    std::unique_ptr<QTemporaryDir> tmp;
    QProcess process;
    QString sheet;
    qint64 rows = 0;
    bool open = false;
    bool failed = false;
    bool hasSheet = false;
};

XlsxWorkbookWriter::XlsxWorkbookWriter()
    : d(std::make_unique<Private>())
{
}

XlsxWorkbookWriter::~XlsxWorkbookWriter()
{
    if (d->process.state() != QProcess::NotRunning) {
        d->process.kill();
        d->process.waitForFinished(5000);
    }
}

qint64 XlsxWorkbookWriter::rowsInSheet() const
{
    return d->rows;
}

Result<QString> XlsxWorkbookWriter::helperProgram()
{
    const QString name = QString::fromLatin1(kHelperName);
    const QByteArray env = qgetenv(kHelperEnv);
    if (!env.isEmpty()) {
        const QString p = QString::fromLocal8Bit(env);
        const QFileInfo fi(p);
        if (fi.isFile() && fi.isExecutable())
            return fi.absoluteFilePath();
        return makeError(QStringLiteral("%1 is set to \"%2\", which is not an executable program: the XLSX writer "
                                        "(%3) cannot be run. Correct or unset %1.")
                             .arg(QString::fromLatin1(kHelperEnv), p, name));
    }
    QStringList dirs;
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        dirs << appDir << QDir::cleanPath(appDir + QStringLiteral("/../libexec/vigil"));
    }
    const QString found = dirs.isEmpty() ? QString() : QStandardPaths::findExecutable(name, dirs);
    if (!found.isEmpty())
        return found;
    return makeError(
        QStringLiteral("The XLSX writer (%1) was not found, so no XLSX file can be written. Looked in: "
                       "%2. Reinstall Vigil, or set %3 to the program's path; CSV export works "
                       "without it.")
            .arg(name, dirs.isEmpty() ? QStringLiteral("(no application directory)") : dirs.join(QStringLiteral(", ")),
                 QString::fromLatin1(kHelperEnv)));
}

Result<QByteArray> XlsxWorkbookWriter::encodeRow(const QVariantList& cells)
{
    QByteArray line;
    line.reserve(64 + 16 * cells.size());
    line += '[';
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QVariant& v = cells.at(i);
        if (i > 0)
            line += ',';
        auto cellError = [&](const QString& what) {
            Error e = makeError(what);
            e.column = int(i + 1);
            return e;
        };
        if (v.isNull() || !v.isValid()) {
            line += "null";
            continue;
        }
        switch (v.typeId()) {
        case QMetaType::Bool:
            line += v.toBool() ? "true" : "false";
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
        case QMetaType::Double:
        case QMetaType::Float: {
            const double x = v.toDouble();
            if (!std::isfinite(x))
                return cellError(QStringLiteral("A number that is not finite cannot be written to XLSX."));
            line += QByteArray::number(x, 'g', QLocale::FloatingPointShortest);
            break;
        }
        case QMetaType::QDate: {
            const QDate date = v.toDate();
            if (!date.isValid() || date.year() < 1900 || date.year() > 9999)
                return cellError(QStringLiteral("The date %1 is outside what a spreadsheet holds (1900 to 9999).")
                                     .arg(date.toString(Qt::ISODate)));
            line += "{\"date\":\"" + date.toString(Qt::ISODate).toLatin1() + "\"}";
            break;
        }
        case QMetaType::QDateTime: {
            const QDateTime dt = v.toDateTime();
            if (!dt.isValid() || dt.date().year() < 1900 || dt.date().year() > 9999)
                return cellError(QStringLiteral("The date %1 is outside what a spreadsheet holds (1900 to 9999).")
                                     .arg(dt.toString(Qt::ISODate)));
            line += "{\"datetime\":\"" + dt.date().toString(Qt::ISODate).toLatin1() + 'T'
                + dt.time().toString(QStringLiteral("HH:mm:ss.zzz")).toLatin1() + "\"}";
            break;
        }
        default: {
            const QString text = v.toString();
            if (hasLoneSurrogate(text))
                return cellError(QStringLiteral("The text holds an unpaired UTF-16 surrogate, which no XLSX file can "
                                                "carry; it was not replaced."));
            line += jsonString(cellguard::guard(text));
        }
        }
    }
    line += "]\n";
    return line;
}

Status XlsxWorkbookWriter::fail(Error e)
{
    d->failed = true;
    if (d->process.state() != QProcess::NotRunning) {
        d->process.kill();
        d->process.waitForFinished(5000);
    }
    if (e.file.isEmpty())
        e.file = d->path;
    return e;
}

Error XlsxWorkbookWriter::helperFailure(const QString& context)
{
    if (d->process.state() != QProcess::NotRunning)
        d->process.waitForFinished(5000);
    const QString said = QString::fromUtf8(d->process.readAllStandardError()).trimmed();
    QString why;
    if (d->process.state() != QProcess::NotRunning)
        why = QStringLiteral("it stopped answering");
    else if (d->process.exitStatus() == QProcess::CrashExit)
        why = QStringLiteral("it stopped unexpectedly (%1)").arg(d->process.errorString());
    else
        why = QStringLiteral("it exited with status %1").arg(d->process.exitCode());
    Error e = makeError(QStringLiteral("The XLSX file could not be written (%1): %2%3. Nothing was written.")
                            .arg(context, said.isEmpty() ? QString() : said + QStringLiteral("; "), why),
                        d->program);
    return e;
}

Status XlsxWorkbookWriter::open(const QString& path)
{
    d->path = path;
    // SaveFile would only find out at close(), after the whole export: say it now.
    const QFileInfo target(path);
    if (!target.absoluteDir().exists())
        return fail(makeError(QStringLiteral("Cannot write this file: the folder %1 does not exist.")
                                  .arg(QDir::toNativeSeparators(target.absolutePath()))));
    auto program = helperProgram();
    if (!program)
        return fail(program.error());
    d->program = program.value();
    d->tmp = std::make_unique<QTemporaryDir>();
    if (!d->tmp->isValid())
        return fail(makeError(
            QStringLiteral("No temporary folder could be made for the XLSX export: %1.").arg(d->tmp->errorString())));
    d->process.setStandardOutputFile(QProcess::nullDevice());
    d->process.start(d->program,
                     {QStringLiteral("--out"), d->tmp->filePath(QStringLiteral("workbook.xlsx")),
                      QStringLiteral("--tmpdir"), d->tmp->path()});
    if (!d->process.waitForStarted(30000))
        return fail(makeError(QStringLiteral("The XLSX writer (%1) could not be started: %2.")
                                  .arg(d->program, d->process.errorString())));
    d->open = true;
    return send(QByteArrayLiteral("{\"vigil-xlsx\":1}\n"));
}

Status XlsxWorkbookWriter::send(const QByteArray& line)
{
    if (d->failed || !d->open)
        return makeError(QStringLiteral("The XLSX writer is not open."));
    if (d->process.state() != QProcess::Running || d->process.write(line) != line.size())
        return fail(helperFailure(QStringLiteral("the writer stopped taking rows")));
    if (d->process.bytesToWrite() > kHighWater) {
        while (d->process.bytesToWrite() > kLowWater) {
            if (!d->process.waitForBytesWritten(60000) && d->process.state() != QProcess::Running)
                return fail(helperFailure(QStringLiteral("the writer stopped taking rows")));
        }
    }
    return {};
}

Status XlsxWorkbookWriter::addSheet(const QString& name, const QStringList& header)
{
    if (header.size() > kMaxColumns)
        return fail(makeError(QStringLiteral("The sheet %1 has %2 columns; an XLSX sheet holds at most %3.")
                                  .arg(name)
                                  .arg(header.size())
                                  .arg(kMaxColumns)));
    if (hasLoneSurrogate(name))
        return fail(makeError(QStringLiteral("The sheet name holds an unpaired UTF-16 surrogate.")));
    QByteArray line = "{\"sheet\":" + jsonString(name) + ",\"header\":[";
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (hasLoneSurrogate(header.at(i)))
            return fail(
                makeError(QStringLiteral("A header of the sheet %1 holds an unpaired UTF-16 surrogate.").arg(name)));
        line += (i ? "," : "") + jsonString(cellguard::guard(header.at(i)));
    }
    line += "]}\n";
    d->sheet = name;
    d->rows = header.isEmpty() ? 0 : 1;
    d->hasSheet = true;
    return send(line);
}

Status XlsxWorkbookWriter::addRow(const QVariantList& cells)
{
    if (!d->hasSheet)
        return fail(makeError(QStringLiteral("A row was written before any sheet.")));
    if (d->rows >= kMaxRows)
        return fail(makeError(QStringLiteral("%1 has more rows than an XLSX sheet holds (%2); export as CSV instead.")
                                  .arg(d->sheet)
                                  .arg(kMaxRows)));
    if (cells.size() > kMaxColumns)
        return fail(makeError(QStringLiteral("A row of %1 has %2 cells; an XLSX row holds at most %3.")
                                  .arg(d->sheet)
                                  .arg(cells.size())
                                  .arg(kMaxColumns)));
    auto line = encodeRow(cells);
    if (!line) {
        Error e = line.error();
        e.row = d->rows + 1;
        e.field = d->sheet;
        return fail(e);
    }
    ++d->rows;
    return send(line.value());
}

Status XlsxWorkbookWriter::close()
{
    if (Status st = send(QByteArrayLiteral("{\"end\":true}\n")); !st)
        return st;
    d->process.closeWriteChannel();
    if (!d->process.waitForFinished(kFinishTimeoutMs) || d->process.exitStatus() != QProcess::NormalExit
        || d->process.exitCode() != 0)
        return fail(helperFailure(QStringLiteral("the writer could not finish the workbook")));
    d->open = false;
    QFile workbook(d->tmp->filePath(QStringLiteral("workbook.xlsx")));
    if (!workbook.open(QIODevice::ReadOnly) || workbook.size() == 0)
        return fail(makeError(
            QStringLiteral("The XLSX writer reported success but left no workbook (%1).").arg(workbook.errorString())));
    // Copied through SaveFile (QSaveFile): the file at `path` is replaced only once the copy is complete.
    return saveToFile(d->path, [&workbook](QIODevice& out) -> Status {
        while (!workbook.atEnd()) {
            const QByteArray chunk = workbook.read(1024 * 1024);
            if (chunk.isEmpty() && workbook.error() != QFileDevice::NoError)
                return makeError(
                    QStringLiteral("The finished workbook could not be read back: %1.").arg(workbook.errorString()));
            if (out.write(chunk) != chunk.size())
                return makeError(QStringLiteral("The export could not be written: %1.").arg(out.errorString()));
        }
        return {};
    });
}

} // namespace vigil
