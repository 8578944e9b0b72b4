// The edition of each reference dataset family that scores use: families and the latest edition, the user's
// choice (one transaction, restored when the rescoring fails), and what a choice does to a score and its history.
#include "risk/datasetcatalog.h"
#include "risk/riskengine.h"
#include "risk/riskrepository.h"
#include "risk/scorejob.h"
#include "risk/scoring.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "util/uuid.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

class TestDatasetCatalog : public QObject
{
    Q_OBJECT

private slots:
    void familyOf_data();
    void familyOf();
    void editionYear_data();
    void editionYear();
    void groupPicksLatestUnlessChosen_data();
    void groupPicksLatestUnlessChosen();

    void init();
    void cleanup();
    void familiesListEditionsNewestFirst();
    void resolve_data();
    void resolve();
    void olderTipEditionChangesThaiScore();
    void historyNamesTheEditionChange();
    void chooseRefusesWhatIsNotAnEdition_data();
    void chooseRefusesWhatIsNotAnEdition();
    void failedRescoreRestoresTheChoice();
    void removedEditionFallsBackToLatest();
    void overridesDoNotStore();

private:
    SupplierRiskInput thaiInput();
    RiskResult evaluate(const EditionChoices& overrides = {});
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_thai;
    const QDateTime m_now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
};

namespace {

DatasetInfo info(const QString& id, const QString& edition, const QDateTime& loaded = {})
{
    DatasetInfo d;
    d.id = id;
    d.name = QStringLiteral("Dataset ") + id;
    d.edition = edition;
    d.loadedAt = loaded;
    return d;
}

QStringList ids(const QList<DatasetInfo>& list)
{
    QStringList out;
    for (const DatasetInfo& d : list)
        out << d.id;
    out.sort();
    return out;
}

} // namespace

void TestDatasetCatalog::familyOf_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("edition");
    QTest::addColumn<QString>("family");
    QTest::addRow("default id") << "tip_2024"
                                << "2024"
                                << "tip";
    QTest::addRow("edition with words") << "gsi_2023 edition"
                                        << "2023 edition"
                                        << "gsi";
    QTest::addRow("company list") << "company-country_Q3 list"
                                  << "Q3  list"
                                  << "company-country";
    QTest::addRow("bundled, year suffix") << "ilab_goods_2022"
                                          << "2022 reporting year (published 2023)"
                                          << "ilab_goods";
    QTest::addRow("own id, no suffix") << "acme"
                                       << "v2"
                                       << "acme";
    QTest::addRow("id is the edition") << "2024"
                                       << "2024"
                                       << "2024";
    QTest::addRow("not a year") << "list_12345"
                                << ""
                                << "list_12345";
}

void TestDatasetCatalog::familyOf()
{
    QFETCH(QString, id);
    QFETCH(QString, edition);
    QFETCH(QString, family);
    QCOMPARE(DatasetCatalog::familyOf(info(id, edition)), family);
}

void TestDatasetCatalog::editionYear_data()
{
    QTest::addColumn<QString>("edition");
    QTest::addColumn<int>("year");
    QTest::addRow("year") << "2024" << 2024;
    QTest::addRow("first year") << "2022 reporting year (published 2023)" << 2022;
    QTest::addRow("words") << "Edition of 2018" << 2018;
    QTest::addRow("none") << "Q3 list" << -1;
    QTest::addRow("longer number") << "120245" << -1;
    QTest::addRow("empty") << "" << -1;
}

void TestDatasetCatalog::editionYear()
{
    QFETCH(QString, edition);
    QFETCH(int, year);
    QCOMPARE(DatasetCatalog::editionYear(edition), year);
}

void TestDatasetCatalog::groupPicksLatestUnlessChosen_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QString>("active");
    QTest::addColumn<bool>("chosen");
    QTest::addRow("no choice: latest year") << ""
                                            << "tip_2024" << false;
    QTest::addRow("older chosen") << "tip_2022"
                                  << "tip_2022" << true;
    QTest::addRow("latest chosen") << "tip_2024"
                                   << "tip_2024" << true;
    QTest::addRow("choice of another family ignored") << "gsi_2023"
                                                      << "tip_2024" << false;
    QTest::addRow("removed edition ignored") << "tip_2019"
                                             << "tip_2024" << false;
}

