// vigil-cli methodology list|show|use, and `vigil-cli score` scoring with the workspace's active methodology.
#include "risk/methodologystore.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using vigil::test::runCli;

class TestMethodologyCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bundledIsActiveAtFirst();
    void useAStoredVersionRescoresWithIt();
    void badUse_data();
    void badUse();

private:
    // supplier id -> (score, methodology version), scored as of 2026-06-01.
    QHash<QString, QPair<double, QString>> scores();
    QTemporaryDir m_dir;
    QString m_ws;
    QString m_bundledVersion;
};

void TestMethodologyCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = m_dir.filePath(QStringLiteral("methodology.vigil"));
    const auto r = runCli({QStringLiteral("init"), QStringLiteral("-w"), m_ws, QStringLiteral("--sample")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const vigil::Methodology bundled = *vigil::Methodology::loadDefault();
    m_bundledVersion = bundled.version;
    // A stored, not yet active version with a heavier migrant workforce weight (5 -> 25 points).
    QJsonObject doc = QJsonDocument::fromJson(bundled.document).object();
    doc.insert(QStringLiteral("version"), QStringLiteral("1.0.1-test"));
    QJsonObject workforce = doc.value(QStringLiteral("workforce")).toObject();
    workforce.insert(QStringLiteral("migrantMaxPoints"), 25);
    doc.insert(QStringLiteral("workforce"), workforce);
    auto next = vigil::Methodology::fromJson(QJsonDocument(doc).toJson());
    QVERIFY2(next.ok(), qPrintable(next.error().toString()));
    auto db = vigil::Database::open(m_ws);
    QVERIFY(db.ok());
    QVERIFY(vigil::MethodologyStore(*db.value()).saveVersion(*next, false).ok());
}

QHash<QString, QPair<double, QString>> TestMethodologyCli::scores()
{
    const auto r = runCli({QStringLiteral("score"), QStringLiteral("-w"), m_ws, QStringLiteral("--at"),
                           QStringLiteral("2026-06-01"), QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning() << r.err;
    QHash<QString, QPair<double, QString>> out;
    for (const auto& v : QJsonDocument::fromJson(r.out).array()) {
        const QJsonObject o = v.toObject();
        out.insert(o.value(QLatin1String("supplierId")).toString(),
                   {o.value(QLatin1String("score")).toDouble(),
                    o.value(QLatin1String("methodology")).toObject().value(QLatin1String("version")).toString()});
    }
    return out;
}

void TestMethodologyCli::bundledIsActiveAtFirst()
{
    const auto r = runCli(
        {QStringLiteral("methodology"), QStringLiteral("list"), QStringLiteral("-w"), m_ws, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("version")).toString(), m_bundledVersion);
    QVERIFY(list.at(0).toObject().value(QLatin1String("active")).toBool());
    QVERIFY(list.at(0).toObject().value(QLatin1String("bundled")).toBool());
    QCOMPARE(list.at(1).toObject().value(QLatin1String("version")).toString(), QStringLiteral("1.0.1-test"));
    QVERIFY(!list.at(1).toObject().value(QLatin1String("active")).toBool());
    const auto show = runCli({QStringLiteral("methodology"), QStringLiteral("show"), QStringLiteral("-w"), m_ws});
    QCOMPARE(show.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(show.out).object().value(QLatin1String("version")).toString(), m_bundledVersion);
    for (const auto& [score, version] : scores())
        QCOMPARE(version, m_bundledVersion);
}

void TestMethodologyCli::useAStoredVersionRescoresWithIt()
{
    const auto before = scores();
    QVERIFY(before.size() > 100);
    const auto r = runCli({QStringLiteral("methodology"), QStringLiteral("use"), QStringLiteral("-w"), m_ws,
                           QStringLiteral("1.0.1-test"), QStringLiteral("--at"), QStringLiteral("2026-06-01")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("1.0.1-test is now active"), r.out.constData());
    const auto after = scores();
    QCOMPARE(after.size(), before.size());
    int higher = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        QCOMPARE(it->second, QStringLiteral("1.0.1-test"));
        QVERIFY(it->first >= before.value(it.key()).first); // a heavier weight never lowers a score
        if (it->first > before.value(it.key()).first)
            ++higher;
    }
    QVERIFY(higher > 10); // suppliers with migrant workers score higher
    const auto text = runCli({QStringLiteral("methodology"), QStringLiteral("list"), QStringLiteral("-w"), m_ws});
    QVERIFY(text.out.contains("* vigil-default 1.0.1-test"));
}

void TestMethodologyCli::badUse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("unknown version") << QStringList{"use", "7.7.7"} << 1;
    QTest::addRow("no version") << QStringList{"use"} << 2;
    QTest::addRow("show unknown") << QStringList{"show", "7.7.7"} << 1;
    QTest::addRow("unknown subcommand") << QStringList{"drop"} << 2;
}

void TestMethodologyCli::badUse()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QStringList full{QStringLiteral("methodology")};
    full << args.mid(0, 1) << QStringLiteral("-w") << m_ws << args.mid(1);
    const auto r = runCli(full);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(!r.err.isEmpty());
    // The active version is unchanged.
    const auto list = runCli({QStringLiteral("methodology"), QStringLiteral("list"), QStringLiteral("-w"), m_ws});
    QVERIFY(list.out.contains("* vigil-default 1.0.1-test"));
}

QTEST_GUILESS_MAIN(TestMethodologyCli)
#include "tst_methodologycli.moc"
