#include "importer/normalize.h"

#include <QTest>

using namespace vigil;

using OptInt = std::optional<int>;
Q_DECLARE_METATYPE(OptInt)

class TestNormalize : public QObject
{
    Q_OBJECT
private slots:
    void workers_data();
    void workers();
    void workerMessagesAndNotes();
    void share_data();
    void share();
    void amount_data();
    void amount();
    void date_data();
    void date();
    void country_data();
    void country();
    void text_data();
    void text();
    void list_data();
    void list();
    void tierAndStatus();
    void looksLikeAddress_data();
    void looksLikeAddress();
    void contradictingCountry_data();
    void contradictingCountry();
};

void TestNormalize::workers_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<OptInt>("min");
    QTest::addColumn<OptInt>("max");
    const OptInt none;
    QTest::addRow("plain") << "300" << true << OptInt(300) << OptInt(300);
    QTest::addRow("comma thousands") << "1,200" << true << OptInt(1200) << OptInt(1200);
    QTest::addRow("space thousands") << "1 200" << true << OptInt(1200) << OptInt(1200);
    QTest::addRow("no-break space thousands") << QString("1\u00a0200") << true << OptInt(1200) << OptInt(1200);
    QTest::addRow("dot thousands") << "1.200" << true << OptInt(1200) << OptInt(1200);
    QTest::addRow("range") << "1000-5000" << true << OptInt(1000) << OptInt(5000);
    QTest::addRow("range with spaces and en dash") << "1,000 – 5,000" << true << OptInt(1000) << OptInt(5000);
    QTest::addRow("range with 'to'") << "100 to 500" << true << OptInt(100) << OptInt(500);
    QTest::addRow("less than") << "<1000" << true << none << OptInt(999);
    QTest::addRow("at most") << "≤1000" << true << none << OptInt(1000);
    QTest::addRow("more than") << ">500" << true << OptInt(501) << none;
    QTest::addRow("plus") << "500+" << true << OptInt(500) << none;
    QTest::addRow("approx.") << "approx. 300" << true << OptInt(300) << OptInt(300);
    QTest::addRow("tilde") << "~300" << true << OptInt(300) << OptInt(300);
    QTest::addRow("about, with unit") << "about 300 workers" << true << OptInt(300) << OptInt(300);
    QTest::addRow("k suffix") << "1.5k" << true << OptInt(1500) << OptInt(1500);
    QTest::addRow("stray whitespace") << "  250 " << true << OptInt(250) << OptInt(250);
    QTest::addRow("empty is no value") << "" << true << none << none;
    QTest::addRow("words") << "lots" << false << none << none;
    QTest::addRow("fraction") << "12.5" << false << none << none;
    QTest::addRow("reversed range") << "5000-1000" << false << none << none;
    QTest::addRow("negative") << "-5" << false << none << none;
}

void TestNormalize::workers()
{
    QFETCH(QString, cell);
    QFETCH(bool, ok);
    QFETCH(OptInt, min);
    QFETCH(OptInt, max);
    const auto p = normalize::workers(cell);
    QCOMPARE(p.ok(), ok);
    if (!ok) {
        QVERIFY(!p.message.isEmpty());
        return;
    }
    QCOMPARE(p.value.has_value(), min.has_value() || max.has_value());
    if (p.value) {
        QCOMPARE(p.value->min, min);
        QCOMPARE(p.value->max, max);
    }
}

void TestNormalize::workerMessagesAndNotes()
{
    // A range that runs backwards, read by the fast path (ASCII digits) and by the patterns (words): the same message.
    for (const QString& cell : {QStringLiteral("5000-1000"), QStringLiteral("5,000 to 1,000")}) {
        const auto p = normalize::workers(cell);
        QVERIFY(!p.ok());
        QCOMPARE(p.message, QStringLiteral("the range \"%1\" ends below where it starts").arg(cell));
    }
    // An approximate range: the note gives the number read, on both paths.
    for (const QString& cell : {QStringLiteral("approx. 1000-5000"), QStringLiteral("about 1,000 to 5,000")}) {
        const auto p = normalize::workers(cell);
        QVERIFY2(p.ok(), qPrintable(p.message));
        QCOMPARE(p.value->min, OptInt(1000));
        QCOMPARE(p.value->max, OptInt(5000));
        QCOMPARE(p.note, QStringLiteral("approximate number of workers read as 1000"));
    }
    // An approximate cell that is not a number: the message, and no note.
    const auto bad = normalize::workers(QStringLiteral("approx. 10x-20"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.message,
             QStringLiteral("\"approx. 10x-20\" is not a number of workers (write 1200, 1000-5000, <1000 or >500)"));
    QVERIFY(bad.note.isEmpty());
}

void TestNormalize::share_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::addRow("percent sign") << "35%" << true << 0.35;
    QTest::addRow("percent sign with space") << "35 %" << true << 0.35;
    QTest::addRow("fraction") << "0.35" << true << 0.35;
    QTest::addRow("bare percentage") << "35" << true << 0.35;
    QTest::addRow("decimal comma") << "35,5%" << true << 0.355;
    QTest::addRow("one is all") << "1" << true << 1.0;
    QTest::addRow("zero") << "0" << true << 0.0;
    QTest::addRow("100 percent") << "100%" << true << 1.0;
    QTest::addRow("over 100") << "150" << false << 0.0;
    QTest::addRow("negative") << "-3%" << false << 0.0;
    QTest::addRow("text") << "many" << false << 0.0;
}

