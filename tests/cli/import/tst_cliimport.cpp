#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::test;

class TestCliImport : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void fixtures_data();
    void fixtures();
    void errorsAbortWithExitCode();
    void skipErrorsAndUndo();
    void dryRunChangesNothing();
    void usageErrors_data();
    void usageErrors();
    void mapOverride();
    void exportThenImport_data();
    void exportThenImport();

private:
    QJsonObject importJson(const QStringList& extra, int expectedExit);
    int supplierCount(const QString& ws);
    QString write(const QString& name, const QByteArray& data);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ws;
};

void TestCliImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ws = m_dir->filePath(QStringLiteral("ws.vigil"));
    const ProcessResult r = runCli({"init", "-w", m_ws});
    QCOMPARE(r.exitCode, 0);
}

QString TestCliImport::write(const QString& name, const QByteArray& data)
{
    QFile f(m_dir->filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return f.fileName();
}

QJsonObject TestCliImport::importJson(const QStringList& extra, int expectedExit)
{
    const ProcessResult r = runCli(QStringList{"import", "-w", m_ws, "--json"} + extra);
    if (r.exitCode != expectedExit)
        qWarning("exit %d: %s %s", r.exitCode, r.out.constData(), r.err.constData());
    [&] { QCOMPARE(r.exitCode, expectedExit); }();
    return QJsonDocument::fromJson(r.out).object();
}

int TestCliImport::supplierCount(const QString& ws)
{
    const ProcessResult r = runCli({"suppliers", "list", "-w", ws, "--json"});
    return r.exitCode == 0 ? int(QJsonDocument::fromJson(r.out).array().size()) : -1;
}

void TestCliImport::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("added");
    QTest::addColumn<QString>("encoding");
    QTest::addRow("Excel-saved Windows-1252 with ; and a title row") << "import/suppliers_cp1252_semicolon.csv"
                                                                     << "" << 2 << "Windows-1252";
    QTest::addRow("Open Supply Hub upload") << "import/osh_upload.csv"
                                            << "open-supply-hub-upload" << 2 << "UTF-8";
    QTest::addRow("Open Supply Hub download") << "import/osh_download.csv"
                                              << "open-supply-hub-download" << 2 << "UTF-8";
}

void TestCliImport::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, added);
    QFETCH(QString, encoding);
    const QJsonObject o = importJson({dataPath(file)}, 0);
    QCOMPARE(o.value("known_format").toString(), format);
    QCOMPARE(o.value("encoding").toString(), encoding);
    QCOMPARE(o.value("counts").toObject().value("added").toInt(), added);
    QCOMPARE(o.value("counts").toObject().value("error").toInt(), 0);
    QVERIFY(o.value("committed").toBool());
    QCOMPARE(supplierCount(m_ws), added);
    if (file.contains(QLatin1String("cp1252"))) {
        const ProcessResult r = runCli({"suppliers", "list", "-w", m_ws, "--json", "--country", "CI"});
        const QJsonArray a = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.at(0).toObject().value("name").toString(), QStringLiteral("Café Lumière Textiles"));
        QCOMPARE(a.at(0).toObject().value("workers_min").toInt(), 1200);
        QCOMPARE(a.at(0).toObject().value("migrant_share").toDouble(), 0.35);
    }
    // The same file again: every row matches, nothing is added.
    const QJsonObject again = importJson({dataPath(file)}, 0);
    QCOMPARE(again.value("counts").toObject().value("added").toInt(), 0);
    QCOMPARE(again.value("counts").toObject().value("matched").toInt(), added);
}

