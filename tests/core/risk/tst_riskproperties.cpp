// Properties the engine must hold over many generated suppliers (fixed seeds: failures are reproducible).
#include "risk/ilabdata.h"
#include "risk/methodology.h"
#include "risk/riskengine.h"

#include <QRandomGenerator>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace vigil;

class TestRiskProperties : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void thaiSeafoodAboveUkApparel();
    void addingCoercionNeverLowers_data();
    void addingCoercionNeverLowers();
    void addingMitigationNeverRaises();
    void addingAbsentEvidenceNeverRaises();
    void ageingAFindingNeverRaises();
    void contributionsExplainScore();
    void orderDoesNotMatter();
    void hostileInputStaysInRange();
    void sensitivityBandHoldsTheScore();

private:
    SupplierRiskInput generate(QRandomGenerator& rng) const;
    RiskObservation randomObservation(QRandomGenerator& rng, int n) const;
    RiskResult eval(const SupplierRiskInput& in) const { return RiskEngine::evaluate(in, m_m, m_ref, m_now); }

    Methodology m_m;
    ReferenceData m_ref;
    QDateTime m_now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    QStringList m_countries{"TH", "MY", "GB", "CN", "IN", "BD", "US", "DE", "CD", "XX", "", "MM", "VN", "TR"};
    QStringList m_sectors{"fishing", "apparel", "electronics", "agriculture", "services", "mining", "", "unknown"};
    QStringList m_goods{"Fish", "Shrimp", "Garments", "Electronics", "Cotton", "Cocoa", "Gold", "Software", ""};
};

void TestRiskProperties::initTestCase()
{
    auto m = Methodology::loadDefault();
    QVERIFY2(m.ok(), qPrintable(m.error().toString()));
    m_m = *m;
    auto ref = loadBundledReferenceData(m_now);
    QVERIFY2(ref.ok(), qPrintable(ref.error().toString()));
    m_ref = *ref;
    // A small user-imported TIP dataset, as the import machinery will provide it.
    m_ref.addDataset(DatasetInfo{QStringLiteral("tip_test"),
                                 QStringLiteral("TIP Report (test excerpt)"),
                                 QStringLiteral("2024"),
                                 QStringLiteral("US State Department"),
                                 QStringLiteral("public domain"),
                                 {},
                                 m_now,
                                 false});
    m_ref.addSignal(CountrySignal{QStringLiteral("GB"), QStringLiteral("tip_tier"), QStringLiteral("1"), std::nullopt,
                                  QStringLiteral("tip_test")});
    m_ref.addSignal(CountrySignal{QStringLiteral("MY"), QStringLiteral("tip_tier"), QStringLiteral("2WL"), std::nullopt,
                                  QStringLiteral("tip_test")});
}

RiskObservation TestRiskProperties::randomObservation(QRandomGenerator& rng, int n) const
{
    RiskObservation o;
    o.id = QStringLiteral("o%1").arg(n);
    o.indicatorId = m_m.indicators.at(rng.bounded(int(m_m.indicators.size()))).id;
    o.status = ObservationStatus(rng.bounded(3));
    o.sourceType = m_m.sourceTypes.at(rng.bounded(int(m_m.sourceTypes.size()))).id;
    o.date = rng.bounded(10) == 0 ? QDate() : m_now.date().addDays(-rng.bounded(2500));
    o.confidence = rng.generateDouble();
    o.siteId = rng.bounded(3) == 0 ? QString() : QStringLiteral("S%1").arg(rng.bounded(3));
    return o;
}

SupplierRiskInput TestRiskProperties::generate(QRandomGenerator& rng) const
{
    SupplierRiskInput in;
    in.supplierId = QStringLiteral("gen");
    in.country = m_countries.at(rng.bounded(int(m_countries.size())));
    in.sector = m_sectors.at(rng.bounded(int(m_sectors.size())));
    for (int i = rng.bounded(3); i > 0; --i)
        in.goods << m_goods.at(rng.bounded(int(m_goods.size())));
    if (rng.bounded(4) != 0)
        in.migrantShare = rng.generateDouble();
    for (int i = rng.bounded(12); i > 0; --i)
        in.observations << randomObservation(rng, i);
    const QStringList types{"fees_reimbursed", "grievance_channel", "recent_audit", "corrective_actions_closed",
                            "employer_pays_policy"};
    for (int i = rng.bounded(4); i > 0; --i)
        in.mitigations << RiskMitigation{QStringLiteral("m%1").arg(i),
                                         types.at(rng.bounded(int(types.size()))),
                                         m_now.date().addDays(-rng.bounded(1000)),
                                         {}};
    return in;
}

