// The workspace's active methodology: versions are stored and activated in the workspace, what is active is what
// scores, version numbers are never reused, and workspaces from before schema 9 (and the v1 fixture) still work.
#include "risk/datasetcatalog.h"
#include "risk/methodologystore.h"
#include "risk/riskrepository.h"
#include "risk/scorejob.h"
#include "risk/scoring.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "testsupport.h"
#include "util/uuid.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

class TestMethodologyStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void freshWorkspaceUsesTheBundledMethodology();
    void activeVersionIsWhatScores_data();
    void activeVersionIsWhatScores();
    void versionsListed();
    void versionNumbersAreNotReused();
    void activateRefusesUnknownVersions();
    void workspaceFromBeforeSchema9KeepsItsEditorVersion();
    void v1WorkspaceMigrates();

private:
    // The bundled document with `path` set to value, as version `version`.
    static Methodology edited(const QString& version, const QStringList& path, double value);
    double storedScore();
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_supplier;
    const QDateTime m_now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
};

namespace {

QJsonObject withValue(QJsonObject root, const QStringList& path, double value)
{
    if (path.size() == 1) {
        root.insert(path.first(), value);
        return root;
    }
    root.insert(path.first(), withValue(root.value(path.first()).toObject(), path.mid(1), value));
    return root;
}

} // namespace

Methodology TestMethodologyStore::edited(const QString& version, const QStringList& path, double value)
{
    const Methodology bundled = *Methodology::loadDefault();
    QJsonObject doc = QJsonDocument::fromJson(bundled.document).object();
    doc.insert(QStringLiteral("version"), version);
    if (!path.isEmpty())
        doc = withValue(doc, path, value);
    auto m = Methodology::fromJson(QJsonDocument(doc).toJson(), QStringLiteral("test"));
    if (!m)
        qWarning() << m.error().toString();
    return m ? *m : Methodology();
}

void TestMethodologyStore::init()
{
    QVERIFY(m_dir.isValid());
    auto db = workspace::create(m_dir.filePath(QStringLiteral("m%1.vigil").arg(QDateTime::currentMSecsSinceEpoch())));
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    SupplierRecord record;
    record.supplier.id = newUuid();
    record.supplier.name = QStringLiteral("Samut Sakhon Seafood Co., Ltd.");
    record.supplier.country = QStringLiteral("TH");
    record.supplier.sector = QStringLiteral("services"); // below the inherent cap
    record.supplier.migrantShare = 0.8;
    QVERIFY(SupplierRepository(*m_db).add(record).ok());
    m_supplier = record.supplier.id;
}

void TestMethodologyStore::cleanup()
{
    m_db.reset();
}

double TestMethodologyStore::storedScore()
{
    auto stored = RiskRepository(*m_db).latestScore(m_supplier);
    return stored && stored->has_value() ? (**stored).score : -1;
}

void TestMethodologyStore::freshWorkspaceUsesTheBundledMethodology()
{
    const Methodology bundled = *Methodology::loadDefault();
    auto active = MethodologyStore(*m_db).active();
    QVERIFY2(active.ok(), qPrintable(active.error().toString()));
    QCOMPARE(active->id, bundled.id);
    QCOMPARE(active->version, bundled.version);
    auto ctx = loadScoringContext(*m_db, m_now);
    QVERIFY(ctx.ok());
    QCOMPARE(ctx->methodology.version, bundled.version);
}

void TestMethodologyStore::activeVersionIsWhatScores_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("delta"); // expected change of the score
    // 80% migrant workers: 0.8 x 5 = 4 points; with 25 points for the workforce, 20.
    QTest::addRow("workforce weight") << QStringList{"workforce", "migrantMaxPoints"} << 25.0 << 16.0;
    // Nothing assessed: the full uncertainty points; 20 -> 10.
    QTest::addRow("uncertainty points") << QStringList{"evidence", "uncertaintyPoints"} << 10.0 << -10.0;
}

void TestMethodologyStore::activeVersionIsWhatScores()
{
    QFETCH(QStringList, path);
    QFETCH(double, value);
    QFETCH(double, delta);
    auto before = loadScoringContext(*m_db, m_now);
    QVERIFY(before.ok());
    QVERIFY(scoreWorkspace(*m_db, *before, m_now).ok());
    const double original = storedScore();
    QVERIFY(original > 0);

    const Methodology next = edited(QStringLiteral("1.0.1"), path, value);
    QVERIFY(!next.id.isEmpty());
    MethodologyStore store(*m_db);
    store.setActor(QStringLiteral("tester"));
    QVERIFY(store.saveVersion(next, true).ok());
    auto ctx = loadScoringContext(*m_db, m_now);
    QVERIFY2(ctx.ok(), qPrintable(ctx.error().toString()));
    QCOMPARE(ctx->methodology.version, QStringLiteral("1.0.1"));
    QVERIFY(scoreWorkspace(*m_db, *ctx, m_now).ok());
    QCOMPARE(storedScore(), original + delta);
    auto stored = RiskRepository(*m_db).latestScore(m_supplier);
    QCOMPARE((**stored).methodologyVersion, QStringLiteral("1.0.1"));

    // Activating the bundled version again scores as before.
    const Methodology bundled = *Methodology::loadDefault();
    QVERIFY(store.activate(bundled.id, bundled.version).ok());
    auto again = loadScoringContext(*m_db, m_now);
    QVERIFY(again.ok());
    QCOMPARE(again->methodology.version, bundled.version);
    QVERIFY(scoreWorkspace(*m_db, *again, m_now).ok());
    QCOMPARE(storedScore(), original);
}

