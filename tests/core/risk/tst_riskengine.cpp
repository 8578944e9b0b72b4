// Golden cases: tests/data/scoring/<case>/input.json + expected.json, one row per directory.
//
// input.json:    {"description", "now": ISO date-time, "bundledReference": true|false (default true),
//                 "reference": {riskjson::addReferenceFromJson}, "supplier": {riskjson::inputFromJson}}
// expected.json: every key optional; only what is listed is compared:
//   "score" (with "scoreTolerance", default 0.05), "scoreAtLeast", "scoreAtMost", "tier", "scoreTier",
//   "classification", "zeroTolerance", "zeroToleranceFindings", "countryAnchor", "sectorAnchor", "goodsAnchor",
//   "inherent", "coverage", "confidence" (±0.005),
//   "contributions": [{"factor", and any of "points", "value", "weight" (±0.01), "source" (substring)}],
//   "contributionsAbsent": [factor, ...], "gaps": ["kind:subject" or "kind"], "gapsAbsent": [...], "gapCount".
// Set VIGIL_SCORING_DUMP=1 to print each case's full result.

#include "risk/ilabdata.h"
#include "risk/methodology.h"
#include "risk/riskengine.h"
#include "risk/riskjson.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace vigil;

class TestRiskEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void golden_data();
    void golden();
    void casesCoverEveryRule();

private:
    static QJsonObject readJson(const QString& path);
    Methodology m_methodology;
    ReferenceData m_bundled;
};

QJsonObject TestRiskEngine::readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError e;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &e);
    return e.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

void TestRiskEngine::initTestCase()
{
    auto m = Methodology::loadDefault();
    QVERIFY2(m.ok(), qPrintable(m.error().toString()));
    m_methodology = *m;
    QStringList unresolved;
    auto ref = loadBundledReferenceData(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC), &unresolved);
    QVERIFY2(ref.ok(), qPrintable(ref.error().toString()));
    m_bundled = *ref;
}

void TestRiskEngine::golden_data()
{
    QTest::addColumn<QString>("dir");
    const QDir root(test::dataPath(QStringLiteral("scoring")));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 25, "at least 25 golden scoring cases are expected");
    for (const QString& c : cases)
        QTest::addRow("%s", qPrintable(c)) << root.filePath(c);
}

void TestRiskEngine::golden()
{
    QFETCH(QString, dir);
    const QJsonObject input = readJson(dir + QStringLiteral("/input.json"));
    const QJsonObject expected = readJson(dir + QStringLiteral("/expected.json"));
    QVERIFY2(!input.isEmpty(), "input.json missing or not valid JSON");

    const QDateTime now = QDateTime::fromString(input.value(QLatin1String("now")).toString(), Qt::ISODate);
    QVERIFY2(now.isValid(), "input.json needs \"now\"");
    ReferenceData ref = input.value(QLatin1String("bundledReference")).toBool(true) ? m_bundled : ReferenceData();
    const auto st = riskjson::addReferenceFromJson(ref, input.value(QLatin1String("reference")).toObject());
    QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    const auto supplier = riskjson::inputFromJson(input.value(QLatin1String("supplier")).toObject());
    QVERIFY2(supplier.ok(), qPrintable(supplier.error().toString()));

    const RiskResult r = RiskEngine::evaluate(*supplier, m_methodology, ref, now);
    const QJsonObject actual = riskjson::resultToJson(r);
    if (qEnvironmentVariableIsSet("VIGIL_SCORING_DUMP"))
        qInfo().noquote() << QJsonDocument(actual).toJson(QJsonDocument::Indented);
    QVERIFY2(!expected.isEmpty(), "expected.json missing or not valid JSON");

    // Invariant for every case: the contributions explain the score exactly (to rounding).
    double sum = 0;
    for (const auto& c : r.contributions)
        sum += c.points;
    QVERIFY2(std::abs(sum - r.score) < 0.051,
             qPrintable(QStringLiteral("contributions add to %1, score %2").arg(sum).arg(r.score)));
    QVERIFY(r.score >= 0 && r.score <= 100);

    const auto near = [](double a, double b, double tol) { return std::abs(a - b) <= tol; };
    if (expected.contains(QLatin1String("score"))) {
        const double tol = expected.value(QLatin1String("scoreTolerance")).toDouble(0.05);
        QVERIFY2(near(r.score, expected.value(QLatin1String("score")).toDouble(), tol),
                 qPrintable(QStringLiteral("score %1, expected %2")
                                .arg(r.score)
                                .arg(expected.value(QLatin1String("score")).toDouble())));
    }
    if (expected.contains(QLatin1String("scoreAtLeast")))
        QVERIFY2(r.score >= expected.value(QLatin1String("scoreAtLeast")).toDouble(),
                 qPrintable(QString::number(r.score)));
    if (expected.contains(QLatin1String("scoreAtMost")))
        QVERIFY2(r.score <= expected.value(QLatin1String("scoreAtMost")).toDouble(),
                 qPrintable(QString::number(r.score)));
    for (const char* key : {"tier", "scoreTier", "classification"}) {
        if (expected.contains(QLatin1String(key)))
            QCOMPARE(actual.value(QLatin1String(key)).toString(), expected.value(QLatin1String(key)).toString());
    }
    if (expected.contains(QLatin1String("zeroTolerance")))
        QCOMPARE(r.zeroTolerance, expected.value(QLatin1String("zeroTolerance")).toBool());
    if (expected.contains(QLatin1String("zeroToleranceFindings")))
        QCOMPARE(actual.value(QLatin1String("zeroToleranceFindings")).toArray(),
                 expected.value(QLatin1String("zeroToleranceFindings")).toArray());
    for (const char* key : {"countryAnchor", "sectorAnchor", "goodsAnchor", "inherent", "coverage", "confidence"}) {
        if (expected.contains(QLatin1String(key)))
            QVERIFY2(
                near(actual.value(QLatin1String(key)).toDouble(), expected.value(QLatin1String(key)).toDouble(), 0.005),
                qPrintable(QStringLiteral("%1 = %2, expected %3")
                               .arg(QLatin1String(key))
                               .arg(actual.value(QLatin1String(key)).toDouble())
                               .arg(expected.value(QLatin1String(key)).toDouble())));
    }

    const QJsonArray contributions = actual.value(QLatin1String("contributions")).toArray();
    const auto findContribution = [&](const QString& factor) -> QJsonObject {
        for (const auto& c : contributions) {
            if (c.toObject().value(QLatin1String("factor")).toString() == factor)
                return c.toObject();
        }
        return {};
    };
    for (const auto& e : expected.value(QLatin1String("contributions")).toArray()) {
        const QJsonObject want = e.toObject();
        const QString factor = want.value(QLatin1String("factor")).toString();
        const QJsonObject got = findContribution(factor);
        QVERIFY2(!got.isEmpty(), qPrintable(QStringLiteral("no contribution \"%1\"").arg(factor)));
        for (const char* key : {"points", "value", "weight"}) {
            if (want.contains(QLatin1String(key)))
                QVERIFY2(
                    near(got.value(QLatin1String(key)).toDouble(), want.value(QLatin1String(key)).toDouble(), 0.01),
                    qPrintable(QStringLiteral("%1.%2 = %3, expected %4")
                                   .arg(factor, QLatin1String(key))
                                   .arg(got.value(QLatin1String(key)).toDouble())
                                   .arg(want.value(QLatin1String(key)).toDouble())));
        }
        if (want.contains(QLatin1String("source")))
            QVERIFY2(
                got.value(QLatin1String("source")).toString().contains(want.value(QLatin1String("source")).toString()),
                qPrintable(
                    QStringLiteral("%1.source = %2").arg(factor, got.value(QLatin1String("source")).toString())));
    }
    for (const auto& e : expected.value(QLatin1String("contributionsAbsent")).toArray())
        QVERIFY2(findContribution(e.toString()).isEmpty(),
                 qPrintable(QStringLiteral("unexpected contribution %1").arg(e.toString())));

    QStringList gaps;
    for (const auto& g : r.gaps)
        gaps << gapKindId(g.kind) + QLatin1Char(':') + g.subject;
    const auto hasGap = [&](const QString& want) {
        return std::any_of(gaps.cbegin(), gaps.cend(), [&](const QString& g) {
            return want.contains(QLatin1Char(':')) ? g == want : g.startsWith(want + QLatin1Char(':'));
        });
    };
    for (const auto& e : expected.value(QLatin1String("gaps")).toArray())
        QVERIFY2(hasGap(e.toString()),
                 qPrintable(QStringLiteral("missing gap %1 in %2").arg(e.toString(), gaps.join(QLatin1Char(' ')))));
    for (const auto& e : expected.value(QLatin1String("gapsAbsent")).toArray())
        QVERIFY2(!hasGap(e.toString()), qPrintable(QStringLiteral("unexpected gap %1").arg(e.toString())));
    if (expected.contains(QLatin1String("gapCount")))
        QCOMPARE(int(r.gaps.size()), expected.value(QLatin1String("gapCount")).toInt());
}