void TestCliImport::errorsAbortWithExitCode()
{
    const QString file = write("bad.csv", "Name,Country,Workers\nGood One,TH,10\nBad One,Atlantis,many\n");
    const ProcessResult r = runCli({"import", "-w", m_ws, file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains("bad.csv, row 3, column 2 (Country)"));
    QVERIFY(r.out.contains("bad.csv, row 3, column 3 (Workers)"));
    QVERIFY(r.out.contains("nothing was imported"));
    QCOMPARE(supplierCount(m_ws), 0);
    const QJsonObject o = importJson({file}, 1);
    QVERIFY(o.value("aborted").toBool());
    const QJsonObject issue = o.value("rows").toArray().at(0).toObject().value("issues").toArray().at(0).toObject();
    QCOMPARE(issue.value("row").toInt(), 3);
    QCOMPARE(issue.value("column").toInt(), 2);
    QCOMPARE(issue.value("file").toString(), QStringLiteral("bad.csv"));
}

void TestCliImport::skipErrorsAndUndo()
{
    const QString file = write("bad.csv", "Name,Country,Workers\nGood One,TH,10\nBad One,Atlantis,many\n");
    const QJsonObject o = importJson({file, "--on-error", "skip"}, 0);
    QCOMPARE(o.value("counts").toObject().value("added").toInt(), 1);
    QCOMPARE(o.value("counts").toObject().value("skipped").toInt(), 1);
    QCOMPARE(supplierCount(m_ws), 1);
    ProcessResult r = runCli({"imports", "list", "-w", m_ws, "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value("id").toString(), o.value("batch").toString());
    r = runCli({"imports", "undo", o.value("batch").toString().left(8), "-w", m_ws});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(supplierCount(m_ws), 0);
    r = runCli({"imports", "undo", o.value("batch").toString(), "-w", m_ws});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("already undone"));
    r = runCli({"check", "-w", m_ws});
    QCOMPARE(r.exitCode, 0);
}

void TestCliImport::dryRunChangesNothing()
{
    const QJsonObject o = importJson({dataPath("import/osh_upload.csv"), "--dry-run"}, 0);
    QCOMPARE(o.value("counts").toObject().value("added").toInt(), 2);
    QVERIFY(!o.value("committed").toBool());
    QCOMPARE(supplierCount(m_ws), 0);
    const ProcessResult r = runCli({"imports", "list", "-w", m_ws, "--json"});
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
}

void TestCliImport::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exit");
    QTest::addRow("no file") << QStringList{"import"} << 2;
    QTest::addRow("bad --on-error") << QStringList{"import", "x.csv", "--on-error", "ignore"} << 2;
    QTest::addRow("bad --header-row") << QStringList{"import", "x.csv", "--header-row", "zero"} << 2;
    QTest::addRow("missing file") << QStringList{"import", "/nonexistent/x.csv"} << 1;
    QTest::addRow("unknown mapping profile") << QStringList{"import", "@osh", "--mapping", "nope"} << 1;
    QTest::addRow("export without --out") << QStringList{"export", "suppliers"} << 2;
    QTest::addRow("export bad format") << QStringList{"export", "suppliers", "--out", "x.pdf"} << 2;
    QTest::addRow("imports undo without id") << QStringList{"imports", "undo"} << 2;
    QTest::addRow("imports unknown sub-command") << QStringList{"imports", "redo"} << 2;
}

void TestCliImport::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exit);
    for (QString& a : args)
        if (a == QLatin1String("@osh"))
            a = dataPath("import/osh_upload.csv");
    const ProcessResult r = runCli(args + QStringList{"-w", m_ws});
    QCOMPARE(r.exitCode, exit);
    QVERIFY(!r.err.isEmpty());
}

void TestCliImport::mapOverride()
{
    const QString file = write("odd.csv", "Fabrik,Land,Kennung\nSiam Garment,TH,X1\n");
    ProcessResult r = runCli({"import", "-w", m_ws, file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("mapped to Name"));
    const QJsonObject o = importJson({file, "--map", "Fabrik=name", "--map", "2=country", "--map", "Kennung=vendor_id",
                                      "--save-mapping", "German ERP"},
                                     0);
    QCOMPARE(o.value("counts").toObject().value("added").toInt(), 1);
    r = runCli({"imports", "mappings", "-w", m_ws});
    QVERIFY(r.out.contains("German ERP: Fabrik -> name, Land -> country, Kennung -> vendor_id"));
    // The saved profile is applied to the same header next time.
    const QString next = write("odd2.csv", "Fabrik,Land,Kennung\nGolden Palm,MY,X2\n");
    const QJsonObject p = importJson({next}, 0);
    QCOMPARE(p.value("profile").toString(), QStringLiteral("German ERP"));
    r = runCli({"import", "-w", m_ws, file, "--map", "Fabrik=nonsense"});
    QCOMPARE(r.exitCode, 2);
}

void TestCliImport::exportThenImport_data()
{
    QTest::addColumn<QString>("format");
    QTest::addRow("csv") << "csv";
    QTest::addRow("xlsx") << "xlsx";
}

void TestCliImport::exportThenImport()
{
    QFETCH(QString, format);
    importJson({dataPath("import/osh_download.csv")}, 0);
    importJson({dataPath("import/suppliers_cp1252_semicolon.csv")}, 0);
    const QString out = m_dir->filePath("export." + format);
    ProcessResult r = runCli({"export", "suppliers", "-w", m_ws, "--format", format, "--out", out});
    QCOMPARE(r.exitCode, 0);
    const QString other = m_dir->filePath("other.vigil");
    QCOMPARE(runCli({"init", "-w", other}).exitCode, 0);
    r = runCli({"import", "-w", other, out, "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value("known_format").toString(), QStringLiteral("vigil-export"));
    QCOMPARE(o.value("counts").toObject().value("added").toInt(), 4);
    const ProcessResult a = runCli({"suppliers", "list", "-w", m_ws, "--json"});
    const ProcessResult b = runCli({"suppliers", "list", "-w", other, "--json"});
    QCOMPARE(QJsonDocument::fromJson(b.out), QJsonDocument::fromJson(a.out));
    QCOMPARE(supplierCount(other), 4);
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cliimport.moc"
