#include "exporter/cellguard.h"

#include <QTest>

using namespace vigil;

class TestCellGuard : public QObject
{
    Q_OBJECT
private slots:
    void guard_data();
    void guard();
};

void TestCellGuard::guard_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("guarded");
    QTest::addRow("formula") << "=HYPERLINK(\"http://x\")"
                             << "'=HYPERLINK(\"http://x\")";
    QTest::addRow("plus") << "+66 2 123 4567"
                          << "'+66 2 123 4567";
    QTest::addRow("minus") << "-5"
                           << "'-5";
    QTest::addRow("at") << "@SUM(A1)"
                        << "'@SUM(A1)";
    QTest::addRow("tab") << "\t=1"
                         << "'\t=1";
    QTest::addRow("carriage return") << "\r=1"
                                     << "'\r=1";
    QTest::addRow("already an apostrophe before a trigger") << "'=1"
                                                            << "''=1";
    QTest::addRow("apostrophe alone is left") << "'quoted'"
                                              << "'quoted'";
    QTest::addRow("plain text") << "Siam Garment"
                                << "Siam Garment";
    QTest::addRow("trigger inside") << "A=B"
                                    << "A=B";
    QTest::addRow("empty") << ""
                           << "";
}

void TestCellGuard::guard()
{
    QFETCH(QString, cell);
    QFETCH(QString, guarded);
    QCOMPARE(cellguard::guard(cell), guarded);
    QCOMPARE(cellguard::unguard(cellguard::guard(cell)), cell);
}

QTEST_GUILESS_MAIN(TestCellGuard)
#include "tst_cellguard.moc"