void TestRiskProperties::thaiSeafoodAboveUkApparel()
{
    SupplierRiskInput thai;
    thai.country = QStringLiteral("TH");
    thai.sector = QStringLiteral("fishing");
    thai.goods = QStringList{QStringLiteral("Fish")};
    thai.migrantShare = 0.7;
    thai.observations << RiskObservation{QStringLiteral("t1"),       QStringLiteral("rec_fees_paid_by_worker"),
                                         ObservationStatus::Present, QStringLiteral("worker_interview"),
                                         m_now.date().addDays(-30),  0.8,
                                         QStringLiteral("port"),     {}};
    SupplierRiskInput uk;
    uk.country = QStringLiteral("GB");
    uk.sector = QStringLiteral("apparel");
    uk.goods = QStringList{QStringLiteral("Garments")};
    uk.migrantShare = 0.0;
    const RiskResult t = eval(thai);
    const RiskResult u = eval(uk);
    QVERIFY2(t.score > u.score, qPrintable(QStringLiteral("%1 vs %2").arg(t.score).arg(u.score)));
    QVERIFY(t.tier > u.tier);
    QCOMPARE(t.classification, IloClassification::Review);
    QCOMPARE(u.classification, IloClassification::None);
    // The same holds with no TIP data loaded (UK then has a cautious default, not a low risk).
    const ReferenceData bundledOnly = *loadBundledReferenceData(m_now);
    QVERIFY(RiskEngine::evaluate(thai, m_m, bundledOnly, m_now).score
            > RiskEngine::evaluate(uk, m_m, bundledOnly, m_now).score);
}

void TestRiskProperties::addingCoercionNeverLowers_data()
{
    QTest::addColumn<QString>("indicator");
    const auto methodology = Methodology::loadDefault();
    QVERIFY(methodology.ok());
    for (const IndicatorDef& d : methodology->indicators) {
        if (d.coercion)
            QTest::addRow("%s", qPrintable(d.id)) << d.id;
    }
}

void TestRiskProperties::addingCoercionNeverLowers()
{
    QFETCH(QString, indicator);
    QRandomGenerator rng(0xC0E7C10u + uint(qHash(indicator)));
    for (int i = 0; i < 400; ++i) {
        SupplierRiskInput in = generate(rng);
        const RiskResult before = eval(in);
        RiskObservation o = randomObservation(rng, 99);
        o.indicatorId = indicator;
        o.status = ObservationStatus::Present;
        in.observations << o;
        const RiskResult after = eval(in);
        QVERIFY2(after.score >= before.score - 1e-9,
                 qPrintable(QStringLiteral("case %1: %2 -> %3").arg(i).arg(before.score).arg(after.score)));
        QVERIFY(after.tier >= before.tier);
        QVERIFY(after.classification >= before.classification);
        QVERIFY(after.classification != IloClassification::None);
    }
}

void TestRiskProperties::addingMitigationNeverRaises()
{
    QRandomGenerator rng(7);
    for (int i = 0; i < 2000; ++i) {
        SupplierRiskInput in = generate(rng);
        const RiskResult before = eval(in);
        const MitigationDef& def = m_m.mitigations.at(rng.bounded(int(m_m.mitigations.size())));
        in.mitigations << RiskMitigation{QStringLiteral("new"), def.id, m_now.date().addDays(-rng.bounded(900)), {}};
        const RiskResult after = eval(in);
        QVERIFY2(after.score <= before.score + 1e-9,
                 qPrintable(QStringLiteral("case %1: %2 -> %3").arg(i).arg(before.score).arg(after.score)));
        QVERIFY(after.tier <= before.tier);
    }
}

void TestRiskProperties::addingAbsentEvidenceNeverRaises()
{
    QRandomGenerator rng(11);
    for (int i = 0; i < 2000; ++i) {
        SupplierRiskInput in = generate(rng);
        const RiskResult before = eval(in);
        RiskObservation o = randomObservation(rng, 77);
        o.status = ObservationStatus::Absent;
        in.observations << o;
        const RiskResult after = eval(in);
        QVERIFY2(after.score <= before.score + 1e-9,
                 qPrintable(QStringLiteral("case %1: %2 -> %3").arg(i).arg(before.score).arg(after.score)));
    }
}

void TestRiskProperties::ageingAFindingNeverRaises()
{
    QRandomGenerator rng(13);
    for (int i = 0; i < 1000; ++i) {
        SupplierRiskInput in = generate(rng);
        RiskObservation o = randomObservation(rng, 55);
        o.status = ObservationStatus::Present;
        o.date = m_now.date().addDays(-rng.bounded(400));
        in.observations << o;
        const RiskResult fresh = eval(in);
        in.observations.last().date = o.date.addDays(-365 * 3);
        const RiskResult old = eval(in);
        QVERIFY2(old.score <= fresh.score + 1e-9,
                 qPrintable(QStringLiteral("case %1: %2 -> %3").arg(i).arg(fresh.score).arg(old.score)));
    }
}

void TestRiskProperties::contributionsExplainScore()
{
    QRandomGenerator rng(17);
    for (int i = 0; i < 3000; ++i) {
        const RiskResult r = eval(generate(rng));
        double sum = 0;
        for (const RiskContribution& c : r.contributions)
            sum += c.points;
        QVERIFY2(std::abs(sum - r.score) < 0.051,
                 qPrintable(QStringLiteral("case %1: %2 vs %3").arg(i).arg(sum).arg(r.score)));
        QVERIFY(r.score >= 0 && r.score <= 100);
        QVERIFY(r.coverage >= 0 && r.coverage <= 1);
        QVERIFY(r.confidence >= 0 && r.confidence <= 1);
        QVERIFY(r.tier >= r.scoreTier);
        QCOMPARE(RiskEngine::tierForScore(m_m, r.score) >= r.tier, true); // the score is raised into its tier
        if (r.zeroTolerance)
            QCOMPARE(r.tier, RiskTier::Critical);
    }
}

