// vigil-cli datasets list|use: editions of a dataset family, which one is active, choosing another one rescores.
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using vigil::test::runCli;

class TestDatasetsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void latestEditionIsActiveByDefault();
    void useAnOlderEditionRescores();
    void useLatestFollowsTheNewestAgain();
    void badUse_data();
    void badUse();

private:
    QJsonArray listJson();
    // Every contribution source of every supplier's score (scored again as of 2026-06-01).
    QStringList sources();
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestDatasetsCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = m_dir.filePath(QStringLiteral("editions.vigil"));
    auto r = runCli({QStringLiteral("init"), QStringLiteral("-w"), m_ws, QStringLiteral("--sample")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Two editions of the TIP Report (test values).
    const QList<QPair<QString, QByteArray>> editions{
        {QStringLiteral("2023"), "Country,Year,Tier\nThailand,2023,Tier 2\nUnited Kingdom,2023,Tier 1\n"},
        {QStringLiteral("2024"), "Country,Year,Tier\nThailand,2024,Tier 3\nUnited Kingdom,2024,Tier 2\n"}};
    for (const auto& [edition, csv] : editions) {
        const QString path = m_dir.filePath(QStringLiteral("tip_%1.csv").arg(edition));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        r = runCli({QStringLiteral("datasets"), QStringLiteral("import"), QStringLiteral("-w"), m_ws,
                    QStringLiteral("--format"), QStringLiteral("tip"), QStringLiteral("--name"),
                    QStringLiteral("US State Department TIP Report"), QStringLiteral("--edition"), edition, path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
}

QJsonArray TestDatasetsCli::listJson()
{
    const auto r = runCli(
        {QStringLiteral("datasets"), QStringLiteral("list"), QStringLiteral("-w"), m_ws, QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning() << r.err;
    return QJsonDocument::fromJson(r.out).array();
}

QStringList TestDatasetsCli::sources()
{
    const auto r = runCli({QStringLiteral("score"), QStringLiteral("-w"), m_ws, QStringLiteral("--at"),
                           QStringLiteral("2026-06-01"), QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning() << r.err;
    QStringList out;
    for (const auto& s : QJsonDocument::fromJson(r.out).array())
        for (const auto& c : s.toObject().value(QLatin1String("contributions")).toArray())
            out << c.toObject().value(QLatin1String("source")).toString();
    out.removeDuplicates();
    return out;
}

void TestDatasetsCli::latestEditionIsActiveByDefault()
{
    const auto text = runCli({QStringLiteral("datasets"), QStringLiteral("list"), QStringLiteral("-w"), m_ws});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("  * tip_2024  2024"), text.out.constData());
    QVERIFY(text.out.contains("ACTIVE (latest edition)"));
    QVERIFY(text.out.contains("    tip_2023  2023"));
    const QJsonArray list = listJson();
    QCOMPARE(list.size(), 4);
    QHash<QString, QJsonObject> byId;
    for (const auto& v : list)
        byId.insert(v.toObject().value(QLatin1String("id")).toString(), v.toObject());
    QCOMPARE(byId.value(QStringLiteral("tip_2024")).value(QLatin1String("family")).toString(), QStringLiteral("tip"));
    QVERIFY(byId.value(QStringLiteral("tip_2024")).value(QLatin1String("active")).toBool());
    QVERIFY(!byId.value(QStringLiteral("tip_2024")).value(QLatin1String("chosen")).toBool());
    QVERIFY(!byId.value(QStringLiteral("tip_2023")).value(QLatin1String("active")).toBool());
    QVERIFY(byId.value(QStringLiteral("ilab_goods_2022")).value(QLatin1String("active")).toBool());
    const QStringList s = sources();
    QVERIFY(s.contains(QStringLiteral("US State Department TIP Report, 2024")));
    QVERIFY(!s.contains(QStringLiteral("US State Department TIP Report, 2023")));
}

void TestDatasetsCli::useAnOlderEditionRescores()
{
    const auto r = runCli({QStringLiteral("datasets"), QStringLiteral("use"), QStringLiteral("-w"), m_ws,
                           QStringLiteral("tip"), QStringLiteral("--edition"), QStringLiteral("2023"),
                           QStringLiteral("--at"), QStringLiteral("2026-06-01")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("tip: now using US State Department TIP Report, 2023 (tip_2023, chosen)"),
             r.out.constData());
    QVERIFY(r.out.contains("Rescored 207 supplier(s)"));
    for (const auto& v : listJson()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("id")).toString() == QLatin1String("tip_2023")) {
            QVERIFY(o.value(QLatin1String("active")).toBool());
            QVERIFY(o.value(QLatin1String("chosen")).toBool());
        }
        if (o.value(QLatin1String("id")).toString() == QLatin1String("tip_2024"))
            QVERIFY(!o.value(QLatin1String("active")).toBool());
    }
    const QStringList s = sources();
    QVERIFY(s.contains(QStringLiteral("US State Department TIP Report, 2023")));
    QVERIFY(!s.contains(QStringLiteral("US State Department TIP Report, 2024")));
    const auto text = runCli({QStringLiteral("datasets"), QStringLiteral("list"), QStringLiteral("-w"), m_ws});
    QVERIFY(text.out.contains("  * tip_2023  2023"));
    QVERIFY(text.out.contains("ACTIVE (chosen "));
    QVERIFY(text.out.contains(" by cli)"));
}

void TestDatasetsCli::useLatestFollowsTheNewestAgain()
{
    const auto r = runCli({QStringLiteral("datasets"), QStringLiteral("use"), QStringLiteral("-w"), m_ws,
                           QStringLiteral("tip_2023"), QStringLiteral("--latest"), QStringLiteral("--at"),
                           QStringLiteral("2026-06-01")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("(tip_2024, the latest edition)"), r.out.constData());
    const QStringList s = sources();
    QVERIFY(s.contains(QStringLiteral("US State Department TIP Report, 2024")));
    QVERIFY(!s.contains(QStringLiteral("US State Department TIP Report, 2023")));
}

void TestDatasetsCli::badUse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("no edition") << QStringList{"tip"} << 1 << QByteArray("tip_2024 (2024), tip_2023 (2023)");
    QTest::addRow("unknown edition") << QStringList{"tip", "--edition", "1999"} << 1 << QByteArray("no edition");
    QTest::addRow("unknown dataset") << QStringList{"gsi", "--edition", "2023"} << 1 << QByteArray("Known: ");
    QTest::addRow("both") << QStringList{"tip", "--edition", "2023", "--latest"} << 2 << QByteArray("not both");
    QTest::addRow("nothing") << QStringList{} << 2 << QByteArray("needs one dataset");
}

void TestDatasetsCli::badUse()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    const auto r
        = runCli(QStringList{QStringLiteral("datasets"), QStringLiteral("use"), QStringLiteral("-w"), m_ws} + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), r.err.constData());
    // Nothing was chosen.
    for (const auto& v : listJson())
        QVERIFY(!v.toObject().value(QLatin1String("chosen")).toBool());
}

QTEST_GUILESS_MAIN(TestDatasetsCli)
#include "tst_datasetscli.moc"