void TestNormalize::share()
{
    QFETCH(QString, cell);
    QFETCH(bool, ok);
    QFETCH(double, value);
    const auto p = normalize::share(cell);
    QCOMPARE(p.ok(), ok);
    if (ok)
        QVERIFY(qAbs(*p.value - value) < 1e-12);
}

void TestNormalize::amount_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("currency");
    QTest::addRow("grouped with decimals") << "1,200,000.50" << 1200000.5 << "";
    QTest::addRow("European") << "1.200.000,50" << 1200000.5 << "";
    QTest::addRow("dollar sign") << "$1,200" << 1200.0 << "USD";
    QTest::addRow("code first") << "USD 1200" << 1200.0 << "USD";
    QTest::addRow("euro after") << "1 200 €" << 1200.0 << "EUR";
    QTest::addRow("three decimals stay decimals") << "1234.567" << 1234.567 << "";
}

void TestNormalize::amount()
{
    QFETCH(QString, cell);
    QFETCH(double, value);
    QFETCH(QString, currency);
    QString cur;
    const auto p = normalize::amount(cell, &cur);
    QVERIFY2(p.ok(), qPrintable(p.message));
    QCOMPARE(*p.value, value);
    QCOMPARE(cur, currency);
}

void TestNormalize::date_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QDate>("value");
    QTest::addColumn<bool>("ambiguous");
    QTest::addRow("ISO") << "2024-03-12" << QDate(2024, 3, 12) << false;
    QTest::addRow("ISO with time") << "2024-03-12T10:00:00" << QDate(2024, 3, 12) << false;
    QTest::addRow("slashes year first") << "2024/03/12" << QDate(2024, 3, 12) << false;
    QTest::addRow("compact") << "20240312" << QDate(2024, 3, 12) << false;
    QTest::addRow("day first, unambiguous") << "25/12/2024" << QDate(2024, 12, 25) << false;
    QTest::addRow("month first, unambiguous") << "12/25/2024" << QDate(2024, 12, 25) << false;
    QTest::addRow("ambiguous read day first") << "03/04/2024" << QDate(2024, 4, 3) << true;
    QTest::addRow("dots") << "12.03.2024" << QDate(2024, 3, 12) << true;
    QTest::addRow("month name") << "12 Mar 2024" << QDate(2024, 3, 12) << false;
    QTest::addRow("US long") << "March 12, 2024" << QDate(2024, 3, 12) << false;
    QTest::addRow("two-digit year") << "25/12/24" << QDate(2024, 12, 25) << false;
}

void TestNormalize::date()
{
    QFETCH(QString, cell);
    QFETCH(QDate, value);
    QFETCH(bool, ambiguous);
    const auto p = normalize::date(cell);
    QVERIFY2(p.ok(), qPrintable(p.message));
    QCOMPARE(*p.value, value);
    QCOMPARE(!p.note.isEmpty(), ambiguous);
    QVERIFY(!normalize::date(QStringLiteral("31/31/2024")).ok());
    QVERIFY(!normalize::date(QStringLiteral("soon")).ok());
}

void TestNormalize::country_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("code");
    QTest::addRow("People's Republic of China") << "People's Republic of China"
                                                << "CN";
    QTest::addRow("China (mainland)") << "China (mainland)"
                                      << "CN";
    QTest::addRow("Viet Nam") << "Viet Nam"
                              << "VN";
    QTest::addRow("Burma") << "Burma"
                           << "MM";
    QTest::addRow("alpha-3") << "THA"
                             << "TH";
    QTest::addRow("lower-case alpha-2") << "bd"
                                        << "BD";
    QTest::addRow("stray whitespace") << "  Malaysia "
                                      << "MY";
    QTest::addRow("unknown") << "Atlantis"
                             << "";
}