void TestRiskProperties::orderDoesNotMatter()
{
    QRandomGenerator rng(19);
    for (int i = 0; i < 500; ++i) {
        SupplierRiskInput in = generate(rng);
        const RiskResult a = eval(in);
        std::reverse(in.observations.begin(), in.observations.end());
        std::reverse(in.mitigations.begin(), in.mitigations.end());
        const RiskResult b = eval(in);
        QCOMPARE(a.score, b.score);
        QCOMPARE(a.tier, b.tier);
        QCOMPARE(a.classification, b.classification);
    }
}

void TestRiskProperties::hostileInputStaysInRange()
{
    SupplierRiskInput in;
    in.country = QStringLiteral("th\u0000");
    in.sector = QString(5000, QLatin1Char('x'));
    in.goods = QStringList{QString(), QStringLiteral("(((")};
    in.migrantShare = std::numeric_limits<double>::quiet_NaN();
    in.workers = 0;
    in.migrantWorkers = 5;
    for (int i = 0; i < 200; ++i) {
        in.observations << RiskObservation{QStringLiteral("h%1").arg(i),
                                           m_m.indicators.at(i % m_m.indicators.size()).id,
                                           ObservationStatus::Present,
                                           QStringLiteral("rumour"),
                                           QDate(9999, 1, 1),
                                           i % 2 ? std::numeric_limits<double>::infinity() : -5.0,
                                           QString(),
                                           {}};
    }
    in.observations << RiskObservation{
        QStringLiteral("bad"), QStringLiteral("no_such"), ObservationStatus::Present, {}, {}, 1, {}, {}};
    in.mitigations << RiskMitigation{QStringLiteral("m"), QStringLiteral("magic"), QDate(), {}};
    const RiskResult r = eval(in);
    QVERIFY(r.score >= 0 && r.score <= 100);
    QVERIFY(std::isfinite(r.score));
    // Every indicator "present" but with unusable confidence: each counts as much as not knowing; the findings
    // cannot support a conclusion, but they do call for review.
    QCOMPARE(r.classification, IloClassification::Review);
    QVERIFY(!r.zeroTolerance);
    QVERIFY(r.tier >= RiskTier::Medium);
    bool unknownCountry = false, unknownIndicator = false, unknownSource = false, unknownMitigation = false;
    for (const EvidenceGap& g : r.gaps) {
        unknownCountry |= g.kind == GapKind::UnknownCountry;
        unknownIndicator |= g.kind == GapKind::UnknownIndicator;
        unknownSource |= g.kind == GapKind::UnknownSourceType;
        unknownMitigation |= g.kind == GapKind::UnknownMitigation;
    }
    QVERIFY(unknownCountry && unknownIndicator && unknownSource && unknownMitigation);
}

void TestRiskProperties::sensitivityBandHoldsTheScore()
{
    QRandomGenerator rng(23);
    int widened = 0;
    for (int i = 0; i < 1000; ++i) {
        const SupplierRiskInput in = generate(rng);
        const RiskResult r = eval(in);
        const ScoreBand band = RiskEngine::sensitivity(in, m_m, m_ref, m_now);
        QVERIFY2(
            band.low <= r.score + 1e-9 && r.score <= band.high + 1e-9,
            qPrintable(QStringLiteral("case %1: %2 not in %3..%4").arg(i).arg(r.score).arg(band.low).arg(band.high)));
        QVERIFY(band.lowTier <= r.tier && r.tier <= band.highTier);
        widened += band.high - band.low > 1;
    }
    QVERIFY(widened > 100); // missing data does widen the band
    // Everything known and every indicator assessed with strong fresh evidence: a narrow band.
    SupplierRiskInput known;
    known.country = QStringLiteral("GB");
    known.sector = QStringLiteral("services");
    known.migrantShare = 0.0;
    for (const IndicatorDef& d : m_m.indicators)
        known.observations << RiskObservation{
            d.id,         d.id, ObservationStatus::Absent, QStringLiteral("worker_interview"),
            m_now.date(), 1.0,  QStringLiteral("S1"),      {}};
    const ScoreBand narrow = RiskEngine::sensitivity(known, m_m, m_ref, m_now);
    QVERIFY2(narrow.high - narrow.low < 2.5, qPrintable(QStringLiteral("%1..%2").arg(narrow.low).arg(narrow.high)));
    SupplierRiskInput unknown;
    const ScoreBand wide = RiskEngine::sensitivity(unknown, m_m, m_ref, m_now);
    QVERIFY2(wide.high - wide.low > 30, qPrintable(QStringLiteral("%1..%2").arg(wide.low).arg(wide.high)));
}

QTEST_GUILESS_MAIN(TestRiskProperties)
#include "tst_riskproperties.moc"
