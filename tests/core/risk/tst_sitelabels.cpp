// The engine names sites by id; what a person reads names them: the site's name, or "(site removed)" for a site the
// supplier no longer has. Run on the engine's own texts (contribution labels, the site-not-recorded gap, the
// possible-forced-labour escalation), so a change of the engine's wording that the naming misses fails here.
#include "risk/riskengine.h"
#include "risk/sitelabels.h"
#include "util/uuid.h"

#include <QRegularExpression>
#include <QTest>

using namespace vigil;

class TestSiteLabels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void namesEverySite();
    void leavesOtherIdsAlone();
    void namesInAnyCase();

private:
    RiskObservation present(const QString& indicator, const QString& siteId) const;
    RiskResult evaluate(const SupplierRiskInput& in) const;
    static QStringList texts(const RiskResult& r);

    Methodology m_methodology;
    const QDateTime m_now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    const QString m_plant = newUuid();
    const QString m_dorm = newUuid(); // removed from the supplier: not in the names
    QHash<QString, QString> m_names;
};

void TestSiteLabels::initTestCase()
{
    auto m = Methodology::loadDefault();
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
    m_methodology = m.value();
    m_names.insert(m_plant, QStringLiteral("Mahachai plant, ห้องเย็น 2"));
    m_names.insert(newUuid(), QStringLiteral("Another site of the supplier"));
}

RiskObservation TestSiteLabels::present(const QString& indicator, const QString& siteId) const
{
    RiskObservation o;
    o.id = newUuid();
    o.indicatorId = indicator;
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    o.date = m_now.date().addDays(-30);
    o.siteId = siteId;
    return o;
}

RiskResult TestSiteLabels::evaluate(const SupplierRiskInput& in) const
{
    return RiskEngine::evaluate(in, m_methodology, ReferenceData(), m_now);
}

QStringList TestSiteLabels::texts(const RiskResult& r)
{
    QStringList out = r.escalations;
    for (const RiskContribution& c : r.contributions)
        out << c.label;
    for (const EvidenceGap& g : r.gaps)
        out << g.message;
    return out;
}

void TestSiteLabels::namesEverySite()
{
    // Deception (involuntariness) and abuse of vulnerability (coercion) together at the plant: possible forced labour
    // there. Isolation at the removed dormitory, and deception with no site recorded.
    SupplierRiskInput in;
    in.supplierId = newUuid();
    in.country = QStringLiteral("TH");
    in.observations << present(QStringLiteral("ilo_02_deception"), m_plant)
                    << present(QStringLiteral("ilo_01_abuse_of_vulnerability"), m_plant)
                    << present(QStringLiteral("ilo_04_isolation"), m_dorm)
                    << present(QStringLiteral("ilo_02_deception"), QString());
    RiskResult r = evaluate(in);
    QCOMPARE(r.classification, IloClassification::PossibleForcedLabour);
    const QString engineText = texts(r).join(QLatin1Char('\n'));
    QVERIFY(engineText.contains(m_plant)); // what the engine says, before naming
    QVERIFY(engineText.contains(m_dorm));
    const RiskResult before = r;

    nameSites(r, m_names);
    const QString all = texts(r).join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(m_plant) && !all.contains(m_dorm), qPrintable(all));
    // Every contribution of an observation at a site names it, and nothing else of the result changed.
    QCOMPARE(r.contributions.size(), before.contributions.size());
    int atPlant = 0, atDorm = 0;
    for (int i = 0; i < r.contributions.size(); ++i) {
        const RiskContribution& c = r.contributions.at(i);
        QCOMPARE(c.points, before.contributions.at(i).points);
        QCOMPARE(c.source, before.contributions.at(i).source);
        atPlant += c.label.endsWith(QStringLiteral(" at site “Mahachai plant, ห้องเย็น 2”")) ? 1 : 0;
        atDorm += c.label.endsWith(QStringLiteral(" at (site removed)")) ? 1 : 0;
        if (c.factor == QLatin1String("escalation"))
            QVERIFY2(c.label.contains(QStringLiteral("coercion at site “Mahachai plant, ห้องเย็น 2” (at least")),
                     qPrintable(c.label));
    }
    QCOMPARE(atPlant, 2);
    QCOMPARE(atDorm, 1);
    bool escalation = false;
    for (const QString& e : std::as_const(r.escalations))
        escalation |= e.startsWith(
            QStringLiteral("Possible forced labour: involuntariness and coercion at site “Mahachai plant, ห้องเย็น 2” "));
    QVERIFY2(escalation, qPrintable(r.escalations.join(QLatin1Char('\n'))));
    // Without a site concluded: isolation at the removed dormitory and deception with no site recorded pair only as
    // a "record the site" gap.
    in.observations.removeFirst();
    in.observations.removeFirst();
    r = evaluate(in);
    QCOMPARE(r.classification, IloClassification::Review);
    nameSites(r, m_names);
    bool gap = false;
    for (const EvidenceGap& g : std::as_const(r.gaps))
        if (g.kind == GapKind::SiteNotRecorded) {
            gap = true;
            QVERIFY2(g.message.contains(QStringLiteral("one at (site removed) and one with no site recorded")),
                     qPrintable(g.message));
            QCOMPARE(g.subject, m_dorm); // the subject stays the id
            QCOMPARE(siteLabel(g.subject, m_names), QStringLiteral("(site removed)")); // what shows it says so
        }
    QVERIFY(gap);
}

