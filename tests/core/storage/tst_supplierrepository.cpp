#include "storage/changelog.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestSupplierRepository : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void addAndReadBack();
    void saveLogsEachField();
    void saveChildren();
    void removeAndRestore();
    void refusesInvalid_data();
    void refusesInvalid();
    void filters_data();
    void filters();
    void searchAnyScript_data();
    void searchAnyScript();
    void searchIsLiteral();
    void sortingAndPaging();
    void distinctValues();

private:
    QString addSupplier(const QString& name, const QString& country, const QString& sector = {}, int tier = 1,
                        const QStringList& tags = {}, const QStringList& otherNames = {});
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SupplierRepository> m_repo;
};

void TestSupplierRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("repo.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY(db.ok());
    m_db = std::move(db.value());
    m_repo = std::make_unique<SupplierRepository>(*m_db);
    m_repo->setActor(QStringLiteral("tester"));
}

void TestSupplierRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_dir.reset();
}

QString TestSupplierRepository::addSupplier(const QString& name, const QString& country, const QString& sector,
                                            int tier, const QStringList& tags, const QStringList& otherNames)
{
    SupplierRecord rec;
    rec.supplier.id = newUuid();
    rec.supplier.name = name;
    rec.supplier.country = country;
    rec.supplier.sector = sector;
    rec.supplier.tier = tier;
    rec.supplier.tags = tags;
    rec.supplier.otherNames = otherNames;
    const Status st = m_repo->add(rec);
    if (!st.ok())
        qWarning() << st.error().toString() << st.error().detail;
    return st.ok() ? rec.supplier.id : QString();
}

static SupplierRecord fullRecord(const QString& recruiterId)
{
    SupplierRecord rec;
    Supplier& s = rec.supplier;
    s.id = newUuid();
    s.name = QStringLiteral("บริษัท สยามซีฟู้ด จำกัด");
    s.otherNames = {QStringLiteral("Siam Seafood Co., Ltd."), QStringLiteral("สยามซีฟู้ด")};
    s.country = QStringLiteral("TH");
    s.address = QStringLiteral("99/1 Moo 2, Mahachai, Samut Sakhon 74000");
    s.sector = QStringLiteral("Fishing and aquaculture");
    s.products = {QStringLiteral("Shrimp"), QStringLiteral("Fish")};
    s.tier = 1;
    s.annualSpend = 1250000.5;
    s.currency = QStringLiteral("USD");
    s.workersMin = 1000;
    s.workersMax = 5000;
    s.migrantShare = 0.62;
    s.femaleShare = 0.48;
    s.status = SupplierStatus::Active;
    s.tags = {QStringLiteral("seafood"), QStringLiteral("high-priority")};
    rec.sites.append({newUuid(), s.id, QStringLiteral("Processing plant 1"), SiteType::ProcessingPlant,
                      QStringLiteral("Mahachai"), QStringLiteral("TH"), 800});
    rec.sites.append({newUuid(), s.id, QStringLiteral("Dormitory"), SiteType::Dormitory, QString(),
                      QStringLiteral("TH"), std::nullopt});
    rec.identifiers.append({IdentifierScheme::VendorId, QStringLiteral("V-00123")});
    rec.identifiers.append({IdentifierScheme::OsId, QStringLiteral("TH2024123ABCDEF")});
    RecruiterLink link;
    link.recruiterId = recruiterId;
    link.originCountry = QStringLiteral("MM");
    link.destinationCountry = QStringLiteral("TH");
    link.workersRecruited = 300;
    link.since = QStringLiteral("2021-03-01");
    rec.recruiters.append(link);
    return rec;
}