// Every rule of the method is exercised by at least one golden case (names listed in docs/methodology.md).
void TestRiskEngine::casesCoverEveryRule()
{
    const QDir root(test::dataPath(QStringLiteral("scoring")));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QSet<QString> factors, gapKinds, classifications, tiers, sources;
    for (const QString& c : cases) {
        const QJsonObject e = readJson(root.filePath(c) + QStringLiteral("/expected.json"));
        classifications.insert(e.value(QLatin1String("classification")).toString());
        tiers.insert(e.value(QLatin1String("tier")).toString());
        for (const auto& x : e.value(QLatin1String("contributions")).toArray())
            factors.insert(x.toObject().value(QLatin1String("factor")).toString().section(QLatin1Char(':'), 0, 0));
        for (const auto& x : e.value(QLatin1String("gaps")).toArray())
            gapKinds.insert(x.toString().section(QLatin1Char(':'), 0, 0));
        const QJsonObject in = readJson(root.filePath(c) + QStringLiteral("/input.json"));
        for (const auto& o :
             in.value(QLatin1String("supplier")).toObject().value(QLatin1String("observations")).toArray())
            sources.insert(o.toObject().value(QLatin1String("source")).toString());
    }
    for (const char* f : {"country", "country_signal", "sector", "goods", "goods_sector", "inherent_cap",
                          "migrant_share", "indicator", "uncertainty", "mitigation", "mitigation_cap", "escalation"})
        QVERIFY2(factors.contains(QLatin1String(f)), f);
    for (const char* g : {"unknown_country", "missing_country_data", "unknown_sector", "indicator_not_assessed",
                          "stale_evidence", "migrant_share_unknown", "site_not_recorded", "expired_mitigation"})
        QVERIFY2(gapKinds.contains(QLatin1String(g)), g);
    for (const char* c : {"none", "review", "possible_forced_labour"})
        QVERIFY2(classifications.contains(QLatin1String(c)), c);
    for (const char* t : {"low", "medium", "high", "critical"})
        QVERIFY2(tiers.contains(QLatin1String(t)), t);
    for (const auto& s : m_methodology.sourceTypes)
        QVERIFY2(sources.contains(s.id), qPrintable(s.id));
}

QTEST_GUILESS_MAIN(TestRiskEngine)
#include "tst_riskengine.moc"
