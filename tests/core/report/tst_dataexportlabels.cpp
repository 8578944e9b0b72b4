// The indicator labels of the findings and actions data exports come from the workspace's ACTIVE methodology (the one
// their About sheet names), not from the methodology shipped with the build: a version made with the editor may
// relabel indicators and add new ones.
#include "actions/actionrepository.h"
#include "report/dataexport.h"
#include "risk/methodologystore.h"
#include "risk/riskrepository.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "util/uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {

const QString kRelabelled = QStringLiteral("ilo_02_deception");
const QString kNewLabel = QStringLiteral("Deception about pay or work (workspace label)");
const QString kExtra = QStringLiteral("test_app_recruitment_debt");
const QString kExtraLabel = QStringLiteral("Debt owed through a recruitment app");

// The bundled document as version 9.9.9-labels, with one indicator relabelled and one indicator added.
Result<Methodology> relabelled()
{
    auto bundled = Methodology::loadDefault();
    if (!bundled)
        return bundled.error();
    QJsonObject doc = QJsonDocument::fromJson(bundled->document).object();
    doc.insert(QStringLiteral("version"), QStringLiteral("9.9.9-labels"));
    QJsonArray indicators = doc.value(QStringLiteral("indicators")).toArray();
    for (int i = 0; i < indicators.size(); ++i) {
        QJsonObject o = indicators.at(i).toObject();
        if (o.value(QStringLiteral("id")).toString() == kRelabelled) {
            o.insert(QStringLiteral("label"), kNewLabel);
            indicators.replace(i, o);
        }
    }
    indicators.append(QJsonObject{{QStringLiteral("id"), kExtra},
                                  {QStringLiteral("family"), QStringLiteral("recruitment")},
                                  {QStringLiteral("label"), kExtraLabel},
                                  {QStringLiteral("roles"), QJsonArray{QStringLiteral("coercion")}},
                                  {QStringLiteral("severity"), QStringLiteral("high")}});
    doc.insert(QStringLiteral("indicators"), indicators);
    return Methodology::fromJson(QJsonDocument(doc).toJson(), QStringLiteral("test"));
}

} // namespace

class TestDataExportLabels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void labelsOfTheActiveMethodology_data();
    void labelsOfTheActiveMethodology();
    void siteLabelOfARemovedSite();

private:
    // indicator id -> indicator_label of the rows of the findings or actions table.
    QMap<QString, QString> exportedLabels(const QString& table);
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_supplier;
};

void TestDataExportLabels::init()
{
    QVERIFY(m_dir.isValid());
    auto db = workspace::create(m_dir.filePath(QStringLiteral("l%1.vigil").arg(QDateTime::currentMSecsSinceEpoch())));
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    SupplierRecord record;
    record.supplier.id = newUuid();
    record.supplier.name = QStringLiteral("Mahachai Cold Storage Co., Ltd.");
    record.supplier.country = QStringLiteral("TH");
    record.supplier.sector = QStringLiteral("seafood");
    QVERIFY(SupplierRepository(*m_db).add(record).ok());
    m_supplier = record.supplier.id;
    // A finding and an action on the relabelled indicator, and (stored before the new version is active, as data
    // imported from elsewhere would be) on the new indicator.
    RiskRepository risks(*m_db);
    ActionRepository actions(*m_db);
    for (const QString& indicator : {kRelabelled, kExtra}) {
        RiskObservation o;
        o.indicatorId = indicator;
        o.status = ObservationStatus::Present;
        o.sourceType = QStringLiteral("audit");
        o.date = QDate(2026, 5, 1);
        auto id = risks.addObservation(m_supplier, o);
        QVERIFY2(id.ok(), qPrintable(id.error().toString()));
        CorrectiveAction a;
        a.supplierId = m_supplier;
        a.indicatorId = indicator;
        a.description = QStringLiteral("Answer ") + indicator;
        a.openedOn = QDate(2026, 5, 2);
        auto action = actions.saveAction(a);
        QVERIFY2(action.ok(), qPrintable(action.error().toString()));
    }
}

void TestDataExportLabels::cleanup()
{
    m_db.reset();
}

QMap<QString, QString> TestDataExportLabels::exportedLabels(const QString& table)
{
    auto t = table == QLatin1String("findings") ? report::findingsTable(*m_db) : report::actionsTable(*m_db);
    if (!t) {
        qWarning() << t.error().toString();
        return {};
    }
    const int indicator = int(t->header.indexOf(QStringLiteral("indicator")));
    const int label = int(t->header.indexOf(QStringLiteral("indicator_label")));
    if (indicator < 0 || label < 0)
        return {};
    QMap<QString, QString> out;
    for (const QVariantList& row : t->rows)
        out.insert(row.value(indicator).toString(), row.value(label).toString());
    return out;
}

