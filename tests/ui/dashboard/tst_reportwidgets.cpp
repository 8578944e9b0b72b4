// The statement editor saves the company's texts in the workspace; the print preview draws the reports.
#include "report/statementtexts.h"
#include "reports/reportpreview.h"
#include "reports/statementeditor.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::report;

class TestReportWidgets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void editorSavesTexts();
    void editorKeepsLawsApart();
    void previewDrawsEveryKind_data();
    void previewDrawsEveryKind();
    void previewExports();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestReportWidgets::initTestCase()
{
    auto db = Database::open(m_dir.filePath(QStringLiteral("r.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    QVERIFY(loadSamplePortfolio(*m_db).ok());
}

void TestReportWidgets::editorSavesTexts()
{
    StatementEditor editor(m_db.get());
    editor.setJurisdiction(Jurisdiction::CA);
    QVERIFY(editor.selectSection(QStringLiteral("e")));
    editor.setCurrentText(QStringLiteral("Stipends paid to 12 families while children returned to school."));
    QVERIFY(editor.isModified());
    QVERIFY(editor.save());
    QVERIFY(!editor.isModified());
    auto texts = StatementTexts(*m_db).texts(QStringLiteral("ca"));
    QVERIFY(texts.ok());
    QCOMPARE(texts->value(QStringLiteral("e")),
             QStringLiteral("Stipends paid to 12 families while children returned "
                            "to school."));
    // Switching sections saves the one being edited.
    QVERIFY(editor.selectSection(QStringLiteral("f")));
    editor.setCurrentText(QStringLiteral("Buyers trained in March."));
    QVERIFY(editor.selectSection(QStringLiteral("a")));
    QCOMPARE(StatementTexts(*m_db).texts(QStringLiteral("ca"))->value(QStringLiteral("f")),
             QStringLiteral("Buyers trained in March."));
    // A new editor shows what was saved.
    StatementEditor again(m_db.get());
    again.setJurisdiction(Jurisdiction::CA);
    QVERIFY(again.selectSection(QStringLiteral("e")));
    QVERIFY(again.currentText().startsWith(QStringLiteral("Stipends")));
}

void TestReportWidgets::editorKeepsLawsApart()
{
    StatementEditor editor(m_db.get());
    editor.setJurisdiction(Jurisdiction::UK);
    QVERIFY(editor.selectSection(QStringLiteral("f")));
    QVERIFY(editor.currentText().isEmpty());
    QVERIFY(!editor.selectSection(QStringLiteral("art9")));
    editor.setJurisdiction(Jurisdiction::EU);
    QVERIFY(editor.selectSection(QStringLiteral("art9")));
}

void TestReportWidgets::previewDrawsEveryKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("argument");
    QTest::addRow("portfolio") << "portfolio"
                               << "";
    QTest::addRow("statement ca") << "statement"
                                  << "ca";
    QTest::addRow("supplier") << "supplier"
                              << "fb2bb7d7-e377-4993-89ed-b753b33dae04";
}

void TestReportWidgets::previewDrawsEveryKind()
{
    QFETCH(QString, kind);
    QFETCH(QString, argument);
    ReportPreview preview(m_db.get());
    preview.resize(900, 1100);
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    const Status st = preview.showReport(kind, argument);
    QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    QCOMPARE(preview.document().kind, kind);
    QTRY_VERIFY(preview.pageCount() >= 1);
    if (kind == QLatin1String("statement"))
        QVERIFY(preview.document().plainText().contains(QStringLiteral("Stipends paid to 12 families")));
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        preview.grab().save(dir + QStringLiteral("/preview-%1.png").arg(kind));
}

void TestReportWidgets::previewExports()
{
    ReportPreview preview(m_db.get());
    QVERIFY(preview.showReport(QStringLiteral("statement"), QStringLiteral("uk")).ok());
    for (const QString& suffix : {QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("odt")}) {
        const QString path = m_dir.filePath(QStringLiteral("uk.") + suffix);
        QVERIFY2(preview.exportTo(path).ok(), qPrintable(suffix));
        QVERIFY(QFileInfo(path).size() > 1000);
    }
    QFile pdf(m_dir.filePath(QStringLiteral("uk.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(!preview.exportTo(m_dir.filePath(QStringLiteral("uk.doc"))).ok());
    QVERIFY(!preview.showReport(QStringLiteral("statement"), QStringLiteral("fr")).ok());
}

QTEST_MAIN(TestReportWidgets)
#include "tst_reportwidgets.moc"
