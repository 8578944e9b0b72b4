// vigil-cli report, read back with tools nobody here wrote: qpdf --check, pdftotext and pdffonts (poppler-utils),
// LibreOffice (soffice) for ODT and XLSX.
#include "libreoffice.h"
#include "testsupport.h"

#include "risk/riskrepository.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using vigil::test::Office;
using vigil::test::parseCsv;
using vigil::test::runCli;
using vigil::test::runProgram;
using vigil::test::soffice;

namespace {

// One name per script the suppliers' names use.
const QStringList kNames{QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"), QStringLiteral("Công ty TNHH Thủy sản Phúc An"),
                         QStringLiteral("广州明华服装有限公司"), QStringLiteral("မြတ်သီတာ အထည်ချုပ်"),
                         QStringLiteral("নীলাচল ফুটওয়্যার লিমিটেড")};
// The embedded font that must cover each script.
const QStringList kFonts{QStringLiteral("NotoSansThai"), QStringLiteral("NotoSans-Regular"),
                         QStringLiteral("NotoSansCJKsc"), QStringLiteral("NotoSansMyanmar"),
                         QStringLiteral("NotoSansBengali")};

QString normalizeSpaces(QString s)
{
    return s.simplified();
}

// A name is in the PDF's text when pdftotext gives it back exactly, both NFKC-normalised (pdftotext gives
// compatibility characters where a glyph is shared: the "fi" ligature, U+0E33 SARA AM as U+0E4D U+0E32, CJK radicals
// such as U+2F34 for 广). A line break inside a table cell counts as the space it replaced, nothing more.
bool nameInText(const QString& name, const QString& text)
{
    const QString nfkc = text.normalized(QString::NormalizationForm_KC);
    const QString wanted = name.normalized(QString::NormalizationForm_KC);
    return nfkc.contains(wanted) || nfkc.simplified().contains(wanted);
}

} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void supplierPdfHasTextAndFonts();
    void portfolioPdf();
    void statementsEveryFormat_data();
    void statementsEveryFormat();
    void htmlIsOneEscapedFile();
    void odtOpensInLibreOffice();
    void xlsxReadBackByLibreOffice();
    void setTextFromFile();
    void usageErrors_data();
    void usageErrors();

private:
    QString ws() const { return m_dir.filePath(QStringLiteral("w.vigil")); }
    QString out(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QString m_id;
};