void TestSiteLabels::leavesOtherIdsAlone()
{
    // A mitigation without a date is named by its id in a gap; an unknown source type by the observation's id.
    SupplierRiskInput in;
    in.supplierId = newUuid();
    in.observations << present(QStringLiteral("ilo_04_isolation"), m_plant);
    RiskMitigation mit;
    mit.id = newUuid();
    mit.type = QStringLiteral("grievance_channel");
    in.mitigations << mit;
    RiskResult r = evaluate(in);
    const QStringList engineTexts = texts(r);
    nameSites(r, m_names);
    const QStringList named = texts(r);
    QCOMPARE(named.size(), engineTexts.size());
    bool mitigationGap = false;
    for (int i = 0; i < named.size(); ++i) {
        if (engineTexts.at(i).contains(mit.id)) {
            mitigationGap = true;
            QCOMPARE(named.at(i), engineTexts.at(i));
        } else if (!engineTexts.at(i).contains(m_plant)) {
            QCOMPARE(named.at(i), engineTexts.at(i));
        }
    }
    QVERIFY(mitigationGap);
    // No names at all: every site reads as removed, never as an id.
    RiskResult none = evaluate(in);
    nameSites(none, {});
    QVERIFY(!texts(none).join(QLatin1Char('\n')).contains(m_plant));
    QVERIFY(texts(none).join(QLatin1Char('\n')).contains(QStringLiteral(" at (site removed)")));
}

void TestSiteLabels::namesInAnyCase()
{
    // Site ids from an outside file may be upper case; the names are found whatever the case.
    SupplierRiskInput in;
    in.supplierId = newUuid();
    in.observations << present(QStringLiteral("ilo_04_isolation"), m_plant.toUpper());
    RiskResult r = evaluate(in);
    nameSites(r, m_names);
    QVERIFY(texts(r).join(QLatin1Char('\n')).contains(QStringLiteral("at site “Mahachai plant, ห้องเย็น 2”")));
    // One id at a time (a gap's subject), the same.
    QCOMPARE(siteLabel(m_plant, m_names), QStringLiteral("site “Mahachai plant, ห้องเย็น 2”"));
    QCOMPARE(siteLabel(m_plant.toUpper(), m_names), QStringLiteral("site “Mahachai plant, ห้องเย็น 2”"));
    QCOMPARE(siteLabel(m_dorm, m_names), QStringLiteral("(site removed)"));
}

QTEST_GUILESS_MAIN(TestSiteLabels)
#include "tst_sitelabels.moc"
