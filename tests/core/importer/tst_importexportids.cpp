// Rows that carry their own Vigil id (an export of a workspace) are the suppliers of that workspace: two rows with
// different ids are never matched to each other by name or identifier, so exporting and importing elsewhere gives
// back the same suppliers. A plain list (no Vigil ids) is still matched within the file, and a row repeating the
// same Vigil id is still the same supplier.
#include "importer/importer.h"
#include "importtestutil.h"

#include <QSqlQuery>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

class TestImportExportIds : public QObject
{
    Q_OBJECT
private slots:
    void nearNamesWithOwnIds_data();
    void nearNamesWithOwnIds();
    void differentSupplierWithTakenIdGetsItsOwn();
};

void TestImportExportIds::nearNamesWithOwnIds_data()
{
    QTest::addColumn<bool>("withIds");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("possible");
    // Without ids, row 3 is the same name as row 2 (matched) and row 5 is close to row 4 (to the user).
    QTest::addRow("a plain list") << false << 3 << 1;
    // With ids, each of the five is its own supplier, and the sixth row repeats row 2's id.
    QTest::addRow("an export with Vigil ids") << true << 5 << 0;
}

void TestImportExportIds::nearNamesWithOwnIds()
{
    QFETCH(bool, withIds);
    QFETCH(int, added);
    QFETCH(int, possible);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto db = openWorkspace(dir.filePath(QStringLiteral("ws.vigil")));
    QVERIFY(db);
    const QByteArray ids[] = {"0190a1b2-0000-7000-8000-000000000001", "0190a1b2-0000-7000-8000-000000000002",
                              "0190a1b2-0000-7000-8000-000000000003", "0190a1b2-0000-7000-8000-000000000004",
                              "0190a1b2-0000-7000-8000-000000000005"};
    const QByteArray rows[][2] = {{"Chonburi Seafood Co., Ltd.", "TH"},
                                  {"Chonburi Seafood Co Ltd", "TH"},
                                  {"ห้างหุ้นส่วนจำกัด ชลธารประมง", "TH"},
                                  {"ห้างหุ้นส่วนจำกัด ชลธานประมง", "TH"},
                                  {"Công ty TNHH Thủy sản Phúc An", "VN"}};
    QByteArray csv = withIds ? "vigil_id,name,country\r\n" : "name,country\r\n";
    for (int i = 0; i < 5; ++i)
        csv += (withIds ? ids[i] + "," : QByteArray()) + "\"" + rows[i][0] + "\"," + rows[i][1] + "\r\n";
    if (withIds) // the same supplier twice in one export
        csv += ids[1] + ",\"Chonburi Seafood Co Ltd\",TH\r\n";
    const QString path = writeFile(dir, "export.csv", csv);
    QVERIFY(!path.isEmpty());

    auto report = Importer(*db).run(path, ImportOptions{});
    QVERIFY2(report.ok(), qPrintable(report.error().toString()));
    QCOMPARE(int(report->counts.added), added);
    QCOMPARE(int(report->counts.possibleDuplicates), possible);
    QSqlQuery q(db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM suppliers")) && q.next());
    QCOMPARE(q.value(0).toInt(), added);
    if (withIds) {
        for (const QByteArray& id : ids) {
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM suppliers WHERE id = ?"));
            q.addBindValue(QString::fromLatin1(id));
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toInt(), 1); // kept its id
        }
        QCOMPARE(int(report->counts.matched), 1); // the repeated id
    }
}

// The user says a row of an export is NOT the supplier that has its Vigil id in this workspace: the row is added
// as a new supplier with an id of its own (the id cannot be taken twice), and the import goes through.
void TestImportExportIds::differentSupplierWithTakenIdGetsItsOwn()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto db = openWorkspace(dir.filePath(QStringLiteral("ws.vigil")));
    QVERIFY(db);
    const QString id = QStringLiteral("0190a1b2-0000-7000-8000-00000000000a");
    const QString path
        = writeFile(dir, "export.csv", "vigil_id,name,country\r\n" + id.toUtf8() + ",Andaman Marine Products,TH\r\n");
    QVERIFY(!path.isEmpty());
    auto first = Importer(*db).run(path, ImportOptions{});
    QVERIFY2(first.ok(), qPrintable(first.error().toString()));
    QCOMPARE(int(first->counts.added), 1);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM suppliers WHERE id = '%1'").arg(id)), 1);

    ImportOptions o;
    o.decisions.insert(2, {RowDecision::Kind::Different, id});
    auto second = Importer(*db).run(path, o);
    QVERIFY2(second.ok(), qPrintable(second.error().toString()));
    QVERIFY(second->committed);
    QCOMPARE(int(second->counts.added), 1);
    QCOMPARE(int(second->counts.errors), 0);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM suppliers")), 2);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM suppliers WHERE id = '%1'").arg(id)), 1);
}

QTEST_GUILESS_MAIN(TestImportExportIds)
#include "tst_importexportids.moc"
