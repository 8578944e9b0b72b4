// The Pango + Cairo PDF backend on made-up documents, read back by poppler and qpdf: pagination (header rows
// repeated, rows kept whole, a row taller than a page split between lines and nothing lost), the running header and
// footer, and the document information.
#include "pdftools.h"
#include "testsupport.h"

#include "render/pdf/cairopdf.h"
#include "render/pdf/pdftext.h"

#include <cairo.h>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::report;
using vigil::test::pdfPageCount;
using vigil::test::pdfText;
using vigil::test::runProgram;

namespace {

ReportDocument document(const QList<ReportBlock>& blocks)
{
    ReportDocument d;
    d.kind = QStringLiteral("test");
    d.title = QStringLiteral("Pagination check");
    d.subtitle = QStringLiteral("made-up data");
    d.organisation = QStringLiteral("Example Foods plc");
    d.confidentiality = QStringLiteral("Internal");
    d.generatedAt = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
    d.methodologyName = QStringLiteral("test");
    d.methodologyVersion = QStringLiteral("1");
    ReportSection s;
    s.id = QStringLiteral("s");
    s.title = QStringLiteral("Rows");
    s.blocks = blocks;
    d.sections << s;
    return d;
}

QString row(int i)
{
    return QStringLiteral("R%1").arg(i, 3, 10, QLatin1Char('0'));
}

} // namespace

class TestCairoPdf : public QObject
{
    Q_OBJECT
private slots:
    void everyScriptHasGlyphs_data();
    void everyScriptHasGlyphs();
    void tableRowsStayWhole();
    void tallRowIsSplitNotLost();
    void longBoxContinues();
    void documentInformation();

private:
    QString write(const ReportDocument& doc, const QString& name);
    QTemporaryDir m_dir;
};

QString TestCairoPdf::write(const ReportDocument& doc, const QString& name)
{
    auto pdf = render::cairoPdf(doc);
    if (!pdf)
        return {};
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(pdf.value()) != pdf->size())
        return {};
    f.close();
    if (runProgram(QStringLiteral("qpdf"), {QStringLiteral("--check"), path}).exitCode != 0)
        return {};
    return path;
}

void TestCairoPdf::everyScriptHasGlyphs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("covered");
    QTest::addRow("thai") << QStringLiteral("บริษัท สยามซีฟู้ด จำกัด") << true;
    QTest::addRow("vietnamese") << QStringLiteral("Công ty TNHH Thủy sản Phúc An") << true;
    QTest::addRow("chinese") << QStringLiteral("广州明华服装有限公司") << true;
    QTest::addRow("japanese") << QStringLiteral("みなと施設サービス株式会社") << true;
    QTest::addRow("burmese") << QStringLiteral("မြတ်သီတာ အထည်ချုပ် ကုမ္ပဏီ") << true;
    QTest::addRow("bengali") << QStringLiteral("নীলাচল ফুটওয়্যার লিমিটেড") << true;
    QTest::addRow("khmer") << QStringLiteral("ក្រុមហ៊ុន សុវណ្ណ ត្រីស្រស់") << true;
    QTest::addRow("latin and signs") << QStringLiteral("Çelik Tekstil A.Ş. – “Ørsted” № 5 → 7 · 10 %") << true;
    // The check can fail: a private-use character has no glyph in any font.
    QTest::addRow("private use") << QString(QChar(0xE000)) << false;
}

void TestCairoPdf::everyScriptHasGlyphs()
{
    QFETCH(QString, text);
    QFETCH(bool, covered);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t* cr = cairo_create(surface);
    {
        const render::pdf::TextEngine engine(cr);
        QCOMPARE(engine.missingGlyphs(text) == 0, covered);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
}

void TestCairoPdf::tableRowsStayWhole()
{
    ReportTable t;
    t.caption = QStringLiteral("Many rows");
    t.header = QStringList{QStringLiteral("Key"), QStringLiteral("Long text"), QStringLiteral("Amount")};
    t.numericColumns = {2};
    for (int i = 0; i < 150; ++i)
        t.rows << QStringList{row(i) + QStringLiteral("-start"),
                              QStringLiteral("a text long enough to wrap over several lines in its column, so that "
                                             "a row is taller than one line of text: %1")
                                  .arg(row(i) + QStringLiteral("-end")),
                              QString::number(i * 1000)};
    const QString pdf = write(document({ReportBlock::makeTable(t)}), QStringLiteral("rows.pdf"));
    QVERIFY(!pdf.isEmpty());
    const int pages = pdfPageCount(pdf);
    QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
    QList<int> startPage(150, 0), endPage(150, 0);
    for (int p = 1; p <= pages; ++p) {
        const QString text = pdfText(pdf, p).simplified();
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(p).arg(pages)), qPrintable(text.left(200)));
        QVERIFY(text.contains(QStringLiteral("Pagination check · made-up data")));
        QVERIFY2(text.contains(QStringLiteral("Key")) && text.contains(QStringLiteral("Long text")),
                 qPrintable(QStringLiteral("page %1 without the header row").arg(p)));
        for (int i = 0; i < 150; ++i) {
            if (text.contains(row(i) + QStringLiteral("-start")))
                startPage[i] = p;
            if (text.contains(row(i) + QStringLiteral("-end")))
                endPage[i] = p;
        }
    }
    for (int i = 0; i < 150; ++i) {
        QVERIFY2(startPage[i] > 0, qPrintable(row(i)));
        QCOMPARE(endPage[i], startPage[i]);
    }
    QCOMPARE(startPage.first(), 1);
    QCOMPARE(startPage.last(), pages);
}

