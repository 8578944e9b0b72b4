// vigil-cli as a user runs it: the binary, its output and its exit codes.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using vigil::test::runCli;
using vigil::test::runCliEnv;

class TestCliWorkspace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();
    void initRefusesExisting();
    void addListSearch();
    void addRefusesInvalid_data();
    void addRefusesInvalid();
    void workspaceFromEnvironmentAndDefault();
    void checkReportsBadFiles_data();
    void checkReportsBadFiles();
    void checkFindsProblems();
    void readOnlyFolder();

private:
    QString ws(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCliWorkspace::initTestCase()
{
    QVERIFY(QFile::exists(vigil::test::cliPath()));
    QVERIFY(m_dir.isValid());
}

void TestCliWorkspace::versionAndHelp()
{
    auto r = runCli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("vigil-cli " VIGIL_VERSION));
    r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char* cmd : {"init", "check", "suppliers"})
        QVERIFY2(r.out.contains(cmd), cmd);
    r = runCli({QStringLiteral("suppliers"), QStringLiteral("list"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--country"));
}

void TestCliWorkspace::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addRow("no command") << QStringList{};
    QTest::addRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::addRow("unknown option") << QStringList{QStringLiteral("check"), QStringLiteral("--frob")};
    QTest::addRow("suppliers without subcommand") << QStringList{QStringLiteral("suppliers")};
    QTest::addRow("unknown suppliers subcommand") << QStringList{QStringLiteral("suppliers"), QStringLiteral("eat")};
    QTest::addRow("add without name") << QStringList{QStringLiteral("suppliers"), QStringLiteral("add"),
                                                     QStringLiteral("--country"), QStringLiteral("TH")};
    QTest::addRow("list with bad tier") << QStringList{QStringLiteral("suppliers"), QStringLiteral("list"),
                                                       QStringLiteral("--tier"), QStringLiteral("one")};
    QTest::addRow("-w without file") << QStringList{QStringLiteral("-w")};
    QTest::addRow("unknown risk tier") << QStringList{QStringLiteral("suppliers"), QStringLiteral("list"),
                                                      QStringLiteral("--risk-tier"), QStringLiteral("severe")};
}

void TestCliWorkspace::usageErrors()
{
    QFETCH(QStringList, args);
    auto r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

void TestCliWorkspace::initRefusesExisting()
{
    const QString path = ws(QStringLiteral("init.vigil"));
    auto r = runCli({QStringLiteral("init"), QStringLiteral("-w"), path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Created workspace"));
    QVERIFY(QFile::exists(path));
    r = runCli({QStringLiteral("init"), QStringLiteral("-w"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("will not overwrite"));
    QVERIFY(r.err.contains(path.toUtf8()));
}

void TestCliWorkspace::addListSearch()
{
    const QString path = ws(QStringLiteral("list.vigil"));
    QCOMPARE(runCli({QStringLiteral("init"), QStringLiteral("-w"), path}).exitCode, 0);
    const QList<QStringList> adds{
        {QStringLiteral("--name"), QStringLiteral("บริษัท ซีฟู้ด จำกัด"), QStringLiteral("--country"),
         QStringLiteral("Thailand"), QStringLiteral("--sector"), QStringLiteral("Fishing")},
        {QStringLiteral("--name"), QStringLiteral("Công ty TNHH May Mặc"), QStringLiteral("--country"),
         QStringLiteral("Viet Nam"), QStringLiteral("--workers"), QStringLiteral("1200"),
         QStringLiteral("--migrant-share"), QStringLiteral("35%")},
        {QStringLiteral("--name"), QStringLiteral("深圳电子有限公司"), QStringLiteral("--country"),
         QStringLiteral("People's Republic of China")},
        {QStringLiteral("--name"), QStringLiteral("ঢাকা পোশাক"), QStringLiteral("--country"), QStringLiteral("BGD")},
    };
    for (const QStringList& a : adds) {
        auto r
            = runCli(QStringList{QStringLiteral("suppliers"), QStringLiteral("add"), QStringLiteral("-w"), path} + a);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("Added "));
    }
    // -w before the command works as well as after it.
    auto r = runCli(
        {QStringLiteral("-w"), path, QStringLiteral("suppliers"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray all = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(all.size(), 4);
    r = runCli({QStringLiteral("suppliers"), QStringLiteral("list"), QStringLiteral("-w"), path,
                QStringLiteral("--country"), QStringLiteral("VN"), QStringLiteral("--json")});
    const QJsonArray vn = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(vn.size(), 1);
    const QJsonObject o = vn.first().toObject();
    QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("Công ty TNHH May Mặc"));
    QCOMPARE(o.value(QStringLiteral("workers_min")).toInt(), 1200);
    QCOMPARE(o.value(QStringLiteral("migrant_share")).toDouble(), 0.35);
    r = runCli({QStringLiteral("suppliers"), QStringLiteral("list"), QStringLiteral("-w"), path,
                QStringLiteral("--search"), QStringLiteral("ซีฟู้ด")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 1);
    QVERIFY(r.out.contains(QStringLiteral("บริษัท ซีฟู้ด จำกัด").toUtf8()));
    r = runCli({QStringLiteral("suppliers"), QStringLiteral("list"), QStringLiteral("-w"), path,
                QStringLiteral("--search"), QStringLiteral("电子")});
    QVERIFY(r.out.contains(QStringLiteral("深圳电子有限公司").toUtf8()));
    r = runCli({QStringLiteral("suppliers"), QStringLiteral("list"), QStringLiteral("-w"), path,
                QStringLiteral("--country"), QStringLiteral("Atlantis")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("check"), QStringLiteral("-w"), path}).exitCode, 0);
}

void TestCliWorkspace::addRefusesInvalid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addRow("empty name") << QStringList{QStringLiteral("--name"), QString(), QStringLiteral("--country"),
                                               QStringLiteral("TH")}
                                << QStringLiteral("needs a name");
    QTest::addRow("unknown country") << QStringList{QStringLiteral("--name"), QStringLiteral("Acme"),
                                                    QStringLiteral("--country"), QStringLiteral("Narnia")}
                                     << QStringLiteral("Narnia");
    QTest::addRow("share over one hundred percent")
        << QStringList{QStringLiteral("--name"),          QStringLiteral("Acme"),
                       QStringLiteral("--country"),       QStringLiteral("TH"),
                       QStringLiteral("--migrant-share"), QStringLiteral("150%")}
        << QStringLiteral("between 0% and 100%");
}

void TestCliWorkspace::addRefusesInvalid()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString path = ws(QStringLiteral("invalid.vigil"));
    if (!QFile::exists(path))
        QCOMPARE(runCli({QStringLiteral("init"), QStringLiteral("-w"), path}).exitCode, 0);
    auto r = runCli(QStringList{QStringLiteral("suppliers"), QStringLiteral("add"), QStringLiteral("-w"), path} + args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    r = runCli(
        {QStringLiteral("suppliers"), QStringLiteral("list"), QStringLiteral("-w"), path, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
}

void TestCliWorkspace::workspaceFromEnvironmentAndDefault()
{
    const QString envPath = ws(QStringLiteral("from-env.vigil"));
    auto r = runCliEnv({QStringLiteral("init")}, {{QStringLiteral("VIGIL_WORKSPACE"), envPath}});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFile::exists(envPath));
    // Without -w or VIGIL_WORKSPACE: the platform's app-data folder (XDG_DATA_HOME on Linux).
    const QString home = ws(QStringLiteral("xdg"));
    r = runCliEnv({QStringLiteral("init")}, {{QStringLiteral("XDG_DATA_HOME"), home}});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QFile::exists(home + QStringLiteral("/Vigil/Vigil/default.vigil")), r.out.constData());
}

void TestCliWorkspace::checkReportsBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::addRow("text file") << QByteArray("hello\n") << QStringLiteral("not a Vigil workspace");
    QTest::addRow("empty") << QByteArray() << QStringLiteral("empty");
    QByteArray truncated;
    {
        QFile f(vigil::test::dataPath(QStringLiteral("workspaces/v1.vigil")));
        if (f.open(QIODevice::ReadOnly))
            truncated = f.read(3000);
    }
    QTest::addRow("truncated workspace") << truncated << QStringLiteral("damaged");
}

void TestCliWorkspace::checkReportsBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path
        = ws(QStringLiteral("bad-%1.vigil").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    auto r = runCli({QStringLiteral("check"), QStringLiteral("-w"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(r.err.contains(path.toUtf8()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
}

void TestCliWorkspace::checkFindsProblems()
{
    const QString path = ws(QStringLiteral("problems.vigil"));
    QVERIFY(QFile::copy(vigil::test::dataPath(QStringLiteral("workspaces/v1.vigil")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    auto r = runCli({QStringLiteral("check"), QStringLiteral("-w"), path, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(o.value(QStringLiteral("suppliers")).toInt() > 100);
    // Tamper behind Vigil's back with the sqlite3 shell: a supplier without a change-log entry.
    auto s = vigil::test::runProgram(QStringLiteral("sqlite3"),
                                     {path,
                                      QStringLiteral("INSERT INTO suppliers (id, name, name_key, country, "
                                                     "created_at, updated_at) VALUES "
                                                     "('00000000-0000-4000-8000-0000000000ff', 'Ghost', 'ghost', "
                                                     "'TH', '2024-01-01', '2024-01-01')")});
    if (s.exitCode == -1 || (s.exitCode != 0 && s.err.isEmpty()))
        QSKIP("the sqlite3 shell is not installed");
    QCOMPARE(s.exitCode, 0);
    r = runCli({QStringLiteral("check"), QStringLiteral("-w"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains("no 'create' entry"));
    QVERIFY(r.err.contains("problem"));
}

void TestCliWorkspace::readOnlyFolder()
{
    // A workspace in a folder the user cannot write to: a clear message, the file untouched.
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/vigil-ro-XXXXXX"));
    const QString path = dir.filePath(QStringLiteral("ws.vigil"));
    QVERIFY(QFile::copy(vigil::test::dataPath(QStringLiteral("workspaces/v1.vigil")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    QFile::setPermissions(dir.path(),
                          QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                              | QFile::ExeOther);
    vigil::test::ProcessResult r;
    if (geteuid() == 0) {
        // Root ignores permissions: run the CLI as the unprivileged user "nobody" (util-linux setpriv).
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            QSKIP("setpriv is needed to drop root for this test");
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeOther);
        r = vigil::test::runProgramEnv(setpriv,
                                       {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                        QStringLiteral("--clear-groups"), vigil::test::cliPath(),
                                        QStringLiteral("check"), QStringLiteral("-w"), path},
                                       {{QStringLiteral("HOME"), QDir::tempPath()}});
    } else {
        r = runCli({QStringLiteral("check"), QStringLiteral("-w"), path});
    }
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("read-only"), r.err.constData());
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

QTEST_GUILESS_MAIN(TestCliWorkspace)
#include "tst_cliworkspace.moc"
