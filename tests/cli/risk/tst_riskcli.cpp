// vigil-cli score and evidence, run as a user would.
#include "risk/riskinput.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "testsupport.h"
#include "util/uuid.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::test;

class TestRiskCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scoreAll();
    void evidenceThenExplain();
    void evidenceAtARemovedSite();
    void usageErrors_data();
    void usageErrors();
    void indicatorsNeedNoWorkspace();
    void datasetsImportListRemove();
    void historyNamesDatasetsAndWhy();

private:
    QJsonArray scoreJson(const QStringList& extra = {});
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestRiskCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = m_dir.filePath(QStringLiteral("risk.vigil"));
    const auto r = runCli({QStringLiteral("init"), QStringLiteral("-w"), m_ws, QStringLiteral("--sample")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

QJsonArray TestRiskCli::scoreJson(const QStringList& extra)
{
    const auto r = runCli(QStringList{QStringLiteral("score"), QStringLiteral("-w"), m_ws, QStringLiteral("--at"),
                                      QStringLiteral("2026-06-01"), QStringLiteral("--json")}
                          + extra);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return QJsonDocument::fromJson(r.out).array();
}

void TestRiskCli::scoreAll()
{
    const QJsonArray all = scoreJson();
    QVERIFY(all.size() > 100);
    double previousTier = 4;
    for (const auto& v : all) {
        const QJsonObject o = v.toObject();
        QVERIFY(!o.value(QLatin1String("name")).toString().isEmpty());
        const double score = o.value(QLatin1String("score")).toDouble(-1);
        QVERIFY(score >= 0 && score <= 100);
        QVERIFY(!o.value(QLatin1String("contributions")).toArray().isEmpty());
        const QJsonObject band = o.value(QLatin1String("band")).toObject();
        QVERIFY(band.value(QLatin1String("low")).toDouble(1000) <= score + 1e-6);
        QVERIFY(band.value(QLatin1String("high")).toDouble(-1) >= score - 1e-6);
        const QStringList tiers{"low", "medium", "high", "critical"};
        const int tier = int(tiers.indexOf(o.value(QLatin1String("tier")).toString()));
        QVERIFY(tier >= 0);
        QVERIFY(tier <= previousTier); // sorted, most severe first
        previousTier = tier;
    }
    const auto text = runCli(
        {QStringLiteral("score"), QStringLiteral("-w"), m_ws, QStringLiteral("--at"), QStringLiteral("2026-06-01")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Scored "));
    QVERIFY(text.out.contains("ILAB List of Goods"));
}

void TestRiskCli::evidenceThenExplain()
{
    const QJsonArray all = scoreJson();
    QVERIFY(!all.isEmpty());
    // The lowest-scored supplier, so that the change is visible.
    const QJsonObject last = all.last().toObject();
    const QString id = last.value(QLatin1String("supplierId")).toString();
    const double before = last.value(QLatin1String("score")).toDouble();
    auto r = runCli({QStringLiteral("evidence"), QStringLiteral("add"), QStringLiteral("-w"), m_ws,
                     QStringLiteral("--supplier"), id, QStringLiteral("--indicator"),
                     QStringLiteral("cl_under_minimum_age"), QStringLiteral("--status"), QStringLiteral("present"),
                     QStringLiteral("--source"), QStringLiteral("audit"), QStringLiteral("--date"),
                     QStringLiteral("2026-05-15"), QStringLiteral("--confidence"), QStringLiteral("0.9")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({QStringLiteral("evidence"), QStringLiteral("mitigate"), QStringLiteral("-w"), m_ws,
                QStringLiteral("--supplier"), id, QStringLiteral("--type"), QStringLiteral("recent_audit"),
                QStringLiteral("--date"), QStringLiteral("2026-05-15")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("-w"), m_ws,
                QStringLiteral("--supplier"), id, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject listed = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(listed.value(QLatin1String("observations")).toArray().size(), 1);
    QCOMPARE(listed.value(QLatin1String("mitigations")).toArray().size(), 1);

    const QJsonArray one = scoreJson({QStringLiteral("--supplier"), id});
    QCOMPARE(one.size(), 1);
    const QJsonObject o = one.first().toObject();
    QCOMPARE(o.value(QLatin1String("tier")).toString(), QStringLiteral("critical"));
    QVERIFY(o.value(QLatin1String("zeroTolerance")).toBool());
    QVERIFY(o.value(QLatin1String("score")).toDouble() > before);

    r = runCli({QStringLiteral("score"), QStringLiteral("-w"), m_ws, QStringLiteral("--supplier"), id,
                QStringLiteral("--explain"), QStringLiteral("--at"), QStringLiteral("2026-06-01")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Child below the minimum working age"));
    QVERIFY(r.out.contains("Zero-tolerance finding"));
    QVERIFY(r.out.contains("while a critical finding is open") || r.out.contains("Recent independent social audit"));
    QVERIFY(r.out.contains("Not assessed:"));
}

// Evidence is recorded at one of the supplier's sites; when that site is removed, the observation stays at it and
// `evidence list` says the site was removed (text and JSON), until the site is put back.
void TestRiskCli::evidenceAtARemovedSite()
{
    SupplierRecord before;
    before.supplier.id = vigil::newUuid();
    before.supplier.name = QStringLiteral("Dormitory Test Co");
    before.supplier.country = QStringLiteral("TH");
    const QString plant = vigil::newUuid();
    const QString dorm = vigil::newUuid();
    before.sites.append(
        {plant, QString(), QStringLiteral("Plant"), SiteType::Factory, QString(), QStringLiteral("TH"), std::nullopt});
    before.sites.append({dorm, QString(), QStringLiteral("Dormitory"), SiteType::Dormitory, QString(),
                         QStringLiteral("TH"), std::nullopt});
    const auto save = [&](const SupplierRecord& rec, bool add) {
        auto db = vigil::Database::open(m_ws);
        if (!db)
            return false;
        vigil::SupplierRepository repo(*db.value());
        return (add ? repo.add(rec) : repo.save(rec)).ok();
    };
    QVERIFY(save(before, true));
    const QString id = before.supplier.id;
    const auto add = [&](const QString& site) {
        return runCli({QStringLiteral("evidence"), QStringLiteral("add"), QStringLiteral("-w"), m_ws,
                       QStringLiteral("--supplier"), id, QStringLiteral("--indicator"),
                       QStringLiteral("ilo_02_deception"), QStringLiteral("--status"), QStringLiteral("present"),
                       QStringLiteral("--source"), QStringLiteral("audit"), QStringLiteral("--site"), site});
    };
    auto r = add(dorm);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString unknown = vigil::newUuid();
    r = add(unknown);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("is not a site of this supplier"), r.err.constData());
    QVERIFY(r.err.contains(dorm.toUtf8()));
    const auto list = [&](bool json) {
        QStringList args{QStringLiteral("evidence"),   QStringLiteral("list"),
                         QStringLiteral("-w"),         m_ws,
                         QStringLiteral("--supplier"), id};
        if (json)
            args << QStringLiteral("--json");
        return runCli(args);
    };
    r = list(false);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("site %1 (Dormitory)").arg(dorm).toUtf8()), r.out.constData());
    QVERIFY(r.out.contains("1 observation(s)"));
    // The score's explanation names the site, never by its id (text and JSON).
    const auto explain = [&](bool json) {
        QStringList args{QStringLiteral("score"), QStringLiteral("-w"),        m_ws, QStringLiteral("--supplier"), id,
                         QStringLiteral("--at"),  QStringLiteral("2026-06-01")};
        args << (json ? QStringLiteral("--json") : QStringLiteral("--explain"));
        return runCli(args);
    };
    r = explain(false);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Deception (high) at site “Dormitory”"), r.out.constData());
    QVERIFY(!r.out.contains(dorm.toUtf8()));
    r = explain(true);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("at site “Dormitory”"), r.out.constData());
    QVERIFY(!r.out.contains(dorm.toUtf8()));

    SupplierRecord after = before;
    after.sites.removeAt(1);
    QVERIFY(save(after, false));
    r = list(false);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("site %1 (site removed)").arg(dorm).toUtf8()), r.out.constData());
    r = list(true);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o
        = QJsonDocument::fromJson(r.out).object().value(QLatin1String("observations")).toArray().first().toObject();
    QCOMPARE(o.value(QLatin1String("site")).toString(), dorm);
    QCOMPARE(o.value(QLatin1String("siteName")).toString(), QStringLiteral("(site removed)"));
    QCOMPARE(o.value(QLatin1String("siteRemoved")).toBool(false), true);
    r = explain(false);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Deception (high) at (site removed)"), r.out.constData());
    QVERIFY(!r.out.contains(dorm.toUtf8()));
    // Nothing new is recorded at the removed site.
    r = add(dorm);
    QVERIFY(r.exitCode != 0);

    QVERIFY(save(before, false)); // undo the removal
    r = list(true);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject back
        = QJsonDocument::fromJson(r.out).object().value(QLatin1String("observations")).toArray().first().toObject();
    QCOMPARE(back.value(QLatin1String("site")).toString(), dorm);
    QCOMPARE(back.value(QLatin1String("siteName")).toString(), QStringLiteral("Dormitory"));
    QCOMPARE(back.value(QLatin1String("siteRemoved")).toBool(true), false);
}

void TestRiskCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("unknown indicator") << QStringList{"evidence", "add",      "--supplier", "x",        "--indicator",
                                                      "ilo_99",   "--status", "present",    "--source", "audit"}
                                       << 2;
    QTest::addRow("bad status") << QStringList{"evidence",         "add",      "--supplier", "x",        "--indicator",
                                               "ilo_02_deception", "--status", "maybe",      "--source", "audit"}
                                << 2;
    QTest::addRow("unknown source") << QStringList{"evidence", "add",         "--supplier",
                                                   "x",        "--indicator", "ilo_02_deception",
                                                   "--status", "present",     "--source",
                                                   "rumour"}
                                    << 2;
    QTest::addRow("bad date") << QStringList{"evidence",         "add",       "--supplier", "x",        "--indicator",
                                             "ilo_02_deception", "--status",  "present",    "--source", "audit",
                                             "--date",           "31/12/2025"}
                              << 2;
    QTest::addRow("confidence out of range")
        << QStringList{"evidence", "add",     "--supplier", "x",     "--indicator",  "ilo_02_deception",
                       "--status", "present", "--source",   "audit", "--confidence", "80"}
        << 2;
    QTest::addRow("unknown supplier") << QStringList{"evidence", "add",         "--supplier",
                                                     "nope",     "--indicator", "ilo_02_deception",
                                                     "--status", "present",     "--source",
                                                     "audit"}
                                      << 1;
    QTest::addRow("unknown mitigation") << QStringList{"evidence", "mitigate", "--supplier",
                                                       "x",        "--type",   "good_vibes"}
                                        << 2;
    QTest::addRow("no subcommand") << QStringList{"evidence"} << 2;
    QTest::addRow("score bad date") << QStringList{"score", "--at", "tomorrow"} << 2;
    QTest::addRow("score unknown supplier") << QStringList{"score", "--supplier", "nope"} << 1;
}

void TestRiskCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    args.insert(args.first() == QLatin1String("evidence") && args.size() > 1 ? 2 : 1, QStringLiteral("-w"));
    args.insert(args.indexOf(QStringLiteral("-w")) + 1, m_ws);
    const auto r = runCli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.err.startsWith("vigil-cli"));
}

void TestRiskCli::indicatorsNeedNoWorkspace()
{
    const auto r = runCli({QStringLiteral("evidence"), QStringLiteral("indicators"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 25);
    QCOMPARE(list.first().toObject().value(QLatin1String("id")).toString(),
             QStringLiteral("ilo_01_abuse_of_vulnerability"));
}

void TestRiskCli::datasetsImportListRemove()
{
    const QString csv = m_dir.filePath(QStringLiteral("tip.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Country,Year,Tier\nUnited Kingdom,2024,Tier 1\nThailand,2024,Tier 3\nAtlantis,2024,Tier 1\n");
    f.close();
    auto r = runCli({QStringLiteral("datasets"), QStringLiteral("import"), QStringLiteral("-w"), m_ws,
                     QStringLiteral("--format"), QStringLiteral("tip"), QStringLiteral("--name"),
                     QStringLiteral("TIP Report"), QStringLiteral("--edition"), QStringLiteral("2024"), csv});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.err.contains("Atlantis")); // the skipped row is reported with its place
    QVERIFY(r.err.contains("row 4"));
    r = runCli(
        {QStringLiteral("datasets"), QStringLiteral("list"), QStringLiteral("-w"), m_ws, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(2).toObject().value(QLatin1String("id")).toString(), QStringLiteral("tip_2024"));
    // The imported tier now decides Thailand's country anchor (tier 3 = 6) and shows as the source.
    bool found = false;
    for (const auto& v : scoreJson()) {
        const QJsonObject o = v.toObject();
        for (const auto& c : o.value(QLatin1String("contributions")).toArray()) {
            const QJsonObject co = c.toObject();
            if (co.value(QLatin1String("factor")).toString() == QLatin1String("country")
                && co.value(QLatin1String("source")).toString() == QLatin1String("TIP Report, 2024")) {
                found = true;
                QVERIFY(co.value(QLatin1String("value")).toDouble() == 6.0
                        || co.value(QLatin1String("value")).toDouble() == 1.0);
            }
        }
    }
    QVERIFY(found);
    r = runCli(
        {QStringLiteral("datasets"), QStringLiteral("remove"), QStringLiteral("-w"), m_ws, QStringLiteral("tip_2024")});
    QCOMPARE(r.exitCode, 0);
    r = runCli({QStringLiteral("datasets"), QStringLiteral("remove"), QStringLiteral("-w"), m_ws,
                QStringLiteral("ilab_goods_2022")});
    QCOMPARE(r.exitCode, 1);
    r = runCli({QStringLiteral("datasets"), QStringLiteral("import"), QStringLiteral("-w"), m_ws,
                QStringLiteral("--format"), QStringLiteral("nope"), QStringLiteral("--name"), QStringLiteral("x"),
                QStringLiteral("--edition"), QStringLiteral("1"), csv});
    QCOMPARE(r.exitCode, 2);
}

void TestRiskCli::historyNamesDatasetsAndWhy()
{
    // A workspace of its own: the history of one Thai supplier across a dataset import.
    const QString ws = m_dir.filePath(QStringLiteral("history.vigil"));
    auto r = runCli({QStringLiteral("init"), QStringLiteral("-w"), ws, QStringLiteral("--sample")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto score = [&](const QStringList& extra) {
        return runCli(QStringList{QStringLiteral("score"), QStringLiteral("-w"), ws, QStringLiteral("--at"),
                                  QStringLiteral("2026-06-01")}
                      + extra);
    };
    r = score({QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QString id;
    for (const auto& v : QJsonDocument::fromJson(r.out).array())
        if (v.toObject()
                .value(QLatin1String("contributions"))
                .toArray()
                .first()
                .toObject()
                .value(QLatin1String("label"))
                .toString()
                .contains(QLatin1String("Thailand"))
            || id.isEmpty())
            id = v.toObject().value(QLatin1String("supplierId")).toString();
    QVERIFY(!id.isEmpty());
    const QString csv = m_dir.filePath(QStringLiteral("tip_history.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Country,Year,Tier\nThailand,2024,Tier 3\nUnited Kingdom,2024,Tier 1\nChina,2024,Tier 3\n"
            "India,2024,Tier 2\nBangladesh,2024,Tier 2\nViet Nam,2024,Tier 2 Watch List\nMalaysia,2024,Tier 2\n");
    f.close();
    r = runCli({QStringLiteral("datasets"), QStringLiteral("import"), QStringLiteral("-w"), ws,
                QStringLiteral("--format"), QStringLiteral("tip"), QStringLiteral("--name"),
                QStringLiteral("TIP Report"), QStringLiteral("--edition"), QStringLiteral("2024"), csv});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = score({QStringLiteral("--supplier"), id, QStringLiteral("--explain"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray one = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(one.size(), 1);
    const QJsonObject o = one.first().toObject();
    bool tip = false;
    for (const auto& d : o.value(QLatin1String("datasets")).toArray())
        tip = tip || d.toObject().value(QLatin1String("edition")).toString() == QLatin1String("2024");
    QVERIFY(tip);
    const QJsonArray history = o.value(QLatin1String("history")).toArray();
    QVERIFY2(history.size() >= 2, r.out.constData());
    const QJsonObject last = history.last().toObject();
    QCOMPARE(last.value(QLatin1String("methodology")).toObject().value(QLatin1String("id")).toString().isEmpty(),
             false);
    QVERIFY(last.value(QLatin1String("datasetsRecorded")).toBool());
    QStringList names;
    for (const auto& d : last.value(QLatin1String("datasets")).toArray())
        names << d.toObject().value(QLatin1String("name")).toString() + QStringLiteral(", ")
                + d.toObject().value(QLatin1String("edition")).toString();
    QVERIFY2(names.contains(QStringLiteral("TIP Report, 2024")), qPrintable(names.join(QLatin1Char('|'))));
    const QString reasons = last.value(QLatin1String("reasons")).toVariant().toStringList().join(QLatin1Char('|'));
    QVERIFY2(reasons.contains(QStringLiteral("Dataset added: TIP Report, 2024")), qPrintable(reasons));
    QVERIFY(history.first().toObject().value(QLatin1String("reasons")).toArray().isEmpty());
    // The same in words.
    r = score({QStringLiteral("--supplier"), id, QStringLiteral("--explain")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("why it moved: Dataset added: TIP Report, 2024"), r.out.constData());
    QVERIFY(r.out.contains("TIP Report, 2024"));
}

QTEST_GUILESS_MAIN(TestRiskCli)
#include "tst_riskcli.moc"
