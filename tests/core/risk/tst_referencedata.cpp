#include "reference/countries.h"
#include "risk/ilabdata.h"
#include "risk/referencedata.h"

#include <QFile>
#include <QtTest>

using namespace vigil;

class TestReferenceData : public QObject
{
    Q_OBJECT

private slots:
    void everyIlabCountryResolves_data();
    void everyIlabCountryResolves();
    void loadReportsUnresolved();
    void bundledLoads();
    void bundledListings_data();
    void bundledListings();
    void replacingDatasetDropsItsSignals();
    void signalsNeedADataset();
    void goodKey_data();
    void goodKey();
    void tipTier_data();
    void tipTier();
    void itucRating_data();
    void itucRating();
    void damagedFileFails();
};

// Every country name in both bundled ILAB files resolves through the one alias table (one row per name).
void TestReferenceData::everyIlabCountryResolves_data()
{
    QTest::addColumn<QString>("name");
    QSet<QString> names;
    for (const QString& path : {ilab::goodsResourcePath(), ilab::countriesResourcePath()}) {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const QString text = QString::fromUtf8(f.readAll());
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const bool goods = path == ilab::goodsResourcePath();
        for (int i = 1; i < lines.size(); ++i) {
            QString line = lines.at(i);
            if (goods) {
                // good,sector,country,... ; the good may be quoted and contain commas.
                if (line.startsWith(QLatin1Char('"')))
                    line = line.mid(line.indexOf(QLatin1String("\","), 1) + 2);
                else
                    line = line.section(QLatin1Char(','), 1);
                line = line.section(QLatin1Char(','), 1);
            }
            QString name;
            if (line.startsWith(QLatin1Char('"')))
                name = line.mid(1, line.indexOf(QLatin1Char('"'), 1) - 1);
            else
                name = line.section(QLatin1Char(','), 0, 0);
            names.insert(name.trimmed());
        }
    }
    QVERIFY(names.size() > 140);
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    for (const QString& n : sorted)
        QTest::addRow("%s", qPrintable(n)) << n;
}

void TestReferenceData::everyIlabCountryResolves()
{
    QFETCH(QString, name);
    QVERIFY2(Countries::instance().resolve(name).has_value(), qPrintable(name));
}

// Loading reports the names it could not resolve: none (Kosovo resolves to the user-assigned XK).
void TestReferenceData::loadReportsUnresolved()
{
    QStringList unresolved;
    auto ref = loadBundledReferenceData(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC), &unresolved);
    QVERIFY(ref.ok());
    QCOMPARE(unresolved, QStringList{});
}

void TestReferenceData::bundledLoads()
{
    QStringList unresolved;
    const QDateTime at(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    auto ref = loadBundledReferenceData(at, &unresolved);
    QVERIFY2(ref.ok(), qPrintable(ref.error().toString()));
    QCOMPARE(ref->datasets().size(), 2);
    const DatasetInfo* goods = ref->dataset(QStringLiteral("ilab_goods_2022"));
    QVERIFY(goods);
    QVERIFY(goods->bundled);
    QCOMPARE(goods->loadedAt, at);
    QVERIFY(goods->licence.contains(QLatin1String("Public domain")));
    QVERIFY(goods->citation().contains(QLatin1String("2022")));
    // 467 listings over 78 countries in the goods list (SOURCE.md).
    int listings = 0;
    QSet<QString> goodsCountries;
    for (const QString& c : ref->coveredCountries()) {
        listings += int(ref->goodsFor(c).size());
        if (!ref->goodsFor(c).isEmpty())
            goodsCountries.insert(c);
    }
    QCOMPARE(listings, 467);
    QCOMPARE(goodsCountries.size(), 78);
    QVERIFY(ref->isKnownCountry(QStringLiteral("GB")));
    QVERIFY(!ref->isKnownCountry(QStringLiteral("XX")));
}

void TestReferenceData::bundledListings_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("good");
    QTest::addColumn<bool>("forced");
    QTest::addColumn<bool>("child");
    QTest::addRow("fish from Thailand: forced labour") << "TH"
                                                       << "Fish" << true << false;
    QTest::addRow("electronics from Malaysia: forced labour") << "MY"
                                                              << "Electronics" << true << false;
    QTest::addRow("garments from Turkey (Türkiye): child labour") << "TR"
                                                                  << "Garments" << false << true;
    QTest::addRow("cobalt from DR Congo: child labour") << "CD"
                                                        << "Cobalt ore (heterogenite)" << false << true;
    QTest::addRow("cocoa from Côte d'Ivoire: child and forced") << "CI"
                                                                << "Cocoa" << true << true;
    QTest::addRow("beans from Burma") << "MM"
                                      << "Beans (green, soy, yellow)" << true << true;
}

