#include "risk/datasetimport.h"
#include "risk/methodology.h"
#include "risk/riskengine.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

class TestDatasetImport : public QObject
{
    Q_OBJECT

private slots:
    void formats();
    void tipLatestYearWins();
    void gsiNumbers();
    void ituc();
    void companyLists();
    void problemsNameTheCell();
    void missingColumn_data();
    void missingColumn();
    void fileWithTitleRowAndWindows1252();
    void importedSignalsScore();

private:
    static QList<QStringList> table(const QString& text);
};

QList<QStringList> TestDatasetImport::table(const QString& text)
{
    QList<QStringList> rows;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows << line.split(QLatin1Char('|'));
    return rows;
}

void TestDatasetImport::formats()
{
    for (const QString& id : datasetFormatIds())
        QCOMPARE(datasetFormatId(*datasetFormatFromId(id)), id);
    QVERIFY(!datasetFormatFromId(QStringLiteral("xyz")));
    QCOMPARE(datasetFormatIds().size(), 5);
}

void TestDatasetImport::tipLatestYearWins()
{
    const auto rows = table(QStringLiteral("Thailand|2023|Tier 2 Watch List\nThailand|2024|Tier 2\nBurma|2024|Tier 3\n"
                                           "United Kingdom|2024|Tier 1\nThailand|2022|Tier 3\n"));
    auto r = parseDatasetTable(DatasetFormat::TipTiers,
                               {QStringLiteral("Country"), QStringLiteral("Year"), QStringLiteral("Tier placement")},
                               rows, QStringLiteral("tip.csv"));
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->rowsRead, 5);
    QVERIFY(r->problems.isEmpty());
    QHash<QString, QString> tiers;
    for (const CountrySignal& s : r->countrySignals) {
        QCOMPARE(s.kind, QStringLiteral("tip_tier"));
        tiers.insert(s.country, s.label);
    }
    QCOMPARE(tiers.size(), 3);
    QCOMPARE(tiers.value(QStringLiteral("TH")), QStringLiteral("2"));
    QCOMPARE(tiers.value(QStringLiteral("MM")), QStringLiteral("3"));
    QCOMPARE(tiers.value(QStringLiteral("GB")), QStringLiteral("1"));
}

void TestDatasetImport::gsiNumbers()
{
    const auto rows = table(QStringLiteral("Saudi Arabia|21.3|55\nSwitzerland|0.5|8\nIndia|8,0|\n"));
    auto r = parseDatasetTable(DatasetFormat::GlobalSlaveryIndex,
                               {QStringLiteral("Country/Territory"),
                                QStringLiteral("Estimated prevalence of modern slavery (per 1,000 population)"),
                                QStringLiteral("Total Vulnerability score (%)")},
                               rows);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->countrySignals.size(), 5); // two for SA and CH, one for India (no vulnerability)
    for (const CountrySignal& s : r->countrySignals) {
        if (s.country == QLatin1String("IN"))
            QCOMPARE(s.numeric.value_or(-1), 8.0);
        if (s.country == QLatin1String("SA") && s.kind == QLatin1String("gsi_prevalence"))
            QCOMPARE(s.numeric.value_or(-1), 21.3);
    }
}

void TestDatasetImport::ituc()
{
    auto r = parseDatasetTable(DatasetFormat::ItucRights, {QStringLiteral("country"), QStringLiteral("rating")},
                               table(QStringLiteral("Bangladesh|5\nDenmark|1\nEgypt|5+\nNowhere|3\nFrance|7\n")));
    QVERIFY(r.ok());
    QCOMPARE(r->countrySignals.size(), 3);
    QCOMPARE(r->problems.size(), 2);
}

void TestDatasetImport::companyLists()
{
    auto c = parseDatasetTable(DatasetFormat::CompanyCountryRisk,
                               {QStringLiteral("Country"), QStringLiteral("Risk level")},
                               table(QStringLiteral("GB|Medium\nMY|very high\nTH|5\nVN|purple\n")));
    QVERIFY(c.ok());
    QCOMPARE(c->countrySignals.size(), 3);
    QCOMPARE(c->problems.size(), 1);
    auto s = parseDatasetTable(DatasetFormat::CompanySectorRisk,
                               {QStringLiteral("Sector"), QStringLiteral("Risk"), QStringLiteral("Country")},
                               table(QStringLiteral("services|High|DE\nlogistics|4|\nfishing|9|\n")));
    QVERIFY(s.ok());
    QCOMPARE(s->sectorSignals.size(), 2);
    QCOMPARE(s->sectorSignals.first().country, QStringLiteral("DE"));
    QCOMPARE(s->sectorSignals.at(1).country, QString());
    QCOMPARE(s->problems.size(), 1);
}

