// vigil-cli evidence add|mitigate|indicators, actions add and the findings export read the workspace's ACTIVE
// methodology (a version made with the editor may add indicators and mitigation types, drop some, and relabel them),
// not only the methodology shipped with the build.
#include "risk/methodologystore.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using vigil::test::runCli;

namespace {

const QString kRelabelled = QStringLiteral("ilo_02_deception");
const QString kNewLabel = QStringLiteral("Deception about pay or work (workspace label)");
const QString kExtra = QStringLiteral("test_app_recruitment_debt");
const QString kExtraLabel = QStringLiteral("Debt owed through a recruitment app");
const QString kDropped = QStringLiteral("cl_no_remediation_plan"); // in the bundled version only
const QString kExtraMitigation = QStringLiteral("test_recruiter_certified");

} // namespace

class TestActiveMethodologyCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void indicatorsListsTheActiveVersion();
    void evidenceAdd_data();
    void evidenceAdd();
    void evidenceMitigate_data();
    void evidenceMitigate();
    void actionsAdd_data();
    void actionsAdd();
    void findingsExportUsesTheActiveLabels();

private:
    QStringList evidenceAddArgs(const QString& indicator) const;
    QTemporaryDir m_dir;
    QString m_ws;
    QString m_supplier;
};

void TestActiveMethodologyCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = m_dir.filePath(QStringLiteral("active.vigil"));
    const auto r = runCli({QStringLiteral("init"), QStringLiteral("-w"), m_ws, QStringLiteral("--sample")});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // The bundled document as another version: one indicator relabelled, one added, one dropped, one more
    // mitigation type.
    const vigil::Methodology bundled = *vigil::Methodology::loadDefault();
    QVERIFY(bundled.indicatorIndex(kDropped) >= 0);
    QVERIFY(bundled.indicatorIndex(kExtra) < 0);
    QJsonObject doc = QJsonDocument::fromJson(bundled.document).object();
    doc.insert(QStringLiteral("version"), QStringLiteral("9.9.9-cli"));
    QJsonArray indicators;
    for (const auto& v : doc.value(QStringLiteral("indicators")).toArray()) {
        QJsonObject o = v.toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        if (id == kDropped)
            continue;
        if (id == kRelabelled)
            o.insert(QStringLiteral("label"), kNewLabel);
        indicators.append(o);
    }
    indicators.append(QJsonObject{{QStringLiteral("id"), kExtra},
                                  {QStringLiteral("family"), QStringLiteral("recruitment")},
                                  {QStringLiteral("label"), kExtraLabel},
                                  {QStringLiteral("roles"), QJsonArray{QStringLiteral("coercion")}},
                                  {QStringLiteral("severity"), QStringLiteral("high")}});
    doc.insert(QStringLiteral("indicators"), indicators);
    QJsonObject mitigation = doc.value(QStringLiteral("mitigation")).toObject();
    QJsonArray factors = mitigation.value(QStringLiteral("factors")).toArray();
    factors.append(QJsonObject{{QStringLiteral("id"), kExtraMitigation},
                               {QStringLiteral("label"), QStringLiteral("Recruiter certified by an ethical scheme")},
                               {QStringLiteral("points"), 2},
                               {QStringLiteral("validDays"), 365}});
    mitigation.insert(QStringLiteral("factors"), factors);
    doc.insert(QStringLiteral("mitigation"), mitigation);
    auto next = vigil::Methodology::fromJson(QJsonDocument(doc).toJson());
    QVERIFY2(next.ok(), qPrintable(next.error().toString()));

    auto db = vigil::Database::open(m_ws);
    QVERIFY(db.ok());
    QVERIFY(vigil::MethodologyStore(*db.value()).saveVersion(*next, true).ok());
    QSqlQuery q(db.value()->db());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM suppliers ORDER BY id LIMIT 1")) && q.next());
    m_supplier = q.value(0).toString();
}

QStringList TestActiveMethodologyCli::evidenceAddArgs(const QString& indicator) const
{
    return {QStringLiteral("evidence"),    QStringLiteral("add"),
            QStringLiteral("-w"),          m_ws,
            QStringLiteral("--supplier"),  m_supplier,
            QStringLiteral("--indicator"), indicator,
            QStringLiteral("--status"),    QStringLiteral("present"),
            QStringLiteral("--source"),    QStringLiteral("audit"),
            QStringLiteral("--date"),      QStringLiteral("2026-05-15")};
}