void TestDatasetCatalog::groupPicksLatestUnlessChosen()
{
    QFETCH(QString, choice);
    QFETCH(QString, active);
    QFETCH(bool, chosen);
    const QDateTime early(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    // Loaded in the "wrong" order: the year decides, not the loading time.
    const QList<DatasetInfo> all{info(QStringLiteral("tip_2022"), QStringLiteral("2022"), early.addDays(9)),
                                 info(QStringLiteral("tip_2024"), QStringLiteral("2024"), early),
                                 info(QStringLiteral("tip_2023"), QStringLiteral("2023"), early.addDays(5)),
                                 info(QStringLiteral("gsi_2023"), QStringLiteral("2023"), early)};
    const QList<DatasetFamily> families
        = DatasetCatalog::group(all, {{QStringLiteral("tip"), choice}, {QStringLiteral("gsi"), QString()}});
    QCOMPARE(families.size(), 2);
    const DatasetFamily& tip = families.at(1); // ordered by name: "Dataset gsi_..." before "Dataset tip_..."
    QCOMPARE(tip.id, QStringLiteral("tip"));
    QCOMPARE(tip.editions.size(), 3);
    QCOMPARE(tip.editions.at(0).info.id, QStringLiteral("tip_2024"));
    QCOMPARE(tip.editions.at(2).info.id, QStringLiteral("tip_2022"));
    QCOMPARE(tip.activeId, active);
    QCOMPARE(tip.chosen, chosen);
    int actives = 0;
    for (const DatasetEdition& e : tip.editions)
        actives += e.active ? 1 : 0;
    QCOMPARE(actives, 1);
    QVERIFY(tip.active() && tip.active()->info.id == active);
    QCOMPARE(families.at(0).activeId, QStringLiteral("gsi_2023"));
}

void TestDatasetCatalog::init()
{
    QVERIFY(m_dir.isValid());
    auto db = workspace::create(m_dir.filePath(QStringLiteral("w%1.vigil").arg(QDateTime::currentMSecsSinceEpoch())));
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    // A Thai office-services supplier with no goods: its inherent risk (country + sector 1) stays below the cap, so
    // the country anchor shows in the score.
    SupplierRecord record;
    record.supplier.id = newUuid();
    record.supplier.name = QStringLiteral("Bangkok Back Office Co., Ltd.");
    record.supplier.country = QStringLiteral("TH");
    record.supplier.sector = QStringLiteral("services");
    record.supplier.migrantShare = 0.0;
    QVERIFY(SupplierRepository(*m_db).add(record).ok());
    m_thai = record.supplier.id;
    // Two editions of the TIP Report (test values): Tier 3 in the later one, Tier 2 in the earlier one.
    RiskRepository repo(*m_db);
    DatasetInfo d23 = info(QStringLiteral("tip_2023"), QStringLiteral("2023"), m_now.addDays(-30));
    d23.name = QStringLiteral("US State Department TIP Report");
    DatasetInfo d24 = info(QStringLiteral("tip_2024"), QStringLiteral("2024"), m_now.addDays(-60));
    d24.name = d23.name;
    auto signal = [](const QString& tier, const QString& dataset) {
        return CountrySignal{QStringLiteral("TH"), QStringLiteral("tip_tier"), tier, std::nullopt, dataset};
    };
    QVERIFY(repo.saveDataset(d23, {signal(QStringLiteral("2"), d23.id)}).ok());
    QVERIFY(repo.saveDataset(d24, {signal(QStringLiteral("3"), d24.id)}).ok());
}

void TestDatasetCatalog::cleanup()
{
    m_db.reset();
}

SupplierRiskInput TestDatasetCatalog::thaiInput()
{
    auto in = RiskRepository(*m_db).input(m_thai);
    return in ? *in : SupplierRiskInput();
}

RiskResult TestDatasetCatalog::evaluate(const EditionChoices& overrides)
{
    auto ctx = loadScoringContext(*m_db, m_now, overrides);
    if (!ctx) {
        qWarning() << ctx.error().toString();
        return {};
    }
    return RiskEngine::evaluate(thaiInput(), ctx->methodology, ctx->reference, m_now);
}

void TestDatasetCatalog::familiesListEditionsNewestFirst()
{
    auto families = DatasetCatalog(*m_db).families();
    QVERIFY2(families.ok(), qPrintable(families.error().toString()));
    QStringList ids;
    for (const DatasetFamily& f : *families)
        ids << f.id;
    QCOMPARE(ids, (QStringList{"ilab_findings", "ilab_goods", "tip"})); // bundled first
    const DatasetFamily& tip = families->at(2);
    QCOMPARE(tip.editions.size(), 2);
    QCOMPARE(tip.editions.at(0).info.id, QStringLiteral("tip_2024")); // loaded earlier, but the later edition
    QCOMPARE(tip.activeId, QStringLiteral("tip_2024"));
    QVERIFY(!tip.chosen);
    QVERIFY(families->at(0).bundled());
}

void TestDatasetCatalog::resolve_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("edition");
    QTest::addColumn<QString>("expected"); // empty: an error
    QTest::addRow("family + year") << "tip"
                                   << "2023"
                                   << "tip_2023";
    QTest::addRow("family + id") << "tip"
                                 << "tip_2024"
                                 << "tip_2024";
    QTest::addRow("dataset id alone") << "tip_2023"
                                      << ""
                                      << "tip_2023";
    QTest::addRow("dataset id + other edition") << "tip_2023"
                                                << "2024"
                                                << "tip_2024";
    QTest::addRow("bundled family") << "ilab_goods"
                                    << "2022"
                                    << "ilab_goods_2022";
    QTest::addRow("family without edition") << "tip"
                                            << ""
                                            << "";
    QTest::addRow("unknown edition") << "tip"
                                     << "1999"
                                     << "";
    QTest::addRow("unknown family") << "gsi"
                                    << "2023"
                                    << "";
}