void TestReferenceData::bundledListings()
{
    QFETCH(QString, country);
    QFETCH(QString, good);
    QFETCH(bool, forced);
    QFETCH(bool, child);
    auto ref = loadBundledReferenceData(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(ref.ok());
    const GoodListing* found = nullptr;
    for (const GoodListing& l : ref->goodsFor(country)) {
        if (l.good == good)
            found = &l;
    }
    QVERIFY2(found, qPrintable(good));
    QCOMPARE(found->forcedLabour || found->forcedChildLabour, forced);
    QCOMPARE(found->childLabour, child);
}

void TestReferenceData::replacingDatasetDropsItsSignals()
{
    ReferenceData ref;
    ref.addDataset(DatasetInfo{
        QStringLiteral("tip"), QStringLiteral("TIP Report"), QStringLiteral("2024"), {}, {}, {}, {}, false});
    QVERIFY(ref.addSignal(CountrySignal{QStringLiteral("TH"), QStringLiteral("tip_tier"), QStringLiteral("2"),
                                        std::nullopt, QStringLiteral("tip")}));
    QCOMPARE(ref.signalsFor(QStringLiteral("TH")).size(), 1);
    QVERIFY(ref.covers(QStringLiteral("TH")));
    ref.addDataset(DatasetInfo{
        QStringLiteral("tip"), QStringLiteral("TIP Report"), QStringLiteral("2025"), {}, {}, {}, {}, false});
    QCOMPARE(ref.signalsFor(QStringLiteral("TH")).size(), 0);
    QCOMPARE(ref.dataset(QStringLiteral("tip"))->edition, QStringLiteral("2025"));
    QCOMPARE(ref.datasets().size(), 1);
    ref.removeDataset(QStringLiteral("tip"));
    QVERIFY(ref.datasets().isEmpty());
    QVERIFY(!ref.covers(QStringLiteral("TH")));
}

void TestReferenceData::signalsNeedADataset()
{
    ReferenceData ref;
    QVERIFY(!ref.addSignal(CountrySignal{QStringLiteral("TH"), QStringLiteral("tip_tier"), QStringLiteral("2"),
                                         std::nullopt, QStringLiteral("nope")}));
    QVERIFY(!ref.addGoodListing(GoodListing{
        QStringLiteral("Fish"), {}, QStringLiteral("TH"), false, true, false, false, {}, QStringLiteral("nope"), {}}));
    QVERIFY(ref.coveredCountries().isEmpty());
}

void TestReferenceData::goodKey_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");
    QTest::addRow("plural") << "Garments"
                            << "garment";
    QTest::addRow("qualifier") << "Bricks (clay)"
                               << "brick";
    QTest::addRow("case and spaces") << "  FISH "
                                     << "fish";
    QTest::addRow("double s kept") << "Glass"
                                   << "glass";
    QTest::addRow("slash") << "Brazil Nuts/Chestnuts"
                           << "brazil nuts chestnut";
    QTest::addRow("empty") << ""
                           << "";
}

void TestReferenceData::goodKey()
{
    QFETCH(QString, text);
    QFETCH(QString, key);
    QCOMPARE(ReferenceData::goodKey(text), key);
}

void TestReferenceData::tipTier_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tier");
    QTest::addRow("Tier 1") << "Tier 1"
                            << "1";
    QTest::addRow("2") << "2"
                       << "2";
    QTest::addRow("watch list long") << "Tier 2 Watch List"
                                     << "2WL";
    QTest::addRow("watch list short") << "2WL"
                                      << "2WL";
    QTest::addRow("tier 3") << "TIER 3"
                            << "3";
    QTest::addRow("special case") << "Special Case"
                                  << "special";
    QTest::addRow("not a tier") << "Tier 4"
                                << "";
    QTest::addRow("empty") << ""
                           << "";
}

void TestReferenceData::tipTier()
{
    QFETCH(QString, text);
    QFETCH(QString, tier);
    QCOMPARE(normalizeTipTier(text).value_or(QString()), tier);
}

void TestReferenceData::itucRating_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("rating");
    QTest::addRow("1") << "1"
                       << "1";
    QTest::addRow("5+") << "5+"
                        << "5+";
    QTest::addRow("spaced") << "Rating 5 +"
                            << "5+";
    QTest::addRow("4+ is not a rating") << "4+"
                                        << "";
    QTest::addRow("6") << "6"
                       << "";
}

void TestReferenceData::itucRating()
{
    QFETCH(QString, text);
    QFETCH(QString, rating);
    QCOMPARE(normalizeItucRating(text).value_or(QString()), rating);
}

void TestReferenceData::damagedFileFails()
{
    ReferenceData ref;
    const QDateTime at(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    Status st = ilab::loadGoods(ref, "good,sector,country\n\"Fish,Agriculture,Thailand\n", ilab::goodsDataset(at));
    QVERIFY(!st.ok());
    st = ilab::loadGoods(ref, "name,country\nFish,Thailand\n", ilab::goodsDataset(at));
    QVERIFY(!st.ok());
    QCOMPARE(st.error().field, QStringLiteral("good"));
    QVERIFY(ref.coveredCountries().isEmpty());
}

QTEST_GUILESS_MAIN(TestReferenceData)
#include "tst_referencedata.moc"
