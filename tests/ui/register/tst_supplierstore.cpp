#include "registerfixture.h"
#include "services/supplierstore.h"
#include "storage/supplierrepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

class TestSupplierStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SupplierStore> m_store;

    SupplierRecord recordWithChildren(const QString& name)
    {
        Recruiter r;
        r.id = QStringLiteral("11111111-2222-3333-4444-555555555555");
        r.name = QStringLiteral("Mekong Manpower");
        r.country = QStringLiteral("MM");
        if (Status st = m_store->database().transaction(
                [&] { return SupplierRepository(m_store->database()).saveRecruiterInTransaction(r, {}); });
            !st)
            qWarning() << st.error().toString();
        SupplierRecord rec;
        rec.supplier = makeSupplier(name, QStringLiteral("TH"), QStringLiteral("Seafood"));
        Site site;
        site.id = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        site.name = QStringLiteral("Mahachai plant");
        site.country = QStringLiteral("TH");
        site.workers = 800;
        rec.sites << site;
        rec.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral("V-001")};
        RecruiterLink link;
        link.recruiterId = r.id;
        link.originCountry = QStringLiteral("MM");
        link.destinationCountry = QStringLiteral("TH");
        link.workersRecruited = 120;
        rec.recruiters << link;
        return rec;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("test.vigil")));
        auto db = makeWorkspace(m_dir, {});
        QVERIFY(db);
        m_store = std::make_unique<SupplierStore>(std::move(db));
    }

    void cleanup() { m_store.reset(); }

    void addEmitsAddedWithTheNewId()
    {
        QSignalSpy added(m_store.get(), &SupplierStore::suppliersAdded);
        QString id;
        SupplierRecord rec;
        rec.supplier = makeSupplier(QStringLiteral("广州纺织有限公司"), QStringLiteral("CN"));
        QVERIFY(m_store->add(rec, &id));
        QVERIFY(!id.isEmpty());
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().toStringList(), QStringList{id});
        QCOMPARE(m_store->record(id)->supplier.name, QStringLiteral("广州纺织有限公司"));
    }

    void invalidAddIsRefusedWithoutSignal()
    {
        QSignalSpy added(m_store.get(), &SupplierStore::suppliersAdded);
        SupplierRecord rec;
        rec.supplier = makeSupplier(QStringLiteral("  "), QStringLiteral("TH"));
        const Status st = m_store->add(rec);
        QVERIFY(!st);
        QCOMPARE(st.error().field, SupplierField::Name);
        QCOMPARE(added.count(), 0);
        QCOMPARE(m_store->repository().count().value(), 0);
    }

    void saveEmitsTheChangedFields()
    {
        SupplierRecord rec = recordWithChildren(QStringLiteral("Siam Seafood"));
        QString id;
        QVERIFY(m_store->add(rec, &id));
        rec.supplier.id = id;
        QSignalSpy changed(m_store.get(), &SupplierStore::suppliersChanged);
        SupplierRecord after = m_store->record(id).value();
        after.supplier.sector = QStringLiteral("Food processing");
        after.identifiers.clear();
        QVERIFY(m_store->save(after));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toStringList(), QStringList{id});
        const QStringList fields = changed.first().at(1).toStringList();
        QVERIFY2(fields.contains(SupplierField::Sector), qPrintable(fields.join(',')));
        QVERIFY(fields.contains(QStringLiteral("identifiers")));
        QVERIFY(!fields.contains(SupplierField::Name));
        QVERIFY(!fields.contains(QStringLiteral("sites")));
        // Saving the same record again changes nothing and says nothing.
        QVERIFY(m_store->save(after));
        QCOMPARE(changed.count(), 1);
    }

    void removeThenRestoreKeepsIdsAndChildren()
    {
        QString id;
        QVERIFY(m_store->add(recordWithChildren(QStringLiteral("Siam Seafood")), &id));
        const SupplierRecord before = m_store->record(id).value();
        QSignalSpy removed(m_store.get(), &SupplierStore::suppliersRemoved);
        QSignalSpy added(m_store.get(), &SupplierStore::suppliersAdded);
        auto deleted = m_store->removeWithChildren({id});
        QVERIFY(deleted);
        QCOMPARE(removed.count(), 1);
        QVERIFY(!m_store->record(id));
        QVERIFY(m_store->restoreWithChildren(deleted.value()));
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().toStringList(), QStringList{id});
        const SupplierRecord after = m_store->record(id).value();
        QCOMPARE(after.supplier.name, before.supplier.name);
        QCOMPARE(after.sites, before.sites);
        QCOMPARE(after.identifiers, before.identifiers);
        QCOMPARE(after.recruiters, before.recruiters);
        // The history tells the whole story: created, deleted, created again.
        const auto history = m_store->history(id);
        QVERIFY(history);
        QStringList actions;
        for (const ChangeEntry& e : history.value())
            if (e.entity == QLatin1String("supplier"))
                actions.prepend(e.action);
        QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("create")}));
    }

    void removeManyIsOneTransactionAndOneSignal()
    {
        QStringList ids;
        for (const QString& name : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}) {
            QString id;
            SupplierRecord rec;
            rec.supplier = makeSupplier(name, QStringLiteral("VN"));
            QVERIFY(m_store->add(rec, &id));
            ids << id;
        }
        QSignalSpy removed(m_store.get(), &SupplierStore::suppliersRemoved);
        QSignalSpy added(m_store.get(), &SupplierStore::suppliersAdded);
        // All or nothing: an unknown id makes the whole removal fail.
        QVERIFY(!m_store->removeWithChildren({ids.at(0), QStringLiteral("00000000-0000-0000-0000-000000000000")}));
        QCOMPARE(m_store->repository().count().value(), 3);
        QCOMPARE(removed.count(), 0);
        auto deleted = m_store->removeWithChildren(ids);
        QVERIFY(deleted);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toStringList(), ids);
        QCOMPARE(m_store->repository().count().value(), 0);
        QVERIFY(m_store->restoreWithChildren(deleted.value()));
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().toStringList(), ids);
        QCOMPARE(m_store->repository().count().value(), 3);
        QCOMPARE(m_store->record(ids.at(1))->supplier.name, QStringLiteral("B"));
    }

    void removeOfUnknownIdFails()
    {
        QSignalSpy removed(m_store.get(), &SupplierStore::suppliersRemoved);
        QVERIFY(!m_store->removeWithChildren({QStringLiteral("00000000-0000-0000-0000-000000000000")}));
        QCOMPARE(removed.count(), 0);
    }

    void nameIsTheFileName() { QCOMPARE(m_store->name(), QStringLiteral("test")); }
};

QTEST_GUILESS_MAIN(TestSupplierStore)
#include "tst_supplierstore.moc"