void TestCairoPdf::tallRowIsSplitNotLost()
{
    ReportTable t;
    t.header = QStringList{QStringLiteral("Key"), QStringLiteral("Very long text")};
    QStringList lines;
    for (int i = 0; i < 400; ++i)
        lines << QStringLiteral("Line %1 of the tall cell.").arg(row(i));
    t.rows << QStringList{QStringLiteral("first"), QStringLiteral("short")}
           << QStringList{QStringLiteral("tall"), lines.join(QLatin1Char(' '))}
           << QStringList{QStringLiteral("after"), QStringLiteral("the last row")};
    const QString pdf
        = write(document({ReportBlock::paragraph(QStringLiteral("Before the table.")), ReportBlock::makeTable(t)}),
                QStringLiteral("tall.pdf"));
    QVERIFY(!pdf.isEmpty());
    const int pages = pdfPageCount(pdf);
    QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
    const QString all = pdfText(pdf).simplified();
    // Every line's key once, in order (a line may be cut by the page break: the page furniture comes between).
    int from = 0;
    for (int i = 0; i < 400; ++i) {
        const QString key = QStringLiteral("Line %1 ").arg(row(i));
        QVERIFY2(all.count(key) == 1, qPrintable(QStringLiteral("%1found %2 times").arg(key).arg(all.count(key))));
        const int at = int(all.indexOf(key, from));
        QVERIFY2(at >= 0, qPrintable(key));
        from = at;
    }
    QVERIFY(all.contains(QStringLiteral("the last row")));
    for (int p = 2; p <= pages; ++p)
        QVERIFY(pdfText(pdf, p).contains(QStringLiteral("Very long text")));
}

void TestCairoPdf::longBoxContinues()
{
    QStringList paragraphs;
    for (int i = 0; i < 60; ++i)
        paragraphs << QStringLiteral("Paragraph %1 of what the company wrote, long enough to take two lines or more in "
                                     "the box: due diligence, remediation, training and grievance channels.")
                          .arg(row(i));
    const QString pdf = write(document({ReportBlock::companyText(QStringLiteral("k"), paragraphs.join("\n\n"), {}),
                                        ReportBlock::gap(QStringLiteral("A figure the workspace does not hold."))}),
                              QStringLiteral("box.pdf"));
    QVERIFY(!pdf.isEmpty());
    QVERIFY(pdfPageCount(pdf) >= 2);
    const QString all = pdfText(pdf).simplified();
    QCOMPARE(all.count(QStringLiteral("STATEMENT OF THE COMPANY")), 1);
    int from = 0;
    for (int i = 0; i < 60; ++i) {
        const QString key = QStringLiteral("Paragraph %1 ").arg(row(i));
        QVERIFY2(all.count(key) == 1, qPrintable(key));
        const int at = int(all.indexOf(key, from));
        QVERIFY2(at >= 0, qPrintable(key));
        from = at;
    }
    QVERIFY(all.indexOf(QStringLiteral("DATA GAP")) > from);
}

void TestCairoPdf::documentInformation()
{
    const QString pdf = write(document({ReportBlock::paragraph(QStringLiteral("Hello."))}), QStringLiteral("info.pdf"));
    QVERIFY(!pdf.isEmpty());
    QCOMPARE(pdfPageCount(pdf), 1);
    const QString info
        = QString::fromUtf8(runProgram(QStringLiteral("pdfinfo"), {QStringLiteral("-isodates"), pdf}).out);
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Title:\\s+Pagination check – made-up data\\n"))),
             qPrintable(info));
    QVERIFY(info.contains(QRegularExpression(QStringLiteral("Author:\\s+Example Foods plc\\n"))));
    QVERIFY(info.contains(QRegularExpression(QStringLiteral("Producer:\\s+Vigil "))));
    QVERIFY(info.contains(QRegularExpression(QStringLiteral("Creator:\\s+Vigil "))));
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("CreationDate:\\s+2026-03-04T05:06:07"))),
             qPrintable(info));
    QVERIFY(pdfText(pdf).simplified().contains(QStringLiteral("Page 1 of 1")));
}

QTEST_GUILESS_MAIN(TestCairoPdf)
#include "tst_cairopdf.moc"
