#include "importer/matchindex.h"
#include "importer/namematch.h"
#include "util/textkey.h"

#include <QTest>

using namespace vigil;

class TestNameMatch : public QObject
{
    Q_OBJECT
private slots:
    void coreName_data();
    void coreName();
    void similarity_data();
    void similarity();
    void indexOrder();
    void indexSameNameOtherAddress();
    void indexExcluded();
    void indexScales();
};

void TestNameMatch::coreName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("core");
    QTest::addRow("Co., Ltd") << "Siam Garment Co., Ltd."
                              << "siam garment";
    QTest::addRow("Company Limited") << "SIAM GARMENT COMPANY LIMITED"
                                     << "siam garment";
    QTest::addRow("PT ... Tbk") << "PT Sumber Makmur Tbk"
                                << "sumber makmur";
    QTest::addRow("Sdn Bhd") << "Golden Palm Sdn. Bhd."
                             << "golden palm";
    QTest::addRow("Vietnamese Công ty TNHH") << "Công ty TNHH May Việt Tiến"
                                             << "may viet tien";
    QTest::addRow("Vietnamese cổ phần") << "Công ty Cổ phần Thủy sản Minh Phú"
                                        << "thuy san minh phu";
    QTest::addRow("Thai บริษัท ... จำกัด") << "บริษัท สยามการ์เมนท์ จำกัด"
                                        << "สยามการ์เมนท์";
    QTest::addRow("Thai without spaces") << "บริษัทสยามการ์เมนท์จำกัด"
                                         << "สยามการ์เมนท์";
    QTest::addRow("Chinese 有限公司") << "深圳华强电子有限公司"
                                      << "深圳华强电子";
    QTest::addRow("Chinese 股份有限公司") << "浙江纺织股份有限公司"
                                          << "浙江纺织";
    QTest::addRow("Burmese") << "ရွှေမြန်မာ ကုမ္ပဏီ လီမိတက်"
                             << "ရွှေမြန်မာ";
    QTest::addRow("Bengali") << "ঢাকা গার্মেন্টস লিমিটেড"
                             << "ঢাকা গার্মেন্টস";
    QTest::addRow("only a legal form keeps the name") << "Co., Ltd"
                                                      << "co ltd";
    QTest::addRow("legal word inside a name stays") << "Public Fish Market"
                                                    << "fish market";
}

void TestNameMatch::coreName()
{
    QFETCH(QString, name);
    QFETCH(QString, core);
    QCOMPARE(namematch::coreName(name), looseKey(core));
}

void TestNameMatch::similarity_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("band"); // merge, review, new
    QTest::addRow("same after legal forms") << "Siam Garment Co., Ltd"
                                            << "SIAM GARMENT COMPANY LIMITED"
                                            << "merge";
    QTest::addRow("plural") << "Siam Garment Co., Ltd"
                            << "Siam Garments"
                            << "merge";
    QTest::addRow("typo") << "Sumber Makmur"
                          << "Sumbr Makmur"
                          << "merge";
    QTest::addRow("shared first and industry words") << "Blue Ocean Seafood"
                                                     << "Blue Sky Seafood"
                                                     << "review";
    QTest::addRow("same distinctive word, other industry") << "Siam Garment"
                                                           << "Siam Textile Mills"
                                                           << "review";
    QTest::addRow("shared industry word only") << "Longsum Packaging Inc."
                                               << "Phulokor Packaging Co., Ltd"
                                               << "new";
    QTest::addRow("different numbers never merge") << "Garment Factory 1"
                                                   << "Garment Factory 2"
                                                   << "new";
    QTest::addRow("unrelated") << "Golden Palm"
                               << "Blue Ocean Seafood"
                               << "new";
    QTest::addRow("Thai, one letter off") << "บริษัท สยามการ์เมนท์ จำกัด"
                                          << "สยามการ์เมนต์"
                                          << "merge";
}

void TestNameMatch::similarity()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, band);
    const double s = namematch::similarity(namematch::coreName(a), namematch::coreName(b));
    const QString got = s >= namematch::kMergeThreshold ? QStringLiteral("merge")
        : s >= namematch::kReviewThreshold              ? QStringLiteral("review")
                                                        : QStringLiteral("new");
    QVERIFY2(got == band, qPrintable(QStringLiteral("score %1 -> %2").arg(s).arg(got)));
}

static MatchEntry entry(const QString& name, const QString& country, const QString& address, qint64 key)
{
    MatchEntry e;
    e.core = namematch::coreName(name);
    e.country = MatchIndex::packCountry(country);
    e.addressKey = address.isEmpty() ? 0 : MatchIndex::addressKey(address);
    e.rowKey = key;
    return e;
}

void TestNameMatch::indexOrder()
{
    MatchIndex index;
    index.add(entry("Siam Garment Co., Ltd", "TH", "Bangkok", 1), {{IdentifierScheme::VendorId, "V-1"}});
    index.add(entry("Other Name", "TH", "", 2), {{IdentifierScheme::Duns, "12-345-6789"}});
    // An identifier wins over a name.
    MatchQuery q{namematch::coreName("Siam Garment"), "TH", "", {}, {{IdentifierScheme::Duns, "123456789"}}, {}};
    MatchResult r = index.find(q);
    QCOMPARE(toString(r.kind), toString(MatchKind::Identifier));
    QCOMPARE(index.entry(r.entry).rowKey, 2);
    // The exact name in the same country.
    q.identifiers.clear();
    q.core = namematch::coreName("SIAM GARMENT COMPANY LIMITED");
    r = index.find(q);
    QCOMPARE(toString(r.kind), toString(MatchKind::ExactName));
    QCOMPARE(index.entry(r.entry).rowKey, 1);
    // Not in another country.
    q.country = "VN";
    QCOMPARE(toString(index.find(q).kind), toString(MatchKind::None));
}

void TestNameMatch::indexSameNameOtherAddress()
{
    MatchIndex index;
    index.add(entry("Siam Garment", "TH", "Bangkok", 1), {});
    MatchQuery q{namematch::coreName("Siam Garment"), "TH", "Chiang Mai", {}, {}, {}};
    const MatchResult r = index.find(q);
    QCOMPARE(toString(r.kind), toString(MatchKind::Fuzzy));
    QVERIFY(r.score >= namematch::kReviewThreshold && r.score < namematch::kMergeThreshold);
    q.address = "  BANGKOK ";
    QCOMPARE(toString(index.find(q).kind), toString(MatchKind::ExactName));
}

void TestNameMatch::indexExcluded()
{
    MatchIndex index;
    index.add(entry("Siam Garment", "TH", "", 7), {});
    MatchQuery q{namematch::coreName("Siam Garment"), "TH", "", {}, {}, {7}};
    QCOMPARE(toString(index.find(q).kind), toString(MatchKind::None));
}

void TestNameMatch::indexScales()
{
    // 50,000 entries sharing a country and a prefix: each query looks at a bounded number of them.
    MatchIndex index;
    for (int i = 0; i < 50000; ++i)
        index.add(entry(QStringLiteral("Garment Works %1").arg(i), "CN", "", i + 1), {});
    MatchQuery q{namematch::coreName("Garment Works 49999"), "CN", "", {}, {}, {}};
    const MatchResult r = index.find(q);
    QCOMPARE(toString(r.kind), toString(MatchKind::ExactName));
    QCOMPARE(index.entry(r.entry).rowKey, 50000);
}

QTEST_GUILESS_MAIN(TestNameMatch)
#include "tst_namematch.moc"