void TestDatasetImport::problemsNameTheCell()
{
    auto r = parseDatasetTable(
        DatasetFormat::TipTiers, {QStringLiteral("year"), QStringLiteral("country"), QStringLiteral("tier")},
        table(QStringLiteral("2024|Atlantis|Tier 1\n2024|Chile|Tier 9\n2024|Chile|Tier 1\n2024|Chile|Tier 2\n")),
        QStringLiteral("tip.csv"), 3);
    QVERIFY(r.ok());
    QCOMPARE(r->problems.size(), 3);
    const Error& unknown = r->problems.at(0);
    QCOMPARE(unknown.file, QStringLiteral("tip.csv"));
    QCOMPARE(unknown.row, 3);
    QCOMPARE(unknown.column, 2);
    QCOMPARE(unknown.field, QStringLiteral("country"));
    QVERIFY(unknown.message.contains(QLatin1String("Atlantis")));
    QCOMPARE(r->problems.at(1).row, 4);
    QCOMPARE(r->problems.at(1).column, 3);
    QVERIFY(r->problems.at(2).message.contains(QLatin1String("twice")));
    QCOMPARE(r->countrySignals.size(), 1);
    QCOMPARE(r->countrySignals.first().label, QStringLiteral("1"));
}

void TestDatasetImport::missingColumn_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QString>("field");
    QTest::addRow("TIP without tier") << int(DatasetFormat::TipTiers) << QStringList{"country", "year"} << "tier";
    QTest::addRow("TIP without country") << int(DatasetFormat::TipTiers) << QStringList{"nation state", "tier"}
                                         << "country";
    QTest::addRow("sector list without sector")
        << int(DatasetFormat::CompanySectorRisk) << QStringList{"country", "risk"} << "sector";
}

void TestDatasetImport::missingColumn()
{
    QFETCH(int, format);
    QFETCH(QStringList, header);
    QFETCH(QString, field);
    auto r = parseDatasetTable(DatasetFormat(format), header, table(QStringLiteral("a|b\n")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().field, field);
}

void TestDatasetImport::fileWithTitleRowAndWindows1252()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tip.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    // A title row above the header, Windows-1252 "ô" in Côte d'Ivoire, semicolons as Excel writes them in Europe.
    f.write("Trafficking in Persons Report 2024;;\r\nCountry;Year;Tier\r\nC\xf4te d'Ivoire;2024;Tier 2\r\n"
            "T\xfcrkiye;2024;Tier 2 Watch List\r\n");
    f.close();
    auto r = readDatasetFile(path, DatasetFormat::TipTiers);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QVERIFY2(r->problems.isEmpty(), qPrintable(r->problems.value(0).toString()));
    QCOMPARE(r->countrySignals.size(), 2);
    QCOMPARE(r->countrySignals.at(0).country, QStringLiteral("CI"));
    QCOMPARE(r->countrySignals.at(1).country, QStringLiteral("TR"));
    QCOMPARE(r->countrySignals.at(1).label, QStringLiteral("2WL"));
}

void TestDatasetImport::importedSignalsScore()
{
    auto r = parseDatasetTable(DatasetFormat::TipTiers, {QStringLiteral("country"), QStringLiteral("tier")},
                               table(QStringLiteral("United Kingdom|Tier 1\n")));
    QVERIFY(r.ok());
    ReferenceData ref;
    ref.addDataset(DatasetInfo{
        QStringLiteral("tip"), QStringLiteral("TIP Report"), QStringLiteral("2024"), {}, {}, {}, {}, false});
    for (CountrySignal s : r->countrySignals) {
        s.datasetId = QStringLiteral("tip");
        QVERIFY(ref.addSignal(s));
    }
    auto m = Methodology::loadDefault();
    QVERIFY(m.ok());
    SupplierRiskInput in;
    in.country = QStringLiteral("GB");
    in.sector = QStringLiteral("services");
    const RiskResult res = RiskEngine::evaluate(in, *m, ref, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(res.countryAnchor, 1.0);
    QCOMPARE(res.contributions.first().source, QStringLiteral("TIP Report, 2024"));
}

QTEST_GUILESS_MAIN(TestDatasetImport)
#include "tst_datasetimport.moc"
