// The PDF reports read back by poppler (pdftotext, pdffonts, pdfinfo) and qpdf: for a supplier named in each script
// the suppliers' names use (Thai, Vietnamese, Chinese, Burmese, Bengali, Khmer, Latin with ligatures), the text that
// pdftotext extracts holds the name exactly (both NFKC-normalised, a fair comparison: U+0E33 SARA AM extracts as
// U+0E4D U+0E32 and "fi" as the ligature), an embedded font of the right family covers the script, and every page
// carries the running header and "Page n of N".
#include "pdftools.h"
#include "testsupport.h"

#include "risk/riskrepository.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using vigil::test::pdfPageCount;
using vigil::test::pdfText;
using vigil::test::runCli;
using vigil::test::runProgram;

namespace {

struct Named
{
    const char* script;
    QString name;
    QString font; // a PDF font name prefix of the family that covers the script
};

const QList<Named> kSuppliers{
    {"thai", QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"), QStringLiteral("NotoSansThai")},
    {"vietnamese", QStringLiteral("Công ty TNHH Thủy sản Phúc An"), QStringLiteral("NotoSans-")},
    {"chinese", QStringLiteral("广州明华服装有限公司"), QStringLiteral("NotoSansCJK")},
    {"burmese", QStringLiteral("မြတ်သီတာ အထည်ချုပ် ကုမ္ပဏီ"), QStringLiteral("NotoSansMyanmar")},
    {"bengali", QStringLiteral("নীলাচল ফুটওয়্যার লিমিটেড"), QStringLiteral("NotoSansBengali")},
    {"khmer", QStringLiteral("ក្រុមហ៊ុន សុវណ្ណ ត្រីស្រស់"), QStringLiteral("NotoSansKhmer")},
    {"latin", QStringLiteral("Fjord Efficient Fisheries & Finishing Ltd"), QStringLiteral("NotoSans-")},
};

QString nfkc(const QString& s)
{
    return s.normalized(QString::NormalizationForm_KC);
}

// A table cell may wrap a name over lines: found when only whitespace differs (line breaks as spaces, or none
// for scripts that do not separate words).
bool containsWrapped(const QString& text, const QString& name)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.contains(name) || text.simplified().contains(name)
        || QString(text).remove(space).contains(QString(name).remove(space));
}

// pdffonts rows: name, emb (yes/no).
QList<QPair<QString, bool>> fonts(const QString& pdf)
{
    QList<QPair<QString, bool>> out;
    const QStringList lines = QString::fromUtf8(runProgram(QStringLiteral("pdffonts"), {pdf}).out).split('\n');
    for (int i = 2; i < lines.size(); ++i) {
        const QStringList cols = lines[i].simplified().split(QLatin1Char(' '));
        if (cols.size() >= 6) // name type... emb sub uni object ID: emb is the 5th column from the end
            out.append({cols.first().section(QLatin1Char('+'), -1), cols[cols.size() - 5] == QLatin1String("yes")});
    }
    return out;
}

} // namespace

class TestPdfText : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void supplierReport_data();
    void supplierReport();
    void portfolioReport();
    void statementPages();

private:
    QString ws() const { return m_dir.filePath(QStringLiteral("w.vigil")); }
    QString report(const QStringList& args, const QString& file);
    void checkPages(const QString& pdf, const QString& header, int minPages);
    QTemporaryDir m_dir;
    QStringList m_ids;
};

void TestPdfText::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto db = Database::open(ws(), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    QVERIFY(loadSamplePortfolio(*db.value()).ok());
    for (const Named& n : kSuppliers) {
        SupplierRecord r;
        r.supplier.id = newUuid();
        r.supplier.name = n.name;
        r.supplier.country = QStringLiteral("TH");
        r.supplier.sector = QStringLiteral("fishing");
        r.supplier.products = {QStringLiteral("Fish")};
        QVERIFY(SupplierRepository(*db.value()).add(r).ok());
        // A zero-tolerance finding puts the supplier among the portfolio's top risks.
        RiskObservation o;
        o.indicatorId = QStringLiteral("ilo_07_retention_of_identity_documents");
        o.status = ObservationStatus::Present;
        o.sourceType = QStringLiteral("audit");
        o.date = QDate(2026, 1, 10);
        QVERIFY(RiskRepository(*db.value()).addObservation(r.supplier.id, o).ok());
        m_ids << r.supplier.id;
    }
}

QString TestPdfText::report(const QStringList& args, const QString& file)
{
    const QString pdf = m_dir.filePath(file);
    auto r = runCli(QStringList{QStringLiteral("report")} + args
                    + QStringList{QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), pdf,
                                  QStringLiteral("-w"), ws()});
    if (r.exitCode != 0) {
        qWarning("%s", r.err.constData());
        return {};
    }
    auto check = runProgram(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf});
    if (check.exitCode != 0) {
        qWarning("qpdf --check: %s", check.out.constData());
        return {};
    }
    return pdf;
}