void TestSupplierRepository::addAndReadBack()
{
    Recruiter r;
    r.id = newUuid();
    r.name = QStringLiteral("Golden Land Manpower");
    r.country = QStringLiteral("MM");
    r.licenceStatus = LicenceStatus::Unlicensed;
    QVERIFY(m_repo->saveRecruiter(r).ok());
    const SupplierRecord rec = fullRecord(r.id);
    const Status st = m_repo->add(rec);
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString() + st.error().detail));
    auto back = m_repo->record(rec.supplier.id);
    QVERIFY(back.ok());
    QVERIFY(diff(back->supplier, rec.supplier).isEmpty());
    QCOMPARE(back->sites, rec.sites);
    QCOMPARE(back->identifiers.size(), 2);
    QVERIFY(back->identifiers.contains(rec.identifiers.at(0)));
    QCOMPARE(back->recruiters.size(), 1);
    QCOMPARE(back->recruiters.first(), rec.recruiters.first());
    QCOMPARE(back->recruiters.first().recruiterName, r.name);
    QVERIFY(back->supplier.createdAt.isValid());
    auto log = ChangeLog(m_db->db()).forEntity(rec.supplier.id);
    QVERIFY(log.ok());
    // create + 2 sites + 2 identifiers + 1 recruiter link
    QCOMPARE(log->size(), 6);
    QCOMPARE(log->last().action, QStringLiteral("create"));
    QCOMPARE(log->last().who, QStringLiteral("tester"));
    QVERIFY(m_repo->recruiter(r.id).value().licenceStatus == LicenceStatus::Unlicensed);
}

void TestSupplierRepository::saveLogsEachField()
{
    const QString id = addSupplier(QStringLiteral("Dhaka Knitwear Ltd"), QStringLiteral("BD"));
    QVERIFY(!id.isEmpty());
    auto rec = m_repo->record(id);
    QVERIFY(rec.ok());
    SupplierRecord edited = rec.value();
    edited.supplier.name = QStringLiteral("ঢাকা নিটওয়্যার লিমিটেড");
    edited.supplier.tier = 2;
    edited.supplier.migrantShare = 0.05;
    QVERIFY(m_repo->save(edited, QStringLiteral("batch-1")).ok());
    auto log = ChangeLog(m_db->db()).forEntity(id);
    QVERIFY(log.ok());
    QStringList fields;
    for (const ChangeEntry& e : log.value())
        if (e.batch == QLatin1String("batch-1"))
            fields << e.field;
    fields.sort();
    QCOMPARE(fields, (QStringList{QStringLiteral("migrant_share"), QStringLiteral("name"), QStringLiteral("tier")}));
    const ChangeEntry nameChange = *std::find_if(log->begin(), log->end(),
                                                 [](const ChangeEntry& e) { return e.field == QLatin1String("name"); });
    QCOMPARE(nameChange.oldValue, QStringLiteral("Dhaka Knitwear Ltd"));
    QCOMPARE(nameChange.newValue, QStringLiteral("ঢাকা নিটওয়্যার লিমিটেড"));
    // Saving the same record again changes nothing and logs nothing.
    const qint64 before = ChangeLog(m_db->db()).count().value();
    QVERIFY(m_repo->save(edited).ok());
    QCOMPARE(ChangeLog(m_db->db()).count().value(), before);
    // The new name is what search finds; the old one is gone from the index.
    SupplierFilter f;
    f.search = QStringLiteral("নিটওয়্যার");
    QCOMPARE(m_repo->count(f).value(), 1);
    f.search = QStringLiteral("Knitwear");
    QCOMPARE(m_repo->count(f).value(), 0);
}

void TestSupplierRepository::saveChildren()
{
    Recruiter r;
    r.id = newUuid();
    r.name = QStringLiteral("Kathmandu Overseas");
    QVERIFY(m_repo->saveRecruiter(r).ok());
    SupplierRecord rec = fullRecord(r.id);
    QVERIFY(m_repo->add(rec).ok());
    rec.sites.removeFirst();
    rec.identifiers.append({IdentifierScheme::Duns, QStringLiteral("123456789")});
    rec.recruiters.clear();
    QVERIFY(m_repo->save(rec).ok());
    auto back = m_repo->record(rec.supplier.id);
    QCOMPARE(back->sites.size(), 1);
    QCOMPARE(back->identifiers.size(), 3);
    QVERIFY(back->recruiters.isEmpty());
    auto log = ChangeLog(m_db->db()).forEntity(rec.supplier.id, 3);
    QSet<QString> actions;
    for (const ChangeEntry& e : log.value())
        actions.insert(e.entity + QLatin1Char('/') + e.action);
    QCOMPARE(actions,
             (QSet<QString>{QStringLiteral("site/delete"), QStringLiteral("identifier/create"),
                            QStringLiteral("recruiter_link/delete")}));
}