void TestDataExportLabels::labelsOfTheActiveMethodology_data()
{
    QTest::addColumn<QString>("table");
    QTest::addRow("findings") << QStringLiteral("findings");
    QTest::addRow("actions") << QStringLiteral("actions");
}

void TestDataExportLabels::labelsOfTheActiveMethodology()
{
    QFETCH(QString, table);
    const Methodology bundled = *Methodology::loadDefault();
    const QString bundledLabel = bundled.indicators.at(bundled.indicatorIndex(kRelabelled)).label;
    QVERIFY(bundledLabel != kNewLabel);

    // The bundled methodology is active: its label, and none for an indicator it does not have.
    QMap<QString, QString> labels = exportedLabels(table);
    QCOMPARE(labels.size(), 2);
    QCOMPARE(labels.value(kRelabelled), bundledLabel);
    QCOMPARE(labels.value(kExtra), QString());

    auto next = relabelled();
    QVERIFY2(next.ok(), qPrintable(next.error().toString()));
    QVERIFY(MethodologyStore(*m_db).saveVersion(*next, true).ok());
    labels = exportedLabels(table);
    QCOMPARE(labels.value(kRelabelled), kNewLabel);
    QCOMPARE(labels.value(kExtra), kExtraLabel);
    auto t = table == QLatin1String("findings") ? report::findingsTable(*m_db) : report::actionsTable(*m_db);
    QVERIFY(t.ok() && t->provenance);
    QCOMPARE(t->provenance->methodologyVersion, QStringLiteral("9.9.9-labels")); // the version the labels come from
    QVERIFY(QString::fromUtf8(report::toCsv(*t)).contains(kNewLabel));

    // Back to the bundled version: its labels again.
    QVERIFY(MethodologyStore(*m_db).activate(bundled.id, bundled.version).ok());
    labels = exportedLabels(table);
    QCOMPARE(labels.value(kRelabelled), bundledLabel);
    QCOMPARE(labels.value(kExtra), QString());
}

// A finding whose site was removed from the supplier (risk_observations.site_id keeps it, schema 10) is exported as
// at a removed site, as a corrective action at that site is: never as the supplier as a whole ('').
void TestDataExportLabels::siteLabelOfARemovedSite()
{
    SupplierRepository suppliers(*m_db);
    SupplierRecord record = suppliers.record(m_supplier).value();
    const SupplierRecord before = record;
    Site plant;
    plant.name = QStringLiteral("โรงงาน Plant 2");
    plant.country = QStringLiteral("TH");
    record.sites << plant;
    QVERIFY(suppliers.save(record).ok());
    record = suppliers.record(m_supplier).value();
    plant.id = record.sites.first().id;
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_04_isolation");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    o.siteId = plant.id;
    QVERIFY(RiskRepository(*m_db).addObservation(m_supplier, o).ok());
    CorrectiveAction a;
    a.supplierId = m_supplier;
    a.siteId = plant.id;
    a.indicatorId = o.indicatorId;
    a.description = QStringLiteral("Open the dormitory gates");
    a.openedOn = QDate(2026, 5, 2);
    QVERIFY(ActionRepository(*m_db).saveAction(a).ok());

    // indicator -> site of the rows of a table
    const auto sites = [&](const QString& table) {
        auto t = table == QLatin1String("findings") ? report::findingsTable(*m_db) : report::actionsTable(*m_db);
        QMap<QString, QString> out;
        if (!t)
            return out;
        const int indicator = int(t->header.indexOf(QStringLiteral("indicator")));
        const int site = int(t->header.indexOf(QStringLiteral("site")));
        for (const QVariantList& row : t->rows)
            out.insert(row.value(indicator).toString(), row.value(site).toString());
        return out;
    };
    QCOMPARE(sites(QStringLiteral("findings")).value(o.indicatorId), plant.name);
    QCOMPARE(sites(QStringLiteral("findings")).value(kRelabelled), QString()); // the supplier as a whole

    QVERIFY(suppliers.save(before).ok()); // the plant is removed
    const QMap<QString, QString> findings = sites(QStringLiteral("findings"));
    QCOMPARE(findings.size(), 3);
    QCOMPARE(findings.value(o.indicatorId), QStringLiteral("(site removed)"));
    QCOMPARE(findings.value(kRelabelled), QString());
    QCOMPARE(sites(QStringLiteral("actions")).value(o.indicatorId), QStringLiteral("(site removed)"));
}

QTEST_GUILESS_MAIN(TestDataExportLabels)
#include "tst_dataexportlabels.moc"
