// RowMatcher: the import's matching step on its own (no file, no database): what it decides for each row, the
// row keys it assigns to what it adds, and how an error row and OnError::Abort stop the writing.
#include "importer/importer.h"
#include "importer/rowmatcher.h"

#include <QTest>

using namespace vigil;

namespace {

ReadRow row(qint64 n, const QString& name, const QString& country, const QString& address = {})
{
    ReadRow r;
    r.row = n;
    Supplier& s = r.built.record.supplier;
    s.name = name;
    s.country = country;
    s.address = address;
    s.tier = 1;
    r.core = namematch::coreName(name);
    r.name = namematch::prepare(r.core);
    r.recordKey = Importer::recordKeyOfCore(r.core, country, address);
    return r;
}

} // namespace

class TestRowMatcher : public QObject
{
    Q_OBJECT

private slots:
    void addsWithConsecutiveKeysAndMatchesWithinTheFile();
    void invalidRecordIsAnErrorAndTakesNoKey();
    void abortStopsWritingAfterTheFirstError();
    void skipGoesOnAfterAnError();
    void rememberedDecisionMergesIntoItsSupplier();
    void userDecisionDifferentAddsAndIsRemembered();
    void possibleDuplicateIsHeldOrAdded_data();
    void possibleDuplicateIsHeldOrAdded();
};

void TestRowMatcher::addsWithConsecutiveKeysAndMatchesWithinTheFile()
{
    MatchIndex index;
    ImportOptions options;
    ResolvedDecisions decisions;
    RowMatcher m(index, options, decisions, 101, QStringLiteral("f.csv"));
    const MatchedRow a = m.match(row(2, QStringLiteral("Siam Ocean Foods Co., Ltd"), QStringLiteral("TH")));
    const MatchedRow b = m.match(row(3, QStringLiteral("Hanoi Knitwear JSC"), QStringLiteral("VN")));
    const MatchedRow c = m.match(row(4, QStringLiteral("SIAM OCEAN FOODS"), QStringLiteral("TH")));
    QCOMPARE(toString(a.result.action), toString(RowAction::Add));
    QCOMPARE(a.newKey, 101);
    QVERIFY(a.write);
    QCOMPARE(toString(b.result.action), toString(RowAction::Add));
    QCOMPARE(b.newKey, 102);
    // The third row is the first one again: merged into the key the first was given, no key of its own.
    QCOMPARE(toString(c.result.action), toString(RowAction::Merge));
    QCOMPARE(toString(c.result.matchKind), toString(MatchKind::ExactName));
    QCOMPARE(c.targetKey, 101);
    QCOMPARE(c.newKey, 0);
    QCOMPARE(toString(c.result.status), toString(RowStatus::Matched));
    QCOMPARE(index.size(), 2);
}

void TestRowMatcher::invalidRecordIsAnErrorAndTakesNoKey()
{
    MatchIndex index;
    ImportOptions options;
    options.onError = ImportOptions::OnError::Skip;
    ResolvedDecisions decisions;
    RowMatcher m(index, options, decisions, 1, QStringLiteral("f.csv"));
    ReadRow bad = row(2, QStringLiteral("Negative Spend Ltd"), QStringLiteral("TH"));
    bad.built.record.supplier.annualSpend = -5.0;
    bad.built.record.supplier.currency = QStringLiteral("USD");
    const MatchedRow e = m.match(std::move(bad));
    QCOMPARE(toString(e.result.status), toString(RowStatus::Error));
    QCOMPARE(toString(e.result.action), toString(RowAction::Skip));
    QVERIFY(!e.write);
    QCOMPARE(e.newKey, 0);
    QVERIFY(!e.result.errors.isEmpty());
    QCOMPARE(e.result.errors.first().file, QStringLiteral("f.csv"));
    QCOMPARE(e.result.errors.first().row, 2);
    QCOMPARE(index.size(), 0);
    const MatchedRow ok = m.match(row(3, QStringLiteral("Good Supplier Ltd"), QStringLiteral("TH")));
    QCOMPARE(ok.newKey, 1);
    QVERIFY(ok.write);
}

void TestRowMatcher::abortStopsWritingAfterTheFirstError()
{
    MatchIndex index;
    ImportOptions options; // OnError::Abort
    ResolvedDecisions decisions;
    RowMatcher m(index, options, decisions, 1, QStringLiteral("f.csv"));
    QVERIFY(m.match(row(2, QStringLiteral("First Ltd"), QStringLiteral("TH"))).write);
    ReadRow bad = row(3, QStringLiteral("Broken"), QStringLiteral("TH"));
    bad.built.errors << makeError(QStringLiteral("no country"));
    const MatchedRow e = m.match(std::move(bad));
    QCOMPARE(toString(e.result.status), toString(RowStatus::Error));
    QVERIFY(m.aborting());
    const MatchedRow after = m.match(row(4, QStringLiteral("Later Ltd"), QStringLiteral("VN")));
    QCOMPARE(toString(after.result.action), toString(RowAction::Add)); // still decided and counted
    QVERIFY(!after.write); // but never written
    QCOMPARE(after.newKey, 0);
    QCOMPARE(index.size(), 1);
}