void TestSupplierRepository::removeAndRestore()
{
    Recruiter r;
    r.id = newUuid();
    r.name = QStringLiteral("Phnom Penh Labour Services");
    QVERIFY(m_repo->saveRecruiter(r).ok());
    const SupplierRecord rec = fullRecord(r.id);
    QVERIFY(m_repo->add(rec).ok());
    QVERIFY(m_repo->remove(rec.supplier.id).ok());
    QVERIFY(!m_repo->record(rec.supplier.id).ok());
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM sites) + (SELECT count(*) FROM identifiers) + "
                                  "(SELECT count(*) FROM supplier_recruiters) + (SELECT count(*) FROM supplier_tags) "
                                  "+ (SELECT count(*) FROM supplier_search)")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    // Undo of a delete: the same record with the same ids comes back whole.
    QVERIFY(m_repo->add(rec).ok());
    auto back = m_repo->record(rec.supplier.id);
    QVERIFY(back.ok());
    QCOMPARE(back->sites, rec.sites);
    QCOMPARE(back->recruiters.size(), 1);
    SupplierFilter f;
    f.tag = QStringLiteral("seafood");
    QCOMPARE(m_repo->count(f).value(), 1);
}

void TestSupplierRepository::refusesInvalid_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("country");
    QTest::addColumn<int>("tier");
    QTest::addColumn<QString>("field");
    QTest::addRow("empty name") << QString() << QStringLiteral("TH") << 1 << QStringLiteral("name");
    QTest::addRow("blank name") << QStringLiteral("   ") << QStringLiteral("TH") << 1 << QStringLiteral("name");
    QTest::addRow("unknown country") << QStringLiteral("Acme") << QStringLiteral("XX") << 1
                                     << QStringLiteral("country");
    QTest::addRow("no country") << QStringLiteral("Acme") << QString() << 1 << QStringLiteral("country");
    QTest::addRow("tier zero") << QStringLiteral("Acme") << QStringLiteral("TH") << 0 << QStringLiteral("tier");
}

void TestSupplierRepository::refusesInvalid()
{
    QFETCH(QString, name);
    QFETCH(QString, country);
    QFETCH(int, tier);
    QFETCH(QString, field);
    SupplierRecord rec;
    rec.supplier.name = name;
    rec.supplier.country = country;
    rec.supplier.tier = tier;
    const Status st = m_repo->add(rec);
    QVERIFY(!st.ok());
    QCOMPARE(st.error().field, field);
    QVERIFY(!st.error().message.isEmpty());
    QCOMPARE(m_repo->count().value(), 0);
}

void TestSupplierRepository::filters_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("sector");
    QTest::addColumn<int>("tier");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<int>("expected");
    QTest::addRow("no filter") << QString() << QString() << 0 << QString() << 5;
    QTest::addRow("country TH") << QStringLiteral("TH") << QString() << 0 << QString() << 2;
    QTest::addRow("sector") << QString() << QStringLiteral("Electronics") << 0 << QString() << 2;
    QTest::addRow("tier 2") << QString() << QString() << 2 << QString() << 1;
    QTest::addRow("tag") << QString() << QString() << 0 << QStringLiteral("migrant") << 3;
    QTest::addRow("country and tag") << QStringLiteral("MY") << QString() << 0 << QStringLiteral("migrant") << 2;
    QTest::addRow("nothing matches") << QStringLiteral("GB") << QString() << 0 << QString() << 0;
}

