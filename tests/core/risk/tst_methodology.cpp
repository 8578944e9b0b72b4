#include "risk/methodology.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace vigil;

class TestMethodology : public QObject
{
    Q_OBJECT

private slots:
    void defaultLoads();
    void iloIndicatorsInIloOrder();
    void roles_data();
    void roles();
    void zeroTolerance();
    void signalAnchors_data();
    void signalAnchors();
    void sectorAliases();
    void invalidDocuments_data();
    void invalidDocuments();
    void damagedDocumentsNeverCrash();

private:
    static QJsonObject defaultJson();
};

QJsonObject TestMethodology::defaultJson()
{
    QFile f(Methodology::defaultResourcePath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void TestMethodology::defaultLoads()
{
    auto m = Methodology::loadDefault();
    QVERIFY2(m.ok(), qPrintable(m.error().toString()));
    QCOMPARE(m->id, QStringLiteral("vigil-default"));
    QVERIFY(!m->version.isEmpty());
    QCOMPARE(m->sourceTypes.size(), 5);
    QVERIFY(m->sourceType(QStringLiteral("worker_interview")));
    QVERIFY(m->mitigation(QStringLiteral("fees_reimbursed")));
    QVERIFY(m->mediumThreshold < m->highThreshold && m->highThreshold < m->criticalThreshold);
    QCOMPARE(m->inherentCap, 10.0);
}

void TestMethodology::iloIndicatorsInIloOrder()
{
    auto m = Methodology::loadDefault();
    QVERIFY(m.ok());
    QList<int> numbers;
    for (const IndicatorDef& d : m->indicators) {
        if (d.family == QLatin1String("ilo_forced_labour"))
            numbers << d.iloNumber;
    }
    QCOMPARE(numbers, (QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
    QCOMPARE(m->indicators.first().id, QStringLiteral("ilo_01_abuse_of_vulnerability"));
    int recruitment = 0, child = 0;
    for (const IndicatorDef& d : m->indicators) {
        recruitment += d.family == QLatin1String("recruitment");
        child += d.family == QLatin1String("child_labour");
    }
    QVERIFY(recruitment >= 8);
    QVERIFY(child >= 3);
}

void TestMethodology::roles_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("involuntariness");
    QTest::addColumn<bool>("coercion");
    QTest::addRow("deception: involuntariness") << "ilo_02_deception" << true << false;
    QTest::addRow("excessive overtime: involuntariness") << "ilo_11_excessive_overtime" << true << false;
    QTest::addRow("intimidation: coercion") << "ilo_06_intimidation_threats" << false << true;
    QTest::addRow("retained documents: coercion") << "ilo_07_retention_of_identity_documents" << false << true;
    QTest::addRow("debt bondage: both") << "ilo_09_debt_bondage" << true << true;
    QTest::addRow("fees paid: involuntariness") << "rec_fees_paid_by_worker" << true << false;
    QTest::addRow("unlicensed recruiter: neither") << "rec_unlicensed_recruiter" << false << false;
}

void TestMethodology::roles()
{
    QFETCH(QString, id);
    QFETCH(bool, involuntariness);
    QFETCH(bool, coercion);
    auto m = Methodology::loadDefault();
    QVERIFY(m.ok());
    const int i = m->indicatorIndex(id);
    QVERIFY(i >= 0);
    QCOMPARE(m->indicators.at(i).involuntariness, involuntariness);
    QCOMPARE(m->indicators.at(i).coercion, coercion);
}

void TestMethodology::zeroTolerance()
{
    auto m = Methodology::loadDefault();
    QVERIFY(m.ok());
    QStringList zt;
    for (const IndicatorDef& d : m->indicators) {
        if (d.zeroTolerance)
            zt << d.id;
    }
    QCOMPARE(
        zt,
        (QStringList{QStringLiteral("ilo_07_retention_of_identity_documents"), QStringLiteral("ilo_09_debt_bondage"),
                     QStringLiteral("rec_documents_retained"), QStringLiteral("cl_under_minimum_age")}));
}

void TestMethodology::signalAnchors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("label");
    QTest::addColumn<double>("numeric"); // < 0: none
    QTest::addColumn<double>("anchor"); // < 0: not covered
    QTest::addRow("ILAB moderate") << "ilab_advancement"
                                   << "Moderate Advancement" << -1.0 << 3.0;
    QTest::addRow("ILAB minimal with qualifier")
        << "ilab_advancement"
        << "Minimal Advancement – Efforts Made but Continued Law that Delayed Advancement" << -1.0 << 4.0;
    QTest::addRow("ILAB no advancement with qualifier")
        << "ilab_advancement"
        << "No Advancement – Efforts Made but Complicit in Forced Child Labor" << -1.0 << 5.0;
    QTest::addRow("ILAB no assessment is not covered") << "ilab_advancement"
                                                       << "No Assessment" << -1.0 << -1.0;
    QTest::addRow("TIP 1") << "tip_tier"
                           << "1" << -1.0 << 1.0;
    QTest::addRow("TIP 2WL") << "tip_tier"
                             << "2WL" << -1.0 << 4.0;
    QTest::addRow("TIP 3") << "tip_tier"
                           << "3" << -1.0 << 6.0;
    QTest::addRow("GSI 1.8 per 1000") << "gsi_prevalence"
                                      << "" << 1.8 << 1.0;
    QTest::addRow("GSI 5.7 per 1000") << "gsi_prevalence"
                                      << "" << 5.7 << 3.0;
    QTest::addRow("GSI 104.6 per 1000") << "gsi_prevalence"
                                        << "" << 104.6 << 6.0;
    QTest::addRow("GSI band edge 2 goes up") << "gsi_prevalence"
                                             << "" << 2.0 << 2.0;
    QTest::addRow("ITUC 5+") << "ituc_rating"
                             << "5+" << -1.0 << 6.0;
    QTest::addRow("ILAB 0 forced goods") << "ilab_goods_forced_labour"
                                         << "" << 0.0 << 1.0;
    QTest::addRow("ILAB 2 forced goods") << "ilab_goods_forced_labour"
                                         << "" << 2.0 << 4.0;
    QTest::addRow("ILAB 3 forced goods") << "ilab_goods_forced_labour"
                                         << "" << 3.0 << 5.0;
    QTest::addRow("company High") << "company_country_risk"
                                  << "High" << -1.0 << 5.0;
}

void TestMethodology::signalAnchors()
{
    QFETCH(QString, kind);
    QFETCH(QString, label);
    QFETCH(double, numeric);
    QFETCH(double, anchor);
    auto m = Methodology::loadDefault();
    QVERIFY(m.ok());
    const SignalRule* rule = m->signalRule(kind);
    QVERIFY(rule);
    const auto a = rule->anchorFor(label, numeric < 0 ? std::nullopt : std::optional<double>(numeric));
    if (anchor < 0) {
        QVERIFY(!a.has_value());
    } else {
        QVERIFY(a.has_value());
        QCOMPARE(*a, anchor);
    }
}

void TestMethodology::sectorAliases()
{
    auto m = Methodology::loadDefault();
    QVERIFY(m.ok());
    QVERIFY(m->sector(QStringLiteral("Seafood")));
    QCOMPARE(m->sector(QStringLiteral("Seafood"))->id, QStringLiteral("fishing"));
    QCOMPARE(m->sector(QStringLiteral("GARMENTS"))->id, QStringLiteral("apparel"));
    QVERIFY(!m->sector(QStringLiteral("underwater basket weaving")));
}

void TestMethodology::invalidDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    const QJsonObject base = defaultJson();
    QVERIFY(!base.isEmpty());
    const auto with = [&](const std::function<void(QJsonObject&)>& change) {
        QJsonObject o = base;
        change(o);
        return QJsonDocument(o).toJson();
    };
    QTest::addRow("not JSON") << QByteArray("{ nope") << QString();
    QTest::addRow("wrong format") << with([](QJsonObject& o) { o[QStringLiteral("format")] = QStringLiteral("x"); })
                                  << "format";
    QTest::addRow("newer format version")
        << with([](QJsonObject& o) { o[QStringLiteral("formatVersion")] = 2; }) << "formatVersion";
    QTest::addRow("unknown severity") << with([](QJsonObject& o) {
        QJsonArray a = o[QStringLiteral("indicators")].toArray();
        QJsonObject first = a[0].toObject();
        first[QStringLiteral("severity")] = QStringLiteral("apocalyptic");
        a[0] = first;
        o[QStringLiteral("indicators")] = a;
    }) << "indicators[0].severity";
    QTest::addRow("negative half-life") << with([](QJsonObject& o) {
        QJsonObject e = o[QStringLiteral("evidence")].toObject();
        e[QStringLiteral("halfLifeDays")] = -3;
        o[QStringLiteral("evidence")] = e;
    }) << "evidence.halfLifeDays";
    QTest::addRow("thresholds out of order") << with([](QJsonObject& o) {
        QJsonObject t = o[QStringLiteral("tiers")].toObject();
        QJsonObject th = t[QStringLiteral("thresholds")].toObject();
        th[QStringLiteral("critical")] = 10;
        t[QStringLiteral("thresholds")] = th;
        o[QStringLiteral("tiers")] = t;
    }) << "tiers.thresholds.critical";
    QTest::addRow("unknown floor tier") << with([](QJsonObject& o) {
        QJsonObject t = o[QStringLiteral("tiers")].toObject();
        QJsonObject f = t[QStringLiteral("floors")].toObject();
        f[QStringLiteral("review")] = QStringLiteral("purple");
        t[QStringLiteral("floors")] = f;
        o[QStringLiteral("tiers")] = t;
    }) << "tiers.floors.review";
    QTest::addRow("duplicate indicator") << with([](QJsonObject& o) {
        QJsonArray a = o[QStringLiteral("indicators")].toArray();
        a.append(a[0]);
        o[QStringLiteral("indicators")] = a;
    }) << QString();
}

void TestMethodology::invalidDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    auto m = Methodology::fromJson(json, QStringLiteral("test.json"));
    QVERIFY(!m.ok());
    QVERIFY(!m.error().message.isEmpty());
    QCOMPARE(m.error().field, field);
}

// Truncated and byte-flipped copies of the default document: each loads or fails with a message, never crashes.
void TestMethodology::damagedDocumentsNeverCrash()
{
    QFile f(Methodology::defaultResourcePath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray doc = f.readAll();
    int failures = 0;
    for (int cut = 0; cut < doc.size(); cut += 53) {
        auto m = Methodology::fromJson(doc.left(cut));
        QVERIFY(!m.ok());
        QVERIFY(!m.error().message.isEmpty());
        ++failures;
    }
    QRandomGenerator rng(2026);
    const char replacements[] = {'"', '0', '-', '9', '{', ']', ' ', 'x', ',', '\0'};
    for (int i = 0; i < 600; ++i) {
        QByteArray copy = doc;
        for (int k = 0; k < 3; ++k)
            copy[rng.bounded(int(copy.size()))] = replacements[rng.bounded(int(sizeof replacements))];
        auto m = Methodology::fromJson(copy);
        if (m.ok())
            QVERIFY(!m->indicators.isEmpty());
        else
            QVERIFY(!m.error().message.isEmpty());
    }
    QVERIFY(failures > 50);
}

QTEST_GUILESS_MAIN(TestMethodology)
#include "tst_methodology.moc"