// Every page has the running header (the report's title) and "Page i of N"; every font is embedded.
void TestPdfText::checkPages(const QString& pdf, const QString& header, int minPages)
{
    const int pages = pdfPageCount(pdf);
    QVERIFY2(pages >= minPages, qPrintable(QStringLiteral("%1 pages").arg(pages)));
    for (int i = 1; i <= pages; ++i) {
        const QString page = pdfText(pdf, i).simplified();
        QVERIFY2(page.contains(QStringLiteral("Page %1 of %2").arg(i).arg(pages)), qPrintable(page.left(300)));
        QVERIFY2(page.contains(header), qPrintable(QStringLiteral("page %1 without its header").arg(i)));
    }
    const auto list = fonts(pdf);
    QVERIFY(!list.isEmpty());
    for (const auto& f : list)
        QVERIFY2(f.second, qPrintable(QStringLiteral("font %1 is not embedded").arg(f.first)));
}

void TestPdfText::supplierReport_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < kSuppliers.size(); ++i)
        QTest::addRow("%s", kSuppliers[i].script) << i;
}

void TestPdfText::supplierReport()
{
    QFETCH(int, index);
    const Named& n = kSuppliers[index];
    const QString pdf
        = report({QStringLiteral("--kind"), QStringLiteral("supplier"), QStringLiteral("--supplier"), m_ids[index]},
                 QStringLiteral("supplier-%1.pdf").arg(QLatin1String(n.script)));
    QVERIFY(!pdf.isEmpty());
    const QString name = nfkc(n.name);
    for (const QStringList& options : {QStringList{}, QStringList{QStringLiteral("-layout")}}) {
        const QString text = nfkc(pdfText(pdf, 0, options));
        // In the title, the running header, the profile table: every one exact.
        QVERIFY2(
            text.count(name) >= 3,
            qPrintable(
                QStringLiteral("%1 found %2 times in\n%3").arg(n.name).arg(text.count(name)).arg(text.left(1500))));
    }
    // The comparison can fail: the name with its last letter changed is not there.
    QString wrong = n.name;
    wrong[wrong.size() - 1] = QChar(wrong.back().unicode() + 1);
    QVERIFY(!nfkc(pdfText(pdf)).contains(nfkc(wrong)));

    bool covered = false;
    for (const auto& f : fonts(pdf))
        covered = covered || (f.first.startsWith(n.font) && f.second);
    QVERIFY2(covered, qPrintable(QStringLiteral("no embedded %1 font").arg(n.font)));
    checkPages(pdf, QStringLiteral("Supplier due-diligence report"), 2);
}

void TestPdfText::portfolioReport()
{
    const QString pdf
        = report({QStringLiteral("--kind"), QStringLiteral("portfolio")}, QStringLiteral("portfolio.pdf"));
    QVERIFY(!pdf.isEmpty());
    // Plain pdftotext: the lines of a table cell come one after the other (-layout interleaves the columns).
    const QString text = nfkc(pdfText(pdf));
    QVERIFY(text.contains(QStringLiteral("The 25 highest-risk suppliers")));
    for (const Named& n : kSuppliers)
        QVERIFY2(containsWrapped(text, nfkc(n.name)), qPrintable(QStringLiteral("top risks without %1").arg(n.name)));
    QVERIFY(!containsWrapped(text, nfkc(QStringLiteral("บริษัท สยามซีฟู้ด จำกัด มหาชน"))));
    QStringList names;
    for (const auto& f : fonts(pdf))
        names << f.first;
    for (const Named& n : kSuppliers)
        QVERIFY2(!names.filter(QRegularExpression(QLatin1Char('^') + n.font)).isEmpty(), qPrintable(n.font));
    checkPages(pdf, QStringLiteral("Portfolio forced-labour risk report"), 3);
    const QString info = QString::fromUtf8(runProgram(QStringLiteral("pdfinfo"), {pdf}).out);
    QVERIFY(info.contains(QRegularExpression(QStringLiteral("Title:\\s+Portfolio forced-labour risk report"))));
    QVERIFY(info.contains(QRegularExpression(QStringLiteral("Producer:\\s+Vigil"))));
    QVERIFY(info.contains(QRegularExpression(QStringLiteral("CreationDate:\\s+\\S"))));
}

void TestPdfText::statementPages()
{
    const QString pdf = report(
        {QStringLiteral("--kind"), QStringLiteral("statement"), QStringLiteral("--jurisdiction"), QStringLiteral("uk")},
        QStringLiteral("uk.pdf"));
    QVERIFY(!pdf.isEmpty());
    checkPages(pdf, QStringLiteral("Slavery and human trafficking statement"), 3);
    const QString text = pdfText(pdf).simplified();
    QVERIFY(text.contains(QStringLiteral("s54(5)(a)")));
    QVERIFY(text.contains(QStringLiteral("TO BE WRITTEN BY THE COMPANY")));
}

QTEST_GUILESS_MAIN(TestPdfText)
#include "tst_pdftext.moc"
