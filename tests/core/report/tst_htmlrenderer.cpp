// The HTML report: one self-contained file, every user text escaped, valid for the W3C checker (vnu, from the npm
// package vnu-jar, run with the system's Java).
#include "report/htmlrenderer.h"
#include "report/svgchart.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace vigil::report;

namespace {

const QString kHostile = QStringLiteral("<script>alert('x')</script> & \"Co\" </table> ]]> \x01");

ReportDocument hostileDocument()
{
    ReportDocument doc;
    doc.kind = QStringLiteral("portfolio");
    doc.title = kHostile;
    doc.subtitle = QStringLiteral("บริษัท บ้านแหลม · Công ty Thủy sản · 北星精密 · မြတ်သီတာ · নীলাচল");
    doc.organisation = kHostile;
    doc.generatedAt = QDateTime(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC);
    doc.methodologyName = kHostile;
    doc.methodologyVersion = QStringLiteral("1.0.0");
    doc.confidentiality = QStringLiteral("Confidential");
    doc.datasets << ReportDataset{kHostile, QStringLiteral("2022"), kHostile, QStringLiteral("Public domain"), {}};
    ReportSection s;
    s.id = QStringLiteral("s1");
    s.reference = kHostile;
    s.title = kHostile;
    s.asks = kHostile;
    s.blocks << ReportBlock::heading(kHostile) << ReportBlock::paragraph(kHostile + QStringLiteral("\n\nsecond"))
             << ReportBlock::data(kHostile) << ReportBlock::bullets({kHostile, QStringLiteral("b")})
             << ReportBlock::makeTable(
                    {kHostile, {kHostile, QStringLiteral("n")}, {{kHostile, QStringLiteral("1")}}, {1}, {}})
             << ReportBlock::makeTable({QStringLiteral("empty"), {QStringLiteral("a")}, {}, {}, kHostile})
             << ReportBlock::keyFigures({{kHostile, kHostile, kHostile}})
             << ReportBlock::companyText(QStringLiteral("a"), QString(), kHostile)
             << ReportBlock::companyText(QStringLiteral("b"), kHostile, QString()) << ReportBlock::gap(kHostile)
             << ReportBlock::note(kHostile);
    ReportChart c;
    c.id = QStringLiteral("c");
    c.title = kHostile;
    c.categories = {kHostile, QStringLiteral("B")};
    c.series
        = {{kHostile, {3, 4}, QStringLiteral("#123456")}, {QStringLiteral("two"), {1, 0}, QStringLiteral("#654321")}};
    s.blocks << ReportBlock::makeChart(c);
    c.type = ReportChart::Type::StackedBar;
    c.horizontal = true;
    s.blocks << ReportBlock::makeChart(c);
    c.type = ReportChart::Type::Line;
    c.horizontal = false;
    s.blocks << ReportBlock::makeChart(c);
    c.categories.clear();
    s.blocks << ReportBlock::makeChart(c);
    doc.sections << s;
    return doc;
}

} // namespace

class TestHtmlRenderer : public QObject
{
    Q_OBJECT
private slots:
    void everyTextEscaped();
    void selfContained();
    void chartsAreWellFormedSvg();
    void validForTheW3cChecker();
};

void TestHtmlRenderer::everyTextEscaped()
{
    const QString html = QString::fromUtf8(renderHtml(hostileDocument()));
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("</table> ]]>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")));
    QVERIFY(!html.contains(QChar(0x01)));
    QVERIFY(html.contains(QStringLiteral("บริษัท บ้านแหลม")));
    QVERIFY(html.contains(QStringLiteral("To be written by the company")));
    QVERIFY(html.contains(QStringLiteral("Data gap")));
}

void TestHtmlRenderer::selfContained()
{
    const QString html = QString::fromUtf8(renderHtml(hostileDocument()));
    static const QRegularExpression external(QStringLiteral("(src|href)=\"(?!data:|#)"));
    QVERIFY2(!external.match(html).hasMatch(), qPrintable(external.match(html).captured(0)));
    QVERIFY(!html.contains(QStringLiteral("<link")));
    QVERIFY(!html.contains(QStringLiteral("@import")));
    QVERIFY(html.contains(QStringLiteral("data:image/svg+xml;base64,")));
}

void TestHtmlRenderer::chartsAreWellFormedSvg()
{
    const ReportDocument doc = hostileDocument();
    for (const ReportBlock& b : doc.sections.first().blocks) {
        if (b.kind != BlockKind::Chart)
            continue;
        const QByteArray svg = chartToSvg(b.chart);
        QXmlStreamReader xml(svg);
        int texts = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
                ++texts;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(texts > 0);
        QVERIFY(svg.contains("&lt;script&gt;"));
    }
}

void TestHtmlRenderer::validForTheW3cChecker()
{
    const QString java = QStandardPaths::findExecutable(QStringLiteral("java"));
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (java.isEmpty() || npm.isEmpty())
        QSKIP("java and npm are needed for the W3C checker (vnu-jar); scripts/install-deps.sh installs them");
    // The npm package vnu-jar carries vnu.jar; its install script (which would fetch a Java) is not run.
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/vnu");
    const QString jar = dir + QStringLiteral("/node_modules/vnu-jar/build/dist/vnu.jar");
    if (!QFile::exists(jar)) {
        QDir().mkpath(dir);
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(npm,
                {QStringLiteral("install"), QStringLiteral("--ignore-scripts"), QStringLiteral("--no-audit"),
                 QStringLiteral("--no-fund"), QStringLiteral("--prefix"), dir, QStringLiteral("vnu-jar")});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(QFile::exists(jar), p.readAllStandardError().constData());
    }
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("report.html"));
    QVERIFY(writeHtml(hostileDocument(), file).ok());
    QProcess vnu;
    vnu.start(java,
              {QStringLiteral("-jar"), jar, QStringLiteral("--also-check-svg"), QStringLiteral("--verbose"), file});
    QVERIFY(vnu.waitForFinished(180000));
    const QByteArray out = vnu.readAllStandardOutput() + vnu.readAllStandardError();
    QVERIFY2(vnu.exitCode() == 0, out.constData());
    // And the checker does fail on a broken file (so that this test can fail).
    const QString broken = tmp.filePath(QStringLiteral("broken.html"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><table><p>x</table></body>");
    f.close();
    vnu.start(java, {QStringLiteral("-jar"), jar, broken});
    QVERIFY(vnu.waitForFinished(180000));
    QVERIFY(vnu.exitCode() != 0);
}

QTEST_GUILESS_MAIN(TestHtmlRenderer)
#include "tst_htmlrenderer.moc"