void TestDatasetCatalog::resolve()
{
    QFETCH(QString, dataset);
    QFETCH(QString, edition);
    QFETCH(QString, expected);
    auto found = DatasetCatalog(*m_db).resolve(dataset, edition);
    if (expected.isEmpty()) {
        QVERIFY(!found.ok());
        QVERIFY(!found.error().message.isEmpty());
        return;
    }
    QVERIFY2(found.ok(), qPrintable(found.error().toString()));
    QCOMPARE(found->id, expected);
}

void TestDatasetCatalog::olderTipEditionChangesThaiScore()
{
    const RiskResult latest = evaluate();
    QCOMPARE(latest.countryAnchor, 6.0); // Tier 3 (2024) beats ILAB's 5
    auto hasSource = [](const RiskResult& r, const QString& text) {
        for (const RiskContribution& c : r.contributions)
            if (c.factor.startsWith(QLatin1String("country")) && c.points > 0 && c.source.contains(text))
                return true;
        return false;
    };
    QVERIFY(hasSource(latest, QStringLiteral("TIP Report, 2024")));

    DatasetCatalog catalog(*m_db);
    QVERIFY(catalog.choose({{QStringLiteral("tip"), QStringLiteral("tip_2023")}}).ok());
    auto ctx = loadScoringContext(*m_db, m_now);
    QVERIFY(ctx.ok());
    // Only the chosen edition is loaded: the reference data lists exactly the editions used.
    QCOMPARE(ids(ctx->reference.datasets()), (QStringList{"ilab_findings_2022", "ilab_goods_2022", "tip_2023"}));
    const RiskResult older = RiskEngine::evaluate(thaiInput(), ctx->methodology, ctx->reference, m_now);
    QCOMPARE(older.countryAnchor, 5.0); // Tier 2 (2023) gives 3: ILAB's 5 decides
    QVERIFY(!hasSource(older, QStringLiteral("TIP Report, 2024")));
    QVERIFY(!hasSource(older, QStringLiteral("TIP Report, 2023"))); // listed, but not decisive
    QVERIFY(older.score < latest.score);
    QCOMPARE(latest.score - older.score, 4.0); // one anchor point x 4 points
    for (const RiskContribution& c : older.contributions)
        QVERIFY2(!c.source.contains(QLatin1String("2024")), qPrintable(c.source));

    // Back to the latest: the 2024 edition decides again.
    QVERIFY(catalog.choose({{QStringLiteral("tip"), QString()}}).ok());
    QCOMPARE(evaluate().score, latest.score);
}

void TestDatasetCatalog::historyNamesTheEditionChange()
{
    auto first = loadScoringContext(*m_db, m_now);
    QVERIFY(first.ok());
    QVERIFY(scoreWorkspace(*m_db, *first, m_now).ok());
    DatasetCatalog catalog(*m_db);
    Status st = catalog.chooseAndRescore({{QStringLiteral("tip"), QStringLiteral("tip_2023")}}, [&]() -> Status {
        auto ctx = loadScoringContext(*m_db, m_now);
        if (!ctx)
            return ctx.error();
        auto scored = scoreWorkspace(*m_db, *ctx, m_now);
        return scored ? Status() : Status(scored.error());
    });
    QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    auto history = RiskRepository(*m_db).history(m_thai);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 2);
    const ScoreHistoryEntry& last = history->constLast();
    QCOMPARE(history->at(0).score - last.score, 4.0);
    const QString reasons = last.reasons.join(QLatin1Char('\n'));
    QVERIFY2(reasons.contains(QLatin1String("Dataset edition changed")), qPrintable(reasons));
    QVERIFY2(reasons.contains(QLatin1String("2024")) && reasons.contains(QLatin1String("2023")), qPrintable(reasons));
    QStringList used;
    for (const ScoreDataset& d : last.datasets)
        used << d.id;
    QVERIFY2(used.contains(QStringLiteral("tip_2023")) && !used.contains(QStringLiteral("tip_2024")),
             qPrintable(used.join(QLatin1Char(','))));
}