void TestSupplierRepository::filters()
{
    QFETCH(QString, country);
    QFETCH(QString, sector);
    QFETCH(int, tier);
    QFETCH(QString, tag);
    QFETCH(int, expected);
    const QStringList migrant{QStringLiteral("migrant")};
    QVERIFY(!addSupplier(QStringLiteral("Andaman Seafood"), QStringLiteral("TH"), QStringLiteral("Fishing"), 1, migrant)
                 .isEmpty());
    QVERIFY(!addSupplier(QStringLiteral("Bangkok Cans"), QStringLiteral("TH"), QStringLiteral("Food"), 2).isEmpty());
    QVERIFY(
        !addSupplier(QStringLiteral("Penang Chips"), QStringLiteral("MY"), QStringLiteral("Electronics"), 1, migrant)
             .isEmpty());
    QVERIFY(!addSupplier(QStringLiteral("Klang Gloves"), QStringLiteral("MY"), QStringLiteral("Rubber"), 1, migrant)
                 .isEmpty());
    QVERIFY(!addSupplier(QStringLiteral("Shenzhen Boards"), QStringLiteral("CN"), QStringLiteral("Electronics"), 3)
                 .isEmpty());
    SupplierFilter f;
    f.country = country;
    f.sector = sector;
    if (tier > 0)
        f.tier = tier;
    f.tag = tag;
    QCOMPARE(m_repo->count(f).value(), expected);
    QCOMPARE(m_repo->page(f, SupplierSort::Name, Qt::AscendingOrder, 0, 100).value().size(), expected);
}

void TestSupplierRepository::searchAnyScript_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expectedName");
    QTest::addRow("Thai") << QStringLiteral("ซีฟู้ด") << QStringLiteral("บริษัท ซีฟู้ด มหาชัย จำกัด");
    QTest::addRow("Vietnamese lower case")
        << QStringLiteral("may mặc") << QStringLiteral("Công ty TNHH May Mặc Sài Gòn");
    QTest::addRow("Vietnamese upper case")
        << QStringLiteral("MAY MẶC") << QStringLiteral("Công ty TNHH May Mặc Sài Gòn");
    QTest::addRow("Chinese, two characters") << QStringLiteral("电子") << QStringLiteral("深圳华强电子有限公司");
    QTest::addRow("Chinese, four characters") << QStringLiteral("华强电子") << QStringLiteral("深圳华强电子有限公司");
    QTest::addRow("Burmese") << QStringLiteral("ရွှေ") << QStringLiteral("ရွှေမြန်မာ ငါးလုပ်ငန်း");
    QTest::addRow("Bengali") << QStringLiteral("পোশাক") << QStringLiteral("ঢাকা পোশাক শিল্প লিমিটেড");
    QTest::addRow("Latin, any case") << QStringLiteral("GLOVE") << QStringLiteral("Klang Glove Sdn Bhd");
    QTest::addRow("other name") << QStringLiteral("saigon garment") << QStringLiteral("Công ty TNHH May Mặc Sài Gòn");
    QTest::addRow("full-width digits fold") << QStringLiteral("１２３") << QStringLiteral("Factory 123");
}

void TestSupplierRepository::searchAnyScript()
{
    QFETCH(QString, query);
    QFETCH(QString, expectedName);
    for (const auto& [name, country] :
         QList<QPair<QString, QString>>{{QStringLiteral("บริษัท ซีฟู้ด มหาชัย จำกัด"), QStringLiteral("TH")},
                                        {QStringLiteral("Công ty TNHH May Mặc Sài Gòn"), QStringLiteral("VN")},
                                        {QStringLiteral("深圳华强电子有限公司"), QStringLiteral("CN")},
                                        {QStringLiteral("ရွှေမြန်မာ ငါးလုပ်ငန်း"), QStringLiteral("MM")},
                                        {QStringLiteral("ঢাকা পোশাক শিল্প লিমিটেড"), QStringLiteral("BD")},
                                        {QStringLiteral("Klang Glove Sdn Bhd"), QStringLiteral("MY")},
                                        {QStringLiteral("Factory 123"), QStringLiteral("KH")}}) {
        const QStringList other
            = country == QLatin1String("VN") ? QStringList{QStringLiteral("Saigon Garment Co.")} : QStringList{};
        QVERIFY(!addSupplier(name, country, {}, 1, {}, other).isEmpty());
    }
    SupplierFilter f;
    f.search = query;
    auto rows = m_repo->page(f, SupplierSort::Name, Qt::AscendingOrder, 0, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().name, expectedName); // stored and returned intact
}