void TestNormalize::country()
{
    QFETCH(QString, cell);
    QFETCH(QString, code);
    const auto p = normalize::country(cell);
    QCOMPARE(p.ok(), !code.isEmpty());
    if (p.ok())
        QCOMPARE(*p.value, code);
    else
        QVERIFY(p.message.contains(QStringLiteral("Atlantis")));
}

void TestNormalize::text_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("expected");
    QTest::addRow("trims and collapses") << "  Siam \t Garment  "
                                         << "Siam Garment";
    QTest::addRow("no-break and zero-width spaces") << QString("Siam\u00a0Garment\u200b") << "Siam Garment";
    QTest::addRow("Thai marks kept") << "บริษัท สยาม"
                                     << "บริษัท สยาม";
}

void TestNormalize::text()
{
    QFETCH(QString, cell);
    QFETCH(QString, expected);
    QCOMPARE(normalize::text(cell), expected);
    QCOMPARE(normalize::multilineText(QStringLiteral(" 99 Moo 4 \r\n\r\n Bangkok ")),
             QStringLiteral("99 Moo 4\nBangkok"));
}

void TestNormalize::list_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("pipes") << "fish | shrimp" << QStringList{"fish", "shrimp"};
    QTest::addRow("semicolons") << "fish; shrimp;" << QStringList{"fish", "shrimp"};
    QTest::addRow("pipes win over semicolons") << "a; b | c" << QStringList{"a; b", "c"};
    QTest::addRow("repeats dropped") << "fish|fish" << QStringList{"fish"};
    QTest::addRow("one item with a trailing pipe") << "a; b |" << QStringList{"a; b"};
}

void TestNormalize::list()
{
    QFETCH(QString, cell);
    QFETCH(QStringList, expected);
    QCOMPARE(normalize::list(cell), expected);
}

void TestNormalize::tierAndStatus()
{
    QCOMPARE(*normalize::tier(QStringLiteral("Tier 2")).value, 2);
    QCOMPARE(*normalize::tier(QStringLiteral("T3")).value, 3);
    QVERIFY(!normalize::tier(QStringLiteral("12")).ok());
    QVERIFY(*normalize::status(QStringLiteral("Inactive")).value == SupplierStatus::Exited);
    QVERIFY(*normalize::status(QStringLiteral("on hold")).value == SupplierStatus::Suspended);
    QVERIFY(!normalize::status(QStringLiteral("maybe")).ok());
    QCOMPARE(*normalize::boolean(QStringLiteral("TRUE")).value, true);
}

void TestNormalize::looksLikeAddress_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("address");
    QTest::addRow("street address") << "123 Nguyen Trai Street, District 1" << true;
    QTest::addRow("many commas") << "Lot 5, Block B, Zone 3, Binh Duong" << true;
    QTest::addRow("soi with number") << "Soi Sukhumvit 21, Bangkok 10110" << true;
    QTest::addRow("company name") << "Siam Garment Co., Ltd" << false;
    QTest::addRow("name with a number") << "Factory No. 2" << false;
}

void TestNormalize::looksLikeAddress()
{
    QFETCH(QString, name);
    QFETCH(bool, address);
    QCOMPARE(normalize::looksLikeAddress(name), address);
}

void TestNormalize::contradictingCountry_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("other");
    QTest::addRow("agrees") << "99 Moo 4, Bangkok, Thailand"
                            << "TH"
                            << "";
    QTest::addRow("contradicts") << "12 Jalan Ampang, Kuala Lumpur, Malaysia"
                                 << "TH"
                                 << "MY";
    QTest::addRow("postcode after the country") << "Dhaka 1212, Bangladesh 1212"
                                                << "VN"
                                                << "BD";
    QTest::addRow("no country named") << "Lot 4, Tan Binh"
                                      << "VN"
                                      << "";
    QTest::addRow("US state code is not India") << "Chicago, IN"
                                                << "US"
                                                << "";
}

void TestNormalize::contradictingCountry()
{
    QFETCH(QString, address);
    QFETCH(QString, country);
    QFETCH(QString, other);
    QCOMPARE(normalize::contradictingCountry(address, country), other);
}

QTEST_GUILESS_MAIN(TestNormalize)
#include "tst_normalize.moc"