void TestMethodologyStore::versionsListed()
{
    MethodologyStore store(*m_db);
    const Methodology bundled = *Methodology::loadDefault();
    QVERIFY(store.saveVersion(edited(QStringLiteral("1.0.1"), {"evidence", "halfLifeDays"}, 365), false).ok());
    auto list = store.versions();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).version, bundled.version);
    QVERIFY(list->at(0).bundled);
    QVERIFY(list->at(0).active); // saved without activating
    QCOMPARE(list->at(1).version, QStringLiteral("1.0.1"));
    QVERIFY(!list->at(1).active);
    QCOMPARE(list->at(1).name, bundled.name);
    QCOMPARE(list->at(1).sha256.size(), 64);
    QVERIFY(store.activate(bundled.id, QStringLiteral("1.0.1")).ok());
    list = store.versions();
    QVERIFY(list.ok());
    QVERIFY(!list->at(0).active);
    QVERIFY(list->at(1).active);
}

void TestMethodologyStore::versionNumbersAreNotReused()
{
    MethodologyStore store(*m_db);
    const Methodology a = edited(QStringLiteral("1.0.1"), {"evidence", "halfLifeDays"}, 365);
    const Methodology b = edited(QStringLiteral("1.0.1"), {"evidence", "halfLifeDays"}, 500);
    QVERIFY(store.saveVersion(a).ok());
    QVERIFY(store.saveVersion(a).ok()); // the same document again: fine
    const Status reused = store.saveVersion(b);
    QVERIFY(!reused.ok());
    QVERIFY(reused.error().message.contains(QLatin1String("1.0.1")));
    QCOMPARE(store.active()->halfLifeDays, 365.0);
}

void TestMethodologyStore::activateRefusesUnknownVersions()
{
    MethodologyStore store(*m_db);
    const Methodology bundled = *Methodology::loadDefault();
    QVERIFY(!store.activate(bundled.id, QStringLiteral("9.9.9")).ok());
    QVERIFY(!store.activate(QStringLiteral("other"), bundled.version).ok());
    // The bundled version's number cannot be reused for another document.
    QVERIFY(!store.saveVersion(edited(bundled.version, {"evidence", "halfLifeDays"}, 365)).ok());
    // A document that names another version than the one it is saved as is refused.
    Methodology mislabelled = edited(QStringLiteral("1.0.2"), {}, 0);
    mislabelled.version = QStringLiteral("1.0.3");
    QVERIFY(!store.saveVersion(mislabelled).ok());
    QCOMPARE(store.active()->version, bundled.version);
}

void TestMethodologyStore::workspaceFromBeforeSchema9KeepsItsEditorVersion()
{
    // Before schema 9, the editor's version was recorded only through the scores made with it.
    const Methodology next = edited(QStringLiteral("1.0.1"), {"workforce", "migrantMaxPoints"}, 25);
    auto ctx = loadScoringContext(*m_db, m_now);
    QVERIFY(ctx.ok());
    ctx.value().methodology = next;
    QVERIFY(scoreWorkspace(*m_db, *ctx, m_now).ok());
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_active_methodology")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    auto active = MethodologyStore(*m_db).active();
    QVERIFY2(active.ok(), qPrintable(active.error().toString()));
    QCOMPARE(active->version, QStringLiteral("1.0.1"));
    QCOMPARE(active->migrantMaxPoints, 25.0);
}

void TestMethodologyStore::v1WorkspaceMigrates()
{
    const QString path = m_dir.filePath(QStringLiteral("v1-copy.vigil"));
    QFile::remove(path);
    QVERIFY(QFile::copy(vigil::test::dataPath(QStringLiteral("workspaces/v1.vigil")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    auto db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    QCOMPARE(db.value()->schemaVersion(), Database::latestVersion());
    QVERIFY(db.value()->schemaVersion() >= 9);
    const Methodology bundled = *Methodology::loadDefault();
    auto active = MethodologyStore(*db.value()).active();
    QVERIFY2(active.ok(), qPrintable(active.error().toString()));
    QCOMPARE(active->version, bundled.version);
    auto families = DatasetCatalog(*db.value()).families();
    QVERIFY(families.ok());
    QCOMPARE(families->size(), 2); // the bundled ILAB families
    auto ctx = loadScoringContext(*db.value(), m_now);
    QVERIFY2(ctx.ok(), qPrintable(ctx.error().toString()));
    QCOMPARE(ctx->reference.datasets().size(), 2);
    auto scored = scoreWorkspace(*db.value(), *ctx, m_now);
    QVERIFY2(scored.ok(), qPrintable(scored.error().toString()));
    QVERIFY(scored->scored > 100);
    QVERIFY(MethodologyStore(*db.value()).activate(bundled.id, bundled.version).ok());
    QVERIFY(db.value()->integrityProblems().isEmpty());
}

QTEST_GUILESS_MAIN(TestMethodologyStore)
#include "tst_methodologystore.moc"