void TestSupplierRepository::searchIsLiteral()
{
    QVERIFY(!addSupplier(QStringLiteral("100% Cotton Mills"), QStringLiteral("IN")).isEmpty());
    QVERIFY(!addSupplier(QStringLiteral("1000 Cotton Mills"), QStringLiteral("IN")).isEmpty());
    QVERIFY(!addSupplier(QStringLiteral("A_B Trading"), QStringLiteral("IN")).isEmpty());
    QVERIFY(!addSupplier(QStringLiteral("AXB Trading"), QStringLiteral("IN")).isEmpty());
    SupplierFilter f;
    f.search = QStringLiteral("100%");
    QCOMPARE(m_repo->count(f).value(), 1);
    f.search = QStringLiteral("a_b");
    QCOMPARE(m_repo->count(f).value(), 1);
    f.search = QStringLiteral("'; DROP TABLE suppliers; --");
    QCOMPARE(m_repo->count(f).value(), 0);
    QCOMPARE(m_repo->count().value(), 4);
}

void TestSupplierRepository::sortingAndPaging()
{
    const QStringList names{QStringLiteral("delta"), QStringLiteral("Alpha"), QStringLiteral("charlie"),
                            QStringLiteral("Bravo"), QStringLiteral("echo")};
    for (int i = 0; i < names.size(); ++i)
        QVERIFY(!addSupplier(names.at(i), QStringLiteral("TH"), {}, i + 1).isEmpty());
    auto all = m_repo->page({}, SupplierSort::Name, Qt::AscendingOrder, 0, 10).value();
    QStringList got;
    for (const SupplierRow& r : all)
        got << r.name;
    QCOMPARE(got,
             (QStringList{QStringLiteral("Alpha"), QStringLiteral("Bravo"), QStringLiteral("charlie"),
                          QStringLiteral("delta"), QStringLiteral("echo")}));
    auto page = m_repo->page({}, SupplierSort::Name, Qt::DescendingOrder, 1, 2).value();
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).name, QStringLiteral("delta"));
    QCOMPARE(page.at(1).name, QStringLiteral("charlie"));
    auto byTier = m_repo->page({}, SupplierSort::Tier, Qt::DescendingOrder, 0, 1).value();
    QCOMPARE(byTier.first().name, QStringLiteral("echo"));
    QCOMPARE(m_repo->page({}, SupplierSort::Name, Qt::AscendingOrder, 5, 10).value().size(), 0);
    // "All of them" as a limit allocates for what is there, not for the limit (ASan catches the difference).
    QCOMPARE(m_repo->page({}, SupplierSort::Name, Qt::AscendingOrder, 0, INT_MAX).value().size(), 5);
}

void TestSupplierRepository::distinctValues()
{
    QVERIFY(!addSupplier(QStringLiteral("A"), QStringLiteral("TH"), QStringLiteral("Fishing"), 1,
                         {QStringLiteral("x"), QStringLiteral("y")})
                 .isEmpty());
    QVERIFY(
        !addSupplier(QStringLiteral("B"), QStringLiteral("BD"), QStringLiteral("Garments"), 1, {QStringLiteral("y")})
             .isEmpty());
    QCOMPARE(m_repo->distinctValues(QStringLiteral("country")).value(),
             (QStringList{QStringLiteral("BD"), QStringLiteral("TH")}));
    QCOMPARE(m_repo->distinctValues(QStringLiteral("sector")).value(),
             (QStringList{QStringLiteral("Fishing"), QStringLiteral("Garments")}));
    QCOMPARE(m_repo->distinctValues(QStringLiteral("tag")).value(),
             (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
    QVERIFY(!m_repo->distinctValues(QStringLiteral("bogus")).ok());
}

QTEST_GUILESS_MAIN(TestSupplierRepository)
#include "tst_supplierrepository.moc"
