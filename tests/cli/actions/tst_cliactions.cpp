// vigil-cli actions, fees and trainings, run as a user would: exit codes (0 done, 1 refused, 2 usage), JSON output,
// and errors that name the field.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil::test;

class TestCliActions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void actionAddListClose();
    void feesAddAndTotals();
    void trainingsAddList();
    void exitCodes_data();
    void exitCodes();

private:
    ProcessResult run(QStringList args);
    QTemporaryDir m_dir;
    QString m_ws;
    QString m_supplier;
};

ProcessResult TestCliActions::run(QStringList args)
{
    args.insert(1, QStringLiteral("-w"));
    args.insert(2, m_ws);
    return runCli(args);
}

void TestCliActions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = m_dir.filePath(QStringLiteral("cli.vigil"));
    auto r = runCli({QStringLiteral("init"), QStringLiteral("-w"), m_ws});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run({QStringLiteral("suppliers"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Songkhla Tuna Canning Co., Ltd."), QStringLiteral("--country"), QStringLiteral("TH"),
             QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_supplier = QJsonDocument::fromJson(r.out).object().value(QLatin1String("id")).toString();
    QVERIFY(!m_supplier.isEmpty());
}

void TestCliActions::actionAddListClose()
{
    auto r = run({"actions", "add", "--supplier", m_supplier, "--description", "Return passports held by HR",
                  "--opened", "2025-11-01", "--due", "2025-12-01", "--indicator",
                  "ilo_07_retention_of_identity_documents", "--owner", "Sourcing lead", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject added = QJsonDocument::fromJson(r.out).object();
    const QString id = added.value(QLatin1String("id")).toString();
    QCOMPARE(added.value(QLatin1String("status")).toString(), QStringLiteral("open"));
    QCOMPARE(added.value(QLatin1String("overdue")).toBool(), true); // due in the past
    QCOMPARE(added.value(QLatin1String("supplier")).toString(), QStringLiteral("Songkhla Tuna Canning Co., Ltd."));
    r = run({"actions", "add", "--supplier", m_supplier, "--description", "Written contracts in Burmese", "--opened",
             "2025-11-01", "--due", "2099-01-01"});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    r = run({"actions", "list", "--overdue", "--json"});
    QCOMPARE(r.exitCode, 0);
    QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("id")).toString(), id);

    // Closing as verified needs a note saying how it was verified.
    r = run({"actions", "close", id});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("verification_note"), r.err.constData());
    r = run({"actions", "close", id, "--date", "2025-11-20", "--note", "Passports seen in workers' lockers", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("status")).toString(),
             QStringLiteral("closed_verified"));
    r = run({"actions", "list", "--status", "closed_verified", "--json"});
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
    r = run({"actions", "list"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("2 action(s), 0 overdue"), r.out.constData());
}

void TestCliActions::feesAddAndTotals()
{
    auto r = run({"fees", "add", "--supplier", m_supplier, "--paid", "40000", "--reimbursed", "12500", "--currency",
                  "thb", "--workers", "20", "--corridor", "MM:TH", "--date", "2026-01-15", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("outstanding_amount")).toDouble(), 27500.0);
    r = run({"fees", "add", "--supplier", m_supplier, "--paid", "6000", "--currency", "THB", "--group",
             "2026 intake, canning line", "--corridor", "KH:TH", "--date", "2026-02-01"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run({"fees", "list", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("entries")).toArray().size(), 2);
    const QJsonObject thb = o.value(QLatin1String("totals")).toArray().at(0).toObject();
    QCOMPARE(thb.value(QLatin1String("currency")).toString(), QStringLiteral("THB"));
    QCOMPARE(thb.value(QLatin1String("paid_amount")).toDouble(), 46000.0);
    QCOMPARE(thb.value(QLatin1String("reimbursed_amount")).toDouble(), 12500.0);
    QCOMPARE(thb.value(QLatin1String("outstanding_amount")).toDouble(), 33500.0);
    r = run({"fees", "list"});
    QVERIFY2(r.out.contains("Total THB: paid 46,000 THB, reimbursed 12,500 THB, outstanding 33,500 THB"),
             r.out.constData());
}

void TestCliActions::trainingsAddList()
{
    auto r = run({"trainings", "add", "--topic", "Forced labour indicators for buyers", "--date", "2026-03-05",
                  "--participants", "18", "--audience", "staff", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("participants")).toInt(), 18);
    r = run({"trainings", "add", "--topic", "Employer Pays Principle", "--date", "2026-03-06", "--participants", "5",
             "--audience", "suppliers", "--supplier", m_supplier});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run({"trainings", "list", "--json"});
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2);
    r = run({"trainings", "list", "--supplier", m_supplier, "--json"});
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
}

void TestCliActions::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    QTest::addRow("no subcommand") << QStringList{"actions"} << 2 << "needs a command";
    QTest::addRow("unknown subcommand") << QStringList{"fees", "remove"} << 2 << "";
    QTest::addRow("add without description")
        << QStringList{"actions", "add", "--supplier", "SUPPLIER"} << 2 << "--description";
    QTest::addRow("not a date") << QStringList{"actions",       "add", "--supplier", "SUPPLIER",
                                               "--description", "x",   "--due",      "31/12/2026"}
                                << 2 << "--due";
    QTest::addRow("due before opened") << QStringList{"actions", "add",      "--supplier", "SUPPLIER", "--description",
                                                      "x",       "--opened", "2026-05-01", "--due",    "2026-04-01"}
                                       << 1 << "due_on";
    QTest::addRow("unknown indicator") << QStringList{"actions",       "add", "--supplier",  "SUPPLIER",
                                                      "--description", "x",   "--indicator", "no_such_indicator"}
                                       << 2 << "unknown indicator";
    QTest::addRow("unknown supplier") << QStringList{"actions",       "add",
                                                     "--supplier",    "00000000-0000-4000-8000-000000000000",
                                                     "--description", "x"}
                                      << 1 << "supplier";
    QTest::addRow("close with an open status")
        << QStringList{"actions", "close", "x", "--status", "open"} << 2 << "--status";
    QTest::addRow("close an unknown action")
        << QStringList{"actions", "close", "00000000-0000-4000-8000-000000000000"} << 1 << "no corrective action";
    QTest::addRow("bad status filter") << QStringList{"actions", "list", "--status", "done"} << 2 << "--status";
    QTest::addRow("grouped amount refused") << QStringList{"fees",  "add",        "--supplier", "SUPPLIER",  "--paid",
                                                           "1,200", "--currency", "THB",        "--workers", "2"}
                                            << 2 << "--paid";
    QTest::addRow("negative amount") << QStringList{"fees", "add",        "--supplier", "SUPPLIER",  "--paid",
                                                    "-5",   "--currency", "THB",        "--workers", "2"}
                                     << 1 << "paid_amount";
    QTest::addRow("reimbursed above paid")
        << QStringList{"fees",         "add", "--supplier", "SUPPLIER", "--paid",    "100",
                       "--reimbursed", "150", "--currency", "THB",      "--workers", "2"}
        << 1 << "reimbursed_amount";
    QTest::addRow("not ISO 4217") << QStringList{"fees", "add",        "--supplier", "SUPPLIER",  "--paid",
                                                 "100",  "--currency", "BAHT",       "--workers", "2"}
                                  << 1 << "currency";
    QTest::addRow("no group, no count") << QStringList{"fees",   "add", "--supplier", "SUPPLIER",
                                                       "--paid", "100", "--currency", "THB"}
                                        << 1 << "workers";
    QTest::addRow("a worker's ID as the group")
        << QStringList{"fees", "add",        "--supplier", "SUPPLIER", "--paid",
                       "100",  "--currency", "THB",        "--group",  "MB1234567"}
        << 1 << "worker_group";
    QTest::addRow("bad corridor") << QStringList{"fees",       "add", "--supplier", "SUPPLIER", "--paid",     "100",
                                                 "--currency", "THB", "--workers",  "2",        "--corridor", "MM-TH"}
                                  << 2 << "--corridor";
    QTest::addRow("training audience") << QStringList{"trainings",  "add",        "--topic",        "x",
                                                      "--date",     "2026-01-01", "--participants", "3",
                                                      "--audience", "workers"}
                                       << 2 << "--audience";
    QTest::addRow("training participants")
        << QStringList{"trainings",      "add", "--topic",    "x",    "--date", "2026-01-01",
                       "--participants", "-3",  "--audience", "staff"}
        << 1 << "participants";
}

void TestCliActions::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);
    args.replaceInStrings(QStringLiteral("SUPPLIER"), m_supplier);
    const auto before = run({"actions", "list", "--json"});
    const auto r = run(args);
    QVERIFY2(r.exitCode == exitCode, qPrintable(QString::number(r.exitCode) + ": " + QString::fromUtf8(r.err)));
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrHas), r.err.constData());
    // A refused command changes nothing.
    QCOMPARE(run({"actions", "list", "--json"}).out, before.out);
}

QTEST_GUILESS_MAIN(TestCliActions)
#include "tst_cliactions.moc"
