#include "reference/countries.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestWorkspace : public QObject
{
    Q_OBJECT
private slots:
    void createRefusesToOverwrite();
    void samplePortfolio();
    void checkFindsInconsistencies();
    void filterByRiskTier();

private:
    QTemporaryDir m_dir;
};

void TestWorkspace::createRefusesToOverwrite()
{
    const QString path = m_dir.filePath(QStringLiteral("existing.vigil"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
    }
    auto db = workspace::create(path);
    QVERIFY(!db.ok());
    QVERIFY(db.error().message.contains(QStringLiteral("will not overwrite")));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("precious"));
}

void TestWorkspace::samplePortfolio()
{
    auto db = workspace::openOrCreateSample(m_dir.filePath(QStringLiteral("sample.vigil")));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    SupplierRepository repo(*db.value());
    const qint64 n = repo.count().value();
    QVERIFY2(n >= 150 && n <= 300, qPrintable(QString::number(n)));
    // Asia-Pacific and the ILAB sectors are there, with sites and recruiters.
    for (const char* cc : {"TH", "BD", "MY", "ID", "VN"}) {
        SupplierFilter f;
        f.country = QString::fromLatin1(cc);
        QVERIFY2(repo.count(f).value() > 0, cc);
    }
    QSqlQuery q(db.value()->db());
    QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM sites), (SELECT count(*) FROM recruiters), "
                                  "(SELECT count(*) FROM supplier_recruiters), (SELECT count(DISTINCT country) FROM "
                                  "suppliers)")));
    QVERIFY(q.next());
    QVERIFY(q.value(0).toInt() >= n);
    QVERIFY(q.value(1).toInt() >= 10);
    QVERIFY(q.value(2).toInt() >= 20);
    QVERIFY(q.value(3).toInt() >= 10);
    // Every country is a real ISO code; names in local scripts survived.
    QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT country FROM suppliers")));
    while (q.next())
        QVERIFY(Countries::instance().isCode(q.value(0).toString()));
    QVERIFY(q.exec(QStringLiteral("SELECT name || char(10) || other_names FROM suppliers")));
    QSet<QChar::Script> scripts;
    while (q.next())
        for (QChar c : q.value(0).toString())
            scripts.insert(c.script());
    for (QChar::Script s : {QChar::Script_Thai, QChar::Script_Han, QChar::Script_Myanmar, QChar::Script_Bengali})
        QVERIFY2(scripts.contains(s), qPrintable(QString::number(int(s))));
    auto report = workspace::check(*db.value());
    QVERIFY(report.ok());
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(report->suppliers, n);
}

void TestWorkspace::checkFindsInconsistencies()
{
    auto db = workspace::create(m_dir.filePath(QStringLiteral("check.vigil")));
    QVERIFY(db.ok());
    auto clean = workspace::check(*db.value());
    QVERIFY(clean->problems.isEmpty());
    // A supplier written behind Vigil's back: no change-log entry, not in the search index.
    QSqlQuery q(db.value()->db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO suppliers (id, name, name_key, country, created_at, updated_at) VALUES "
                                  "('00000000-0000-4000-8000-000000000001', 'Ghost', 'ghost', 'TH', '2024-01-01', "
                                  "'2024-01-01')")));
    auto report = workspace::check(*db.value());
    QVERIFY(report.ok());
    QCOMPARE(report->problems.size(), 2);
    QVERIFY(report->problems.join(QLatin1Char(' ')).contains(QStringLiteral("no 'create' entry")));
    QVERIFY(report->problems.join(QLatin1Char(' ')).contains(QStringLiteral("search index")));
}

void TestWorkspace::filterByRiskTier()
{
    auto db = workspace::openOrCreateSample(m_dir.filePath(QStringLiteral("tiers.vigil")));
    QVERIFY(db.ok());
    SupplierRepository repo(*db.value());
    SupplierFilter high;
    high.riskTier = QStringLiteral("high");
    // The sample is scored when it is made: every supplier has a tier to filter on.
    QSqlQuery q(db.value()->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_scores")) && q.next());
    QCOMPARE(q.value(0).toLongLong(), repo.count().value());
    qint64 sum = 0;
    for (const char* tier : {"low", "medium", "high", "critical"}) {
        SupplierFilter f;
        f.riskTier = QString::fromLatin1(tier);
        q.prepare(QStringLiteral("SELECT count(*) FROM risk_scores WHERE tier = ?"));
        q.addBindValue(f.riskTier);
        QVERIFY(q.exec() && q.next());
        const qint64 n = repo.count(f).value();
        QCOMPARE(n, q.value(0).toLongLong());
        QCOMPARE(qint64(repo.page(f, SupplierSort::Name, Qt::AscendingOrder, 0, 1000).value().size()), n);
        sum += n;
    }
    QCOMPARE(sum, repo.count().value());
    QVERIFY(repo.count(high).value() > 0);
    // Combined with another filter.
    high.country = QStringLiteral("TH");
    SupplierFilter thai;
    thai.country = QStringLiteral("TH");
    QVERIFY(repo.count(high).value() <= repo.count(thai).value());
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