void TestDatasetCatalog::chooseRefusesWhatIsNotAnEdition_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("dataset");
    QTest::addRow("edition of another family") << "tip"
                                               << "ilab_goods_2022";
    QTest::addRow("unknown family") << "gsi"
                                    << "tip_2023";
    QTest::addRow("unknown dataset") << "tip"
                                     << "tip_1999";
}

void TestDatasetCatalog::chooseRefusesWhatIsNotAnEdition()
{
    QFETCH(QString, family);
    QFETCH(QString, dataset);
    DatasetCatalog catalog(*m_db);
    // Valid and invalid together: nothing is stored (validated before the transaction).
    const Status st
        = catalog.choose({{QStringLiteral("ilab_goods"), QStringLiteral("ilab_goods_2022")}, {family, dataset}});
    QVERIFY(!st.ok());
    auto stored = catalog.choices();
    QVERIFY(stored.ok());
    QVERIFY(stored->isEmpty());
}

void TestDatasetCatalog::failedRescoreRestoresTheChoice()
{
    DatasetCatalog catalog(*m_db);
    QVERIFY(catalog.choose({{QStringLiteral("tip"), QStringLiteral("tip_2023")}}).ok());
    bool ran = false;
    const Status st = catalog.chooseAndRescore({{QStringLiteral("tip"), QStringLiteral("tip_2024")}}, [&]() -> Status {
        ran = true;
        // While the rescoring runs, the new choice is what loadScoringContext sees.
        auto active = DatasetCatalog(*m_db).activeDatasetIds();
        if (!active || !active->contains(QStringLiteral("tip_2024")))
            return makeError(QStringLiteral("the new choice is not visible"));
        return makeError(QStringLiteral("Cancelled."));
    });
    QVERIFY(ran);
    QVERIFY(!st.ok());
    QCOMPARE(st.error().message, QStringLiteral("Cancelled."));
    auto stored = catalog.choices();
    QVERIFY(stored.ok());
    QCOMPARE(stored->value(QStringLiteral("tip")), QStringLiteral("tip_2023"));

    // From "latest" (no choice), a failed switch leaves no choice behind.
    QVERIFY(catalog.choose({{QStringLiteral("tip"), QString()}}).ok());
    QVERIFY(!catalog
                 .chooseAndRescore({{QStringLiteral("tip"), QStringLiteral("tip_2023")}},
                                   [] { return Status(makeError(QStringLiteral("boom"))); })
                 .ok());
    stored = catalog.choices();
    QVERIFY(stored.ok());
    QVERIFY(!stored->contains(QStringLiteral("tip")));
}

void TestDatasetCatalog::removedEditionFallsBackToLatest()
{
    DatasetCatalog catalog(*m_db);
    QVERIFY(catalog.choose({{QStringLiteral("tip"), QStringLiteral("tip_2023")}}).ok());
    QCOMPARE(evaluate().countryAnchor, 5.0);
    QVERIFY(RiskRepository(*m_db).removeDataset(QStringLiteral("tip_2023")).ok());
    auto active = catalog.activeDatasetIds();
    QVERIFY(active.ok());
    QVERIFY(active->contains(QStringLiteral("tip_2024")));
    QCOMPARE(evaluate().countryAnchor, 6.0);
    auto families = catalog.families();
    QVERIFY(families.ok());
    QVERIFY(!families->constLast().chosen);
}

void TestDatasetCatalog::overridesDoNotStore()
{
    // Evaluating a proposed choice (the GUI before it asks) reads only.
    QCOMPARE(evaluate({{QStringLiteral("tip"), QStringLiteral("tip_2023")}}).countryAnchor, 5.0);
    auto stored = DatasetCatalog(*m_db).choices();
    QVERIFY(stored.ok());
    QVERIFY(stored->isEmpty());
    QCOMPARE(evaluate().countryAnchor, 6.0);
}

QTEST_GUILESS_MAIN(TestDatasetCatalog)
#include "tst_datasetcatalog.moc"
