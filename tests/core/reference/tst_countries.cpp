#include "reference/countries.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using vigil::Countries;

class TestCountries : public QObject
{
    Q_OBJECT
private slots:
    void everyIsoEntryResolves_data();
    void everyIsoEntryResolves();
    void aliases_data();
    void aliases();
    void unknown_data();
    void unknown();
    void displayNames();
};

void TestCountries::everyIsoEntryResolves_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    // The system's iso-codes file, read independently of the bundled copy.
    QFile f(QStringLiteral("/usr/share/iso-codes/json/iso_3166-1.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray all = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("3166-1")).toArray();
    QVERIFY(all.size() >= 249);
    for (const QJsonValue& v : all) {
        const QJsonObject o = v.toObject();
        const QString code = o.value(QStringLiteral("alpha_2")).toString();
        for (const char* key : {"alpha_2", "alpha_3", "numeric", "name", "official_name", "common_name"}) {
            const QString text = o.value(QLatin1String(key)).toString();
            if (!text.isEmpty())
                QTest::addRow("%s %s", qPrintable(code), key) << text << code;
        }
        QTest::addRow("%s lowercase name", qPrintable(code))
            << o.value(QStringLiteral("name")).toString().toLower() << code;
    }
}

void TestCountries::everyIsoEntryResolves()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const auto got = Countries::instance().resolve(text);
    QVERIFY2(got.has_value(), qPrintable(text));
    QCOMPARE(*got, code);
}

void TestCountries::aliases_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addRow("People's Republic of China") << QStringLiteral("People's Republic of China") << QStringLiteral("CN");
    QTest::addRow("PRC") << QStringLiteral("PRC") << QStringLiteral("CN");
    QTest::addRow("Viet Nam") << QStringLiteral("Viet Nam") << QStringLiteral("VN");
    QTest::addRow("Vietnam") << QStringLiteral("Vietnam") << QStringLiteral("VN");
    QTest::addRow("Burma") << QStringLiteral("Burma") << QStringLiteral("MM");
    QTest::addRow("Myanmar") << QStringLiteral("Myanmar") << QStringLiteral("MM");
    QTest::addRow("Türkiye") << QStringLiteral("Türkiye") << QStringLiteral("TR");
    QTest::addRow("Turkey") << QStringLiteral("Turkey") << QStringLiteral("TR");
    QTest::addRow("Korea, Republic of") << QStringLiteral("Korea, Republic of") << QStringLiteral("KR");
    QTest::addRow("South Korea") << QStringLiteral("South Korea") << QStringLiteral("KR");
    QTest::addRow("North Korea") << QStringLiteral("North Korea") << QStringLiteral("KP");
    QTest::addRow("UK") << QStringLiteral("UK") << QStringLiteral("GB");
    QTest::addRow("United Kingdom") << QStringLiteral("United Kingdom") << QStringLiteral("GB");
    QTest::addRow("Great Britain") << QStringLiteral("Great Britain") << QStringLiteral("GB");
    QTest::addRow("USA") << QStringLiteral("USA") << QStringLiteral("US");
    QTest::addRow("U.S.A.") << QStringLiteral("U.S.A.") << QStringLiteral("US");
    QTest::addRow("United States of America") << QStringLiteral("United States of America") << QStringLiteral("US");
    QTest::addRow("Cote d'Ivoire") << QStringLiteral("Cote d'Ivoire") << QStringLiteral("CI");
    QTest::addRow("Côte d’Ivoire typographic") << QStringLiteral("Côte d’Ivoire") << QStringLiteral("CI");
    QTest::addRow("Ivory Coast") << QStringLiteral("Ivory Coast") << QStringLiteral("CI");
    QTest::addRow("ILAB DRC") << QStringLiteral("Congo, Democratic Republic of the") << QStringLiteral("CD");
    QTest::addRow("ILAB Republic of Congo") << QStringLiteral("Congo, Republic of the") << QStringLiteral("CG");
    QTest::addRow("Laos") << QStringLiteral("Laos") << QStringLiteral("LA");
    QTest::addRow("Russia") << QStringLiteral("Russia") << QStringLiteral("RU");
    QTest::addRow("Taiwan") << QStringLiteral("Taiwan") << QStringLiteral("TW");
    QTest::addRow("Hong Kong SAR") << QStringLiteral("Hong Kong SAR, China") << QStringLiteral("HK");
    QTest::addRow("Swaziland (former name)") << QStringLiteral("Swaziland") << QStringLiteral("SZ");
    QTest::addRow("The Gambia") << QStringLiteral("The Gambia") << QStringLiteral("GM");
    QTest::addRow("spacing and case") << QStringLiteral("  viet   NAM ") << QStringLiteral("VN");
    QTest::addRow("alpha-3 lower case") << QStringLiteral("tha") << QStringLiteral("TH");
    QTest::addRow("alpha-2 lower case") << QStringLiteral("bd") << QStringLiteral("BD");
    QTest::addRow("numeric") << QStringLiteral("764") << QStringLiteral("TH");
    QTest::addRow("Kosovo (XK, user-assigned)") << QStringLiteral("Kosovo") << QStringLiteral("XK");
}

void TestCountries::aliases()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const auto got = Countries::instance().resolve(text);
    QVERIFY2(got.has_value(), qPrintable(text));
    QCOMPARE(*got, code);
}

void TestCountries::unknown_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("empty") << QString();
    QTest::addRow("spaces") << QStringLiteral("   ");
    QTest::addRow("fiction") << QStringLiteral("Narnia");
    QTest::addRow("unassigned code") << QStringLiteral("XX");
    QTest::addRow("punctuation only") << QStringLiteral("--");
    QTest::addRow("a city, not a country") << QStringLiteral("Bangkok");
}

void TestCountries::unknown()
{
    QFETCH(QString, text);
    QVERIFY(!Countries::instance().resolve(text).has_value());
}

void TestCountries::displayNames()
{
    const Countries& c = Countries::instance();
    QCOMPARE(c.name(QStringLiteral("KR")), QStringLiteral("South Korea"));
    QCOMPARE(c.name(QStringLiteral("TH")), QStringLiteral("Thailand"));
    QCOMPARE(c.name(QStringLiteral("ZZ")), QStringLiteral("ZZ"));
    QVERIFY(c.isCode(QStringLiteral("MM")));
    QVERIFY(!c.isCode(QStringLiteral("mm")));
    QCOMPARE(c.codes().size(), c.entries().size());
}

QTEST_GUILESS_MAIN(TestCountries)
#include "tst_countries.moc"
