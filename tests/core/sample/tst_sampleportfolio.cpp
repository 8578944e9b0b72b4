// Checks the sample portfolio bundled as :/sample/sample_portfolio.json (the file a first-time user loads).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestSamplePortfolio : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_doc;

private slots:
    void initTestCase();
    void header();
    void size();
    void recruiterReferencesResolve();
    void localScriptsPresent_data();
    void localScriptsPresent();
    void workerRangesConsistent();
};

void TestSamplePortfolio::initTestCase()
{
    QFile file(QStringLiteral(":/sample/sample_portfolio.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), "the sample portfolio resource is not bundled");
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    m_doc = doc.object();
}

void TestSamplePortfolio::header()
{
    QCOMPARE(m_doc.value(QStringLiteral("format")).toString(), QStringLiteral("vigil-sample-portfolio"));
    QCOMPARE(m_doc.value(QStringLiteral("version")).toInt(), 1);
}

void TestSamplePortfolio::size()
{
    const QJsonArray suppliers = m_doc.value(QStringLiteral("suppliers")).toArray();
    const QJsonArray recruiters = m_doc.value(QStringLiteral("recruiters")).toArray();
    QVERIFY2(suppliers.size() >= 150 && suppliers.size() <= 300, qPrintable(QString::number(suppliers.size())));
    QVERIFY2(recruiters.size() >= 20, qPrintable(QString::number(recruiters.size())));
    QSet<int> tiers;
    for (const QJsonValue& s : suppliers)
        tiers.insert(s.toObject().value(QStringLiteral("tier")).toInt());
    QCOMPARE(tiers, (QSet<int>{1, 2, 3}));
}

void TestSamplePortfolio::recruiterReferencesResolve()
{
    QSet<QString> ids;
    QSet<QString> statuses;
    for (const QJsonValue& r : m_doc.value(QStringLiteral("recruiters")).toArray()) {
        ids.insert(r.toObject().value(QStringLiteral("id")).toString());
        statuses.insert(r.toObject().value(QStringLiteral("licence_status")).toString());
    }
    QVERIFY(statuses.contains(QStringLiteral("unlicensed")));
    int links = 0;
    for (const QJsonValue& s : m_doc.value(QStringLiteral("suppliers")).toArray()) {
        for (const QJsonValue& link : s.toObject().value(QStringLiteral("recruiters")).toArray()) {
            const QString id = link.toObject().value(QStringLiteral("recruiter_id")).toString();
            QVERIFY2(ids.contains(id), qPrintable(id));
            ++links;
        }
    }
    QVERIFY(links > 0);
}

void TestSamplePortfolio::localScriptsPresent_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addRow("Thai") << QStringLiteral("\\p{Thai}");
    QTest::addRow("Vietnamese") << QStringLiteral("Công ty");
    QTest::addRow("Chinese") << QStringLiteral("有限公司");
    QTest::addRow("Burmese") << QStringLiteral("\\p{Myanmar}");
    QTest::addRow("Bengali") << QStringLiteral("\\p{Bengali}");
    QTest::addRow("Khmer") << QStringLiteral("\\p{Khmer}");
}

void TestSamplePortfolio::localScriptsPresent()
{
    QFETCH(QString, pattern);
    const QRegularExpression re(pattern);
    QVERIFY(re.isValid());
    int hits = 0;
    for (const QJsonValue& s : m_doc.value(QStringLiteral("suppliers")).toArray()) {
        QStringList names{s.toObject().value(QStringLiteral("name")).toString()};
        for (const QJsonValue& other : s.toObject().value(QStringLiteral("other_names")).toArray())
            names << other.toString();
        for (const QString& name : names)
            hits += name.contains(re) ? 1 : 0;
    }
    QVERIFY2(hits >= 2, qPrintable(QStringLiteral("%1 names match %2").arg(hits).arg(pattern)));
}

void TestSamplePortfolio::workerRangesConsistent()
{
    for (const QJsonValue& v : m_doc.value(QStringLiteral("suppliers")).toArray()) {
        const QJsonObject s = v.toObject();
        const QJsonValue lo = s.value(QStringLiteral("workers_min"));
        const QJsonValue hi = s.value(QStringLiteral("workers_max"));
        QCOMPARE(lo.isNull(), hi.isNull());
        if (!lo.isNull())
            QVERIFY2(lo.toInt() >= 1 && lo.toInt() <= hi.toInt(),
                     qPrintable(s.value(QStringLiteral("name")).toString()));
    }
}

QTEST_GUILESS_MAIN(TestSamplePortfolio)
#include "tst_sampleportfolio.moc"