void TestCliReport::initTestCase()
{
    QVERIFY(QFile::exists(vigil::test::cliPath()));
    auto db = Database::open(ws(), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    QVERIFY(loadSamplePortfolio(*db.value()).ok());
    SupplierRecord r;
    m_id = newUuid();
    r.supplier.id = m_id;
    r.supplier.name = QStringLiteral("=cmd|' /C calc'!A0 Multi-script Foods");
    r.supplier.otherNames = kNames;
    r.supplier.country = QStringLiteral("TH");
    r.supplier.sector = QStringLiteral("fishing");
    r.supplier.products = {QStringLiteral("Fish")};
    QVERIFY(SupplierRepository(*db.value()).add(r).ok());
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_07_retention_of_identity_documents");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    o.date = QDate(2026, 1, 10);
    o.note = QStringLiteral("Worker Min Thu's passport kept");
    QVERIFY(RiskRepository(*db.value()).addObservation(m_id, o).ok());
}

void TestCliReport::supplierPdfHasTextAndFonts()
{
    const QString pdf = out(QStringLiteral("supplier.pdf"));
    auto r = runCli({QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("supplier"),
                     QStringLiteral("--supplier"), m_id, QStringLiteral("--format"), QStringLiteral("pdf"),
                     QStringLiteral("--out"), pdf, QStringLiteral("-w"), ws()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto check = runProgram(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf});
    QVERIFY2(check.exitCode == 0, check.out.constData());
    auto text = runProgram(QStringLiteral("pdftotext"),
                           {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    QCOMPARE(text.exitCode, 0);
    const QString raw = QString::fromUtf8(text.out);
    const QString t = normalizeSpaces(raw);
    for (const QString& name : kNames)
        QVERIFY2(nameInText(name, raw), qPrintable(QStringLiteral("missing from the PDF text: ") + name));
    // A name that is not there is not found (the check can fail).
    QVERIFY(!nameInText(QStringLiteral("บริษัท ไม่มี อยู่จริง จำกัด"), raw));
    QVERIFY(!nameInText(QStringLiteral("広州不存在服装公司"), raw));
    QVERIFY(t.contains(QStringLiteral("Retention of identity documents"), Qt::CaseInsensitive));
    QVERIFY(!t.contains(QStringLiteral("Min Thu")));
    QVERIFY(t.contains(QStringLiteral("Page 1 of")));
    auto fonts = runProgram(QStringLiteral("pdffonts"), {pdf});
    QCOMPARE(fonts.exitCode, 0);
    const QStringList lines = QString::fromUtf8(fonts.out).split(QLatin1Char('\n'));
    for (const QString& font : kFonts) {
        bool embedded = false;
        for (const QString& line : lines) {
            const QStringList cols = line.simplified().split(QLatin1Char(' '));
            // name type... emb sub uni object ID: "emb" is the 5th column from the end
            if (cols.size() >= 6 && cols.first().contains(font) && cols[cols.size() - 5] == QLatin1String("yes"))
                embedded = true;
        }
        QVERIFY2(embedded, qPrintable(QStringLiteral("no embedded %1 font in\n%2").arg(font, lines.join('\n'))));
    }
}

void TestCliReport::portfolioPdf()
{
    const QString pdf = out(QStringLiteral("portfolio.pdf"));
    auto r = runCli({QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("portfolio"),
                     QStringLiteral("--out"), pdf, QStringLiteral("-w"), ws()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(runProgram(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf}).exitCode, 0);
    auto text = runProgram(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    const QString t = normalizeSpaces(QString::fromUtf8(text.out));
    QVERIFY(t.contains(QStringLiteral("Portfolio forced-labour risk report")));
    QVERIFY(t.contains(QStringLiteral("Multi-script Foods"))); // top risk: zero tolerance
    QVERIFY(t.contains(QStringLiteral("208"))); // suppliers
    QVERIFY(t.contains(QStringLiteral("US DOL ILAB")) || t.contains(QStringLiteral("ILAB")));
}

void TestCliReport::statementsEveryFormat_data()
{
    QTest::addColumn<QString>("jurisdiction");
    QTest::addColumn<QString>("firstRef");
    QTest::addColumn<QString>("lastRef");
    QTest::addRow("uk") << "uk"
                        << "s54(5)(a)"
                        << "s54(5)(f)";
    QTest::addRow("au") << "au"
                        << "s16(1)(a)"
                        << "s16(1)(g)";
    QTest::addRow("ca") << "ca"
                        << "s11(3)(a)"
                        << "s11(3)(g)";
    QTest::addRow("de") << "de"
                        << "§10(2) Nr. 1"
                        << "§10(2) Nr. 4";
    QTest::addRow("eu") << "eu"
                        << "Art. 7"
                        << "Art. 16";
}

void TestCliReport::statementsEveryFormat()
{
    QFETCH(QString, jurisdiction);
    QFETCH(QString, firstRef);
    QFETCH(QString, lastRef);
    const QString pdf = out(QStringLiteral("st-%1.pdf").arg(jurisdiction));
    auto r = runCli({QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("statement"),
                     QStringLiteral("--jurisdiction"), jurisdiction, QStringLiteral("--format"), QStringLiteral("pdf"),
                     QStringLiteral("--out"), pdf, QStringLiteral("-w"), ws()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(runProgram(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf}).exitCode, 0);
    const QString t = normalizeSpaces(
        QString::fromUtf8(runProgram(QStringLiteral("pdftotext"),
                                     {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")})
                              .out));
    QVERIFY2(t.contains(firstRef), qPrintable(firstRef));
    QVERIFY2(t.contains(lastRef), qPrintable(lastRef));
    QVERIFY(t.contains(QStringLiteral("TO BE WRITTEN BY THE COMPANY")));
    QVERIFY(t.contains(QStringLiteral("208")));
    for (const QString& f : {QStringLiteral("html"), QStringLiteral("odt")}) {
        const QString file = out(QStringLiteral("st-%1.%2").arg(jurisdiction, f));
        auto rr = runCli({QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("statement"),
                          QStringLiteral("--jurisdiction"), jurisdiction, QStringLiteral("--out"), file,
                          QStringLiteral("-w"), ws()});
        QVERIFY2(rr.exitCode == 0, rr.err.constData());
        QVERIFY(QFileInfo(file).size() > 1000);
    }
}

void TestCliReport::htmlIsOneEscapedFile()
{
    const QString html = out(QStringLiteral("supplier.html"));
    auto r = runCli({QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("supplier"),
                     QStringLiteral("--supplier"), m_id, QStringLiteral("--out"), html, QStringLiteral("-w"), ws()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(html);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(text.contains(QStringLiteral("=cmd|&#39; /C calc&#39;!A0 Multi-script Foods")));
    for (const QString& name : kNames)
        QVERIFY(text.contains(name));
    QVERIFY(!text.contains(QStringLiteral("Min Thu")));
    QVERIFY(!text.contains(QStringLiteral("src=\"http")));
}

void TestCliReport::odtOpensInLibreOffice()
{
    const QString office = soffice(Office::Writer);
    if (office.isEmpty())
        QSKIP("LibreOffice Writer is not installed: apt-get install libreoffice-writer-nogui");
    const QString odt = out(QStringLiteral("supplier.odt"));
    auto r = runCli({QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("supplier"),
                     QStringLiteral("--supplier"), m_id, QStringLiteral("--out"), odt, QStringLiteral("-w"), ws()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString dir = out(QStringLiteral("odt-txt"));
    QDir().mkpath(dir);
    auto conv = runProgram(office,
                           {QStringLiteral("-env:UserInstallation=file://") + out(QStringLiteral("lo-profile")),
                            QStringLiteral("--headless"), QStringLiteral("--convert-to"),
                            QStringLiteral("txt:Text (encoded):UTF8"), QStringLiteral("--outdir"), dir, odt},
                           240000);
    QVERIFY2(conv.exitCode == 0, conv.err.constData());
    QFile txt(dir + QStringLiteral("/supplier.txt"));
    QVERIFY2(txt.open(QIODevice::ReadOnly), qPrintable(conv.out + conv.err));
    const QString t = QString::fromUtf8(txt.readAll());
    QVERIFY(t.contains(QStringLiteral("Supplier due-diligence report")));
    for (const QString& name : kNames)
        QVERIFY2(t.contains(name), qPrintable(name));
}

void TestCliReport::xlsxReadBackByLibreOffice()
{
    const QString office = soffice(Office::Calc);
    if (office.isEmpty())
        QSKIP("LibreOffice Calc is not installed: apt-get install libreoffice-calc-nogui");
    const QString csv = out(QStringLiteral("scores.csv"));
    const QString xlsx = out(QStringLiteral("scores.xlsx"));
    for (const QString& f : {csv, xlsx}) {
        auto r = runCli({QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("scores"),
                         QStringLiteral("--as-of"), QStringLiteral("2026-06-30"), QStringLiteral("--out"), f,
                         QStringLiteral("-w"), ws()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    const QString dir = out(QStringLiteral("xlsx-csv"));
    QDir().mkpath(dir);
    auto conv = runProgram(office,
                           {QStringLiteral("-env:UserInstallation=file://") + out(QStringLiteral("lo-profile")),
                            QStringLiteral("--headless"), QStringLiteral("--convert-to"),
                            QStringLiteral("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false"),
                            QStringLiteral("--outdir"), dir, xlsx},
                           240000);
    QVERIFY2(conv.exitCode == 0, conv.err.constData());
    QFile back(dir + QStringLiteral("/scores.csv"));
    QVERIFY2(back.open(QIODevice::ReadOnly), qPrintable(conv.out + conv.err));
    QFile mine(csv);
    QVERIFY(mine.open(QIODevice::ReadOnly));
    const QList<QStringList> a = parseCsv(mine.readAll());
    const QList<QStringList> b = parseCsv(back.readAll());
    QCOMPARE(b.size(), a.size());
    QCOMPARE(a.size(), 209); // header + 208 suppliers
    QCOMPARE(b.first(), a.first());
    for (int i = 1; i < a.size(); ++i) {
        QCOMPARE(b[i].size(), a[i].size());
        for (int c = 0; c < a[i].size(); ++c) {
            bool okA = false, okB = false;
            const double x = a[i][c].toDouble(&okA);
            const double y = b[i][c].toDouble(&okB);
            if (okA && okB)
                QVERIFY2(qAbs(x - y) < 1e-9, qPrintable(a[i][c] + QStringLiteral(" vs ") + b[i][c]));
            else
                QCOMPARE(b[i][c], a[i][c]);
        }
    }
    // The formula-like name stayed text, with its guard apostrophe, in both.
    bool guarded = false;
    for (const QStringList& row : b)
        guarded = guarded || row.value(1) == QStringLiteral("'=cmd|' /C calc'!A0 Multi-script Foods");
    QVERIFY(guarded);
}

void TestCliReport::setTextFromFile()
{
    const QString file = out(QStringLiteral("policy.txt"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("We forbid recruitment fees <all of them> & reimburse them.\r\n");
    f.close();
    auto r = runCli({QStringLiteral("report"), QStringLiteral("--set-text"), QStringLiteral("b"),
                     QStringLiteral("--text-file"), file, QStringLiteral("--jurisdiction"), QStringLiteral("uk"),
                     QStringLiteral("-w"), ws()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString html = out(QStringLiteral("uk.html"));
    r = runCli({QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("statement"),
                QStringLiteral("--jurisdiction"), QStringLiteral("uk"), QStringLiteral("--out"), html,
                QStringLiteral("-w"), ws()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile h(html);
    QVERIFY(h.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(h.readAll())
                .contains(QStringLiteral("We forbid recruitment fees &lt;all of them&gt; &amp; reimburse them.")));
    // An unknown section is refused
    r = runCli({QStringLiteral("report"), QStringLiteral("--set-text"), QStringLiteral("zz"),
                QStringLiteral("--text-file"), file, QStringLiteral("--jurisdiction"), QStringLiteral("uk"),
                QStringLiteral("-w"), ws()});
    QCOMPARE(r.exitCode, 2);
}

void TestCliReport::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addRow("no --out") << QStringList{"--kind", "portfolio"} << 2;
    QTest::addRow("unknown kind") << QStringList{"--kind", "nonsense", "--out", "x.pdf"} << 2;
    QTest::addRow("statement as csv") << QStringList{"--kind", "statement", "--jurisdiction", "uk", "--out", "x.csv"}
                                      << 2;
    QTest::addRow("statement without law") << QStringList{"--kind", "statement", "--out", "x.pdf"} << 2;
    QTest::addRow("unknown law") << QStringList{"--kind", "statement", "--jurisdiction", "fr", "--out", "x.pdf"} << 2;
    QTest::addRow("supplier without id") << QStringList{"--kind", "supplier", "--out", "x.pdf"} << 2;
    QTest::addRow("bad format") << QStringList{"--kind", "portfolio", "--out", "x.docx"} << 2;
    QTest::addRow("data kind as pdf") << QStringList{"--kind", "scores", "--out", "x.pdf"} << 2;
    QTest::addRow("unknown supplier") << QStringList{"--kind",           "supplier", "--supplier",
                                                     "no such supplier", "--out",    "x.pdf"}
                                      << 1;
}

void TestCliReport::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QStringList all{QStringLiteral("report")};
    all << args << QStringLiteral("-w") << ws();
    for (QString& a : all)
        if (a.startsWith(QLatin1String("x.")))
            a = out(a);
    auto r = runCli(all);
    QCOMPARE(r.exitCode, code);
    QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_clireport.moc"