void TestActiveMethodologyCli::indicatorsListsTheActiveVersion()
{
    const auto r = runCli({QStringLiteral("evidence"), QStringLiteral("indicators"), QStringLiteral("-w"), m_ws,
                           QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QMap<QString, QString> labels;
    for (const auto& v : QJsonDocument::fromJson(r.out).array())
        labels.insert(v.toObject().value(QLatin1String("id")).toString(),
                      v.toObject().value(QLatin1String("label")).toString());
    QCOMPARE(labels.size(), 25); // 25 bundled, one dropped, one added
    QCOMPARE(labels.value(kRelabelled), kNewLabel);
    QCOMPARE(labels.value(kExtra), kExtraLabel);
    QVERIFY(!labels.contains(kDropped));

    const auto text = runCli({QStringLiteral("evidence"), QStringLiteral("indicators"), QStringLiteral("-w"), m_ws});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(kExtraMitigation.toUtf8()));

    // -w naming no workspace is an error, not a silent fallback to the bundled list.
    const auto missing = runCli({QStringLiteral("evidence"), QStringLiteral("indicators"), QStringLiteral("-w"),
                                 m_dir.filePath(QStringLiteral("none.vigil"))});
    QCOMPARE(missing.exitCode, 1);
}

void TestActiveMethodologyCli::evidenceAdd_data()
{
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("added by the active version") << kExtra << 0;
    QTest::addRow("relabelled") << kRelabelled << 0;
    QTest::addRow("dropped by the active version") << kDropped << 2;
    QTest::addRow("in no version") << QStringLiteral("ilo_99") << 2;
}

void TestActiveMethodologyCli::evidenceAdd()
{
    QFETCH(QString, indicator);
    QFETCH(int, exitCode);
    const auto r = runCli(evidenceAddArgs(indicator));
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    if (exitCode == 0)
        QVERIFY(r.out.contains(indicator.toUtf8()));
    else
        QVERIFY(r.err.contains("unknown indicator") && r.err.contains(kExtra.toUtf8())); // lists the active ones
}

void TestActiveMethodologyCli::evidenceMitigate_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("added by the active version") << kExtraMitigation << 0;
    QTest::addRow("bundled") << QStringLiteral("recent_audit") << 0;
    QTest::addRow("in no version") << QStringLiteral("good_vibes") << 2;
}

void TestActiveMethodologyCli::evidenceMitigate()
{
    QFETCH(QString, type);
    QFETCH(int, exitCode);
    const auto r = runCli({QStringLiteral("evidence"), QStringLiteral("mitigate"), QStringLiteral("-w"), m_ws,
                           QStringLiteral("--supplier"), m_supplier, QStringLiteral("--type"), type,
                           QStringLiteral("--date"), QStringLiteral("2026-05-15")});
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
}

void TestActiveMethodologyCli::actionsAdd_data()
{
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("added by the active version") << kExtra << 0;
    QTest::addRow("dropped by the active version") << kDropped << 2;
}

void TestActiveMethodologyCli::actionsAdd()
{
    QFETCH(QString, indicator);
    QFETCH(int, exitCode);
    const auto r = runCli({QStringLiteral("actions"), QStringLiteral("add"), QStringLiteral("-w"), m_ws,
                           QStringLiteral("--supplier"), m_supplier, QStringLiteral("--description"),
                           QStringLiteral("Answer ") + indicator, QStringLiteral("--indicator"), indicator,
                           QStringLiteral("--json")});
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    if (exitCode == 0)
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("indicator")).toString(), indicator);
}

void TestActiveMethodologyCli::findingsExportUsesTheActiveLabels()
{
    // The findings of evidenceAdd(): the new indicator's label and the new label of the relabelled one.
    const QString csv = m_dir.filePath(QStringLiteral("findings.csv"));
    const auto r
        = runCli({QStringLiteral("report"), QStringLiteral("-w"), m_ws, QStringLiteral("--kind"),
                  QStringLiteral("findings"), QStringLiteral("--supplier"), m_supplier, QStringLiteral("--out"), csv});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY2(text.contains(kExtra + QLatin1Char(',') + kExtraLabel + QLatin1Char(',')), qPrintable(text));
    QVERIFY(text.contains(kRelabelled + QLatin1Char(',') + kNewLabel + QLatin1Char(',')));
}

QTEST_GUILESS_MAIN(TestActiveMethodologyCli)
#include "tst_activemethodologycli.moc"
