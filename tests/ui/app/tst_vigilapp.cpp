// The vigil program itself: which workspace it opens at start (FILE, $VIGIL_WORKSPACE, the last one, the sample),
// run offscreen with its hidden --screenshot option so that it paints once and quits.
#include "storage/supplierrepository.h"
#include "storage/workspace.h"

#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestVigilApp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    struct Run
    {
        int exitCode = -1;
        QImage shot;
        QByteArray err;
    };

    Run run(const QStringList& args, const QString& workspaceEnv = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("VIGIL_WORKSPACE"));
        if (!workspaceEnv.isEmpty())
            env.insert(QStringLiteral("VIGIL_WORKSPACE"), workspaceEnv);
        p.setProcessEnvironment(env);
        const QString shot = m_home.filePath(QStringLiteral("shot.png"));
        QFile::remove(shot);
        p.start(qEnvironmentVariable("VIGIL_APP"),
                QStringList{QStringLiteral("--screenshot"), shot, QStringLiteral("--size"), QStringLiteral("1200x800")}
                    + args);
        Run r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            return r;
        }
        r.exitCode = p.exitCode();
        r.err = p.readAllStandardError();
        r.shot = QImage(shot);
        return r;
    }

    QString recentFirst()
    {
        QSettings s(m_home.filePath(QStringLiteral("config/Vigil/Vigil.conf")), QSettings::IniFormat);
        return s.value(QStringLiteral("workspaces/recent")).toStringList().value(0);
    }

    QString makeWorkspace(const QString& name, const QString& supplier)
    {
        const QString path = m_home.filePath(name);
        auto db = workspace::create(path);
        if (!db)
            return {};
        SupplierRecord r;
        r.supplier.name = supplier;
        r.supplier.country = QStringLiteral("TH");
        if (!SupplierRepository(*db.value()).add(r))
            return {};
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(QFile::exists(qEnvironmentVariable("VIGIL_APP")), "VIGIL_APP must name the built vigil program");
    }

    void opensTheFileGiven()
    {
        const QString path = makeWorkspace(QStringLiteral("given.vigil"), QStringLiteral("บริษัท ทดสอบ จำกัด"));
        QVERIFY(!path.isEmpty());
        const Run r = run({path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.shot.isNull());
        QCOMPARE(r.shot.size(), QSize(1200, 800));
        QCOMPARE(recentFirst(), path);
    }

    void honoursVigilWorkspace()
    {
        const QString path = makeWorkspace(QStringLiteral("fromenv.vigil"), QStringLiteral("Env Supplier"));
        QVERIFY(!path.isEmpty());
        const Run r = run({}, path);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(recentFirst(), path);
    }

    void reopensTheLastWorkspace()
    {
        const QString last = recentFirst();
        QVERIFY(!last.isEmpty());
        const Run r = run({});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(recentFirst(), last);
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("data/Vigil/Vigil/sample.vigil"))));
    }

    void createsTheSampleOnFirstStart()
    {
        QFile::remove(m_home.filePath(QStringLiteral("config/Vigil/Vigil.conf")));
        const Run r = run({});
        QCOMPARE(r.exitCode, 0);
        const QString sample = m_home.filePath(QStringLiteral("data/Vigil/Vigil/sample.vigil"));
        // The sample portfolio may be missing from a build: then the window says so and opens nothing.
        if (QFile::exists(sample) && !recentFirst().isEmpty())
            QCOMPARE(recentFirst(), sample);
        QVERIFY(!r.shot.isNull());
    }

    // --tab picks the supplier's detail tab and --subtab the tab inside it (--tab 1 is Risk: Why this score,
    // Evidence ...), so that each of them can be looked at in a screenshot.
    void screenshotOfADetailTabInside()
    {
        const QString path = makeWorkspace(QStringLiteral("tabs.vigil"), QStringLiteral("ဆန်စက် ကုမ္ပဏီလီမိတက်"));
        QVERIFY(!path.isEmpty());
        const Run why = run({path, QStringLiteral("--tab"), QStringLiteral("1")});
        const Run whyAgain = run(
            {path, QStringLiteral("--tab"), QStringLiteral("1"), QStringLiteral("--subtab"), QStringLiteral("0")});
        const Run evidence = run(
            {path, QStringLiteral("--tab"), QStringLiteral("1"), QStringLiteral("--subtab"), QStringLiteral("1")});
        for (const Run* r : {&why, &whyAgain, &evidence}) {
            QCOMPARE(r->exitCode, 0);
            QCOMPARE(r->shot.size(), QSize(1200, 800));
        }
        QCOMPARE(whyAgain.shot, why.shot);
        QVERIFY(evidence.shot != why.shot);
    }

    void aBadFileLeavesAnEmptyWindow()
    {
        const QString bad = m_home.filePath(QStringLiteral("bad.vigil"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a workspace");
        f.close();
        const QString before = recentFirst();
        const Run r = run({bad});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.shot.isNull());
        QCOMPARE(recentFirst(), before); // a file that did not open is not remembered
        QFile check(bad);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("not a workspace"));
    }
};

QTEST_GUILESS_MAIN(TestVigilApp)
#include "tst_vigilapp.moc"