void TestRowMatcher::skipGoesOnAfterAnError()
{
    MatchIndex index;
    ImportOptions options;
    options.onError = ImportOptions::OnError::Skip;
    ResolvedDecisions decisions;
    RowMatcher m(index, options, decisions, 1, QStringLiteral("f.csv"));
    ReadRow bad = row(2, QStringLiteral("Broken"), QStringLiteral("TH"));
    bad.built.errors << makeError(QStringLiteral("no country"));
    QVERIFY(!m.match(std::move(bad)).write);
    QVERIFY(!m.aborting());
    const MatchedRow after = m.match(row(3, QStringLiteral("Later Ltd"), QStringLiteral("VN")));
    QVERIFY(after.write);
    QCOMPARE(after.newKey, 1);
}

void TestRowMatcher::rememberedDecisionMergesIntoItsSupplier()
{
    MatchIndex index;
    ImportOptions options;
    ResolvedDecisions decisions;
    ReadRow r = row(2, QStringLiteral("Mekong Delta Seafood"), QStringLiteral("VN"));
    decisions.byRecordKey.insert(r.recordKey, {{42, true}});
    RowMatcher m(index, options, decisions, 100, QStringLiteral("f.csv"));
    const MatchedRow out = m.match(std::move(r));
    QCOMPARE(toString(out.result.matchKind), toString(MatchKind::Decision));
    QCOMPARE(toString(out.result.action), toString(RowAction::Merge));
    QCOMPARE(out.targetKey, 42);
    QCOMPARE(out.newKey, 0);
}

void TestRowMatcher::userDecisionDifferentAddsAndIsRemembered()
{
    MatchIndex index;
    ImportOptions options;
    ResolvedDecisions decisions;
    RowMatcher m(index, options, decisions, 1, QStringLiteral("f.csv"));
    QCOMPARE(m.match(row(2, QStringLiteral("Golden Thread Garments"), QStringLiteral("BD"))).newKey, 1);
    // The user said row 3 is not supplier "s-1" (row key 1), though its name is the same.
    options.decisions.insert(3, {RowDecision::Kind::Different, QStringLiteral("s-1")});
    decisions.keyOfSupplier.insert(QStringLiteral("s-1"), 1);
    const MatchedRow out = m.match(row(3, QStringLiteral("Golden Thread Garments"), QStringLiteral("BD")));
    QCOMPARE(toString(out.result.action), toString(RowAction::Add));
    QCOMPARE(toString(out.result.matchKind), toString(MatchKind::None));
    QCOMPARE(out.newKey, 2);
    QVERIFY(out.rememberDecision);
    QVERIFY(!out.decisionSame);
    QCOMPARE(out.decisionSupplierId, QStringLiteral("s-1"));
}

void TestRowMatcher::possibleDuplicateIsHeldOrAdded_data()
{
    QTest::addColumn<bool>("addAsNew");
    QTest::addRow("hold") << false;
    QTest::addRow("add as new") << true;
}

void TestRowMatcher::possibleDuplicateIsHeldOrAdded()
{
    QFETCH(bool, addAsNew);
    MatchIndex index;
    ImportOptions options;
    options.possibleDuplicates = addAsNew ? ImportOptions::Possible::AddAsNew : ImportOptions::Possible::Hold;
    ResolvedDecisions decisions;
    RowMatcher m(index, options, decisions, 1, QStringLiteral("f.csv"));
    QCOMPARE(m.match(row(2, QStringLiteral("Berkor Mimi Knitwear Company Limited"), QStringLiteral("TH"))).newKey, 1);
    const MatchedRow out = m.match(row(3, QStringLiteral("Midhari Berkortor Knitwear Pvt Ltd"), QStringLiteral("TH")));
    QCOMPARE(toString(out.result.matchKind), toString(MatchKind::Fuzzy));
    QVERIFY2(out.result.score >= namematch::kReviewThreshold && out.result.score < namematch::kMergeThreshold,
             qPrintable(QString::number(out.result.score)));
    QCOMPARE(toString(out.result.status), toString(RowStatus::PossibleDuplicate));
    QCOMPARE(out.targetKey, 1);
    if (addAsNew) {
        QCOMPARE(toString(out.result.action), toString(RowAction::Add));
        QCOMPARE(out.newKey, 2);
    } else {
        QCOMPARE(toString(out.result.action), toString(RowAction::Hold));
        QCOMPARE(out.newKey, 0);
    }
}

QTEST_GUILESS_MAIN(TestRowMatcher)
#include "tst_rowmatcher.moc"
