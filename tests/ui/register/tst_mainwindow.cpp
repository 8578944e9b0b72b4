#include "dashboard/dashboardview.h"
#include "dialogs/recruiterlinkdialog.h"
#include "dialogs/supplierdialog.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigation.h"
#include "mainwindow/recentfiles.h"
#include "models/suppliertablemodel.h"
#include "registerfixture.h"
#include "services/supplierstore.h"
#include "storage/supplierrepository.h"
#include "views/supplierdetailview.h"
#include "views/supplierfilterbar.h"
#include "views/supplierregisterview.h"
#include "views/supplierspage.h"
#include "widgets/filedialog.h"
#include "widgets/messagebox.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using namespace vigil::test;
using namespace vigil::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_path;

    QAction* action(const char* name) { return m_window->findChild<QAction*>(QString::fromLatin1(name)); }
    SupplierTableModel* model() { return m_window->suppliersPage()->registerView()->model(); }
    SupplierStore* store() { return m_window->store(); }
    qint64 dbCount() { return store()->repository().count().value(); }
    QString cell(int row, int column) { return model()->index(row, column).data().toString(); }

    // The supplier dialog the last action opened (never modal to the test: open(), not exec()).
    SupplierDialog* openDialog()
    {
        SupplierDialog* dialog = nullptr;
        for (SupplierDialog* d : m_window->findChildren<SupplierDialog*>())
            if (d->isVisible())
                dialog = d;
        return dialog;
    }
    static void setText(SupplierDialog* d, const char* field, const QString& text)
    {
        auto* edit = d->findChild<QLineEdit*>(QString::fromLatin1(field));
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        typeText(edit, text);
    }
    static QPushButton* okButton(SupplierDialog* d)
    {
        return d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    }
    QString onlyId()
    {
        const auto ids = store()->repository().ids({});
        return ids && ids->size() == 1 ? ids->first() : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        RecentFiles::clear();
        MessageBox::setAlwaysAnswer(QMessageBox::Ok); // no message box may ever wait for a click here
        QVERIFY(m_dir.isValid());
        {
            auto db = makeWorkspace(m_dir, {}, QStringLiteral("register.vigil"));
            QVERIFY(db);
            m_path = db->path();
        }
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openWorkspace(m_path));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("register — Vigil"));
        QCOMPARE(RecentFiles::list().value(0), QFileInfo(m_path).absoluteFilePath());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        RecentFiles::clear();
    }

    void addSupplierThroughTheDialog()
    {
        action("actionNewSupplier")->trigger();
        SupplierDialog* d = openDialog();
        QVERIFY(d);
        QVERIFY(!okButton(d)->isEnabled());
        setText(d, "name", QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"));
        setText(d, "country", QStringLiteral("Burma"));
        setText(d, "tags", QStringLiteral("seafood, migrant-workforce"));
        QVERIFY(okButton(d)->isEnabled());
        QTest::mouseClick(okButton(d), Qt::LeftButton);
        // The database ...
        QCOMPARE(dbCount(), 1);
        const SupplierRecord rec = store()->record(onlyId()).value();
        QCOMPARE(rec.supplier.name, QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"));
        QCOMPARE(rec.supplier.country, QStringLiteral("MM"));
        QCOMPARE(rec.supplier.tags, (QStringList{QStringLiteral("seafood"), QStringLiteral("migrant-workforce")}));
        // ... the table, the count, the detail view and the undo stack.
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(cell(0, SupplierTableModel::Name), rec.supplier.name);
        QCOMPARE(cell(0, SupplierTableModel::Country), QStringLiteral("Myanmar (MM)"));
        QCOMPARE(m_window->suppliersPage()->registerView()->countText(), QStringLiteral("1 supplier"));
        QCOMPARE(m_window->suppliersPage()->detailView()->supplierId(), rec.supplier.id);
        QCOMPARE(m_window->suppliersPage()->registerView()->currentId(), rec.supplier.id);
        QCOMPARE(m_window->undoStack()->count(), 1);
        QVERIFY(action("actionDeleteSupplier")->isEnabled());
    }

    void editUndoRedo()
    {
        QCOMPARE(model()->rowCount(), 1);
        m_window->suppliersPage()->registerView()->table()->selectRow(0);
        action("actionEditSupplier")->trigger();
        SupplierDialog* d = openDialog();
        QVERIFY(d);
        QVERIFY(!d->isNew());
        d->findChild<QComboBox*>(QStringLiteral("sector"))->setCurrentText(QStringLiteral("Seafood processing"));
        setText(d, "country", QStringLiteral("TH"));
        QTest::mouseClick(okButton(d), Qt::LeftButton);
        const QString id = onlyId();
        QCOMPARE(store()->record(id)->supplier.sector, QStringLiteral("Seafood processing"));
        QCOMPARE(store()->record(id)->supplier.country, QStringLiteral("TH"));
        QCOMPARE(cell(0, SupplierTableModel::Sector), QStringLiteral("Seafood processing"));
        QCOMPARE(cell(0, SupplierTableModel::Country), QStringLiteral("Thailand (TH)"));
        QCOMPARE(m_window->undoStack()->count(), 2);

        action("actionUndo")->trigger();
        QCOMPARE(store()->record(id)->supplier.sector, QString());
        QCOMPARE(store()->record(id)->supplier.country, QStringLiteral("MM"));
        QCOMPARE(cell(0, SupplierTableModel::Sector), QString());
        QCOMPARE(cell(0, SupplierTableModel::Country), QStringLiteral("Myanmar (MM)"));

        action("actionRedo")->trigger();
        QCOMPARE(store()->record(id)->supplier.sector, QStringLiteral("Seafood processing"));
        QCOMPARE(cell(0, SupplierTableModel::Sector), QStringLiteral("Seafood processing"));
        // The history shows the edit, newest first.
        auto* history = m_window->suppliersPage()->detailView()->findChild<QTreeWidget*>(QStringLiteral("history"));
        QVERIFY(history);
        QVERIFY(history->topLevelItemCount() >= 3);
    }

    void invalidEditIsRefusedWithTheReason()
    {
        const QString id = onlyId();
        const Supplier before = store()->record(id)->supplier;
        const int commands = m_window->undoStack()->count();
        m_window->suppliersPage()->editSupplier(id);
        SupplierDialog* d = openDialog();
        QVERIFY(d);
        setText(d, "name", QString());
        QVERIFY(!okButton(d)->isEnabled());
        auto* reason = d->findChild<QLabel*>(QStringLiteral("nameMessage"));
        QVERIFY(reason && reason->isVisible());
        QVERIFY2(reason->text().contains(QStringLiteral("needs a name")), qPrintable(reason->text()));
        d->accept();
        QVERIFY(d->isVisible());
        setText(d, "name", QStringLiteral("Still here"));
        setText(d, "country", QStringLiteral("Atlantis"));
        auto* countryReason = d->findChild<QLabel*>(QStringLiteral("countryMessage"));
        QVERIFY(countryReason && countryReason->isVisible());
        QVERIFY(countryReason->text().contains(QStringLiteral("Atlantis")));
        d->accept();
        QVERIFY(d->isVisible());
        d->reject();
        QCOMPARE(store()->record(id)->supplier, before);
        QCOMPARE(m_window->undoStack()->count(), commands);
    }

    void deleteAndUndoRestoresEverything()
    {
        // Give the supplier a site and an identifier through undoable edits first.
        const QString id = onlyId();
        SupplierRecord full = store()->record(id).value();
        Site site;
        site.id = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        site.supplierId = id;
        site.name = QStringLiteral("Mahachai plant");
        site.country = QStringLiteral("TH");
        full.sites << site;
        full.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral("V-0042")};
        QVERIFY(store()->save(full));
        full = store()->record(id).value();

        m_window->suppliersPage()->registerView()->table()->selectRow(0);
        QVERIFY(action("actionDeleteSupplier")->isEnabled());
        action("actionDeleteSupplier")->trigger();
        QCOMPARE(dbCount(), 0);
        QCOMPARE(model()->rowCount(), 0);
        QCOMPARE(m_window->suppliersPage()->registerView()->countText(), QStringLiteral("0 suppliers"));

        action("actionUndo")->trigger();
        QCOMPARE(dbCount(), 1);
        QCOMPARE(model()->rowCount(), 1);
        const SupplierRecord back = store()->record(id).value();
        QCOMPARE(back.supplier.name, full.supplier.name);
        QCOMPARE(back.sites, full.sites);
        QCOMPARE(back.identifiers, full.identifiers);
        QCOMPARE(cell(0, SupplierTableModel::Name), full.supplier.name);

        action("actionRedo")->trigger();
        QCOMPARE(dbCount(), 0);
        action("actionUndo")->trigger();
        QCOMPARE(dbCount(), 1);
    }

    void detailViewEditsAreUndoable()
    {
        const QString id = onlyId();
        SupplierDetailView* detail = m_window->suppliersPage()->detailView();
        detail->showSupplier(id);
        const int identifiers = store()->record(id)->identifiers.size();
        QVERIFY(identifiers >= 1);
        auto* list = detail->findChild<QTreeWidget*>(QStringLiteral("identifiers"));
        auto* remove = detail->findChild<QPushButton*>(QStringLiteral("identifiersRemove"));
        QVERIFY(list && remove);
        QCOMPARE(list->topLevelItemCount(), identifiers);
        QVERIFY(!remove->isEnabled());
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(store()->record(id)->identifiers.size(), identifiers - 1);
        QCOMPARE(list->topLevelItemCount(), identifiers - 1);
        QVERIFY(m_window->undoStack()->undoText().startsWith(QStringLiteral("Remove identifier")));
        action("actionUndo")->trigger();
        QCOMPARE(store()->record(id)->identifiers.size(), identifiers);
        QCOMPARE(list->topLevelItemCount(), identifiers);
        // The sites tab: remove and undo as well.
        auto* sites = detail->findChild<QTreeWidget*>(QStringLiteral("sites"));
        const int siteCount = sites->topLevelItemCount();
        QVERIFY(siteCount >= 1);
        sites->setCurrentItem(sites->topLevelItem(0));
        QTest::mouseClick(detail->findChild<QPushButton*>(QStringLiteral("sitesRemove")), Qt::LeftButton);
        QCOMPARE(store()->record(id)->sites.size(), siteCount - 1);
        action("actionUndo")->trigger();
        QCOMPARE(store()->record(id)->sites.size(), siteCount);
        QCOMPARE(store()->record(id)->sites.first().name, QStringLiteral("Mahachai plant"));

        // A recruiter link through the dialog: corridor Myanmar -> Thailand.
        Recruiter recruiter;
        recruiter.id = QStringLiteral("11111111-2222-3333-4444-555555555555");
        recruiter.name = QStringLiteral("Golden Land Manpower");
        recruiter.country = QStringLiteral("MM");
        QVERIFY(SupplierRepository(store()->database()).saveRecruiter(recruiter));
        QTest::mouseClick(detail->findChild<QPushButton*>(QStringLiteral("recruitersAdd")), Qt::LeftButton);
        auto* linkDialog = detail->findChild<RecruiterLinkDialog*>();
        QVERIFY(linkDialog && linkDialog->isVisible());
        QCOMPARE(linkDialog->findChild<QLineEdit*>(QStringLiteral("origin"))->text(), QStringLiteral("Myanmar (MM)"));
        linkDialog->accept();
        QCOMPARE(store()->record(id)->recruiters.size(), 1);
        const RecruiterLink link = store()->record(id)->recruiters.first();
        QCOMPARE(link.recruiterId, recruiter.id);
        QCOMPARE(link.originCountry, QStringLiteral("MM"));
        QCOMPARE(link.destinationCountry, store()->record(id)->supplier.country);
        auto* recruiters = detail->findChild<QTreeWidget*>(QStringLiteral("recruiters"));
        QCOMPARE(recruiters->topLevelItemCount(), 1);
        QVERIFY(recruiters->topLevelItem(0)->text(1).startsWith(QStringLiteral("Myanmar → ")));
        action("actionUndo")->trigger();
        QCOMPARE(store()->record(id)->recruiters.size(), 0);
        action("actionRedo")->trigger();
        QCOMPARE(store()->record(id)->recruiters.size(), 1);
        action("actionUndo")->trigger();
    }

    void keyboardShortcutsUndoAndRedo()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->suppliersPage()->registerView()->table()->setFocus();
        m_window->suppliersPage()->registerView()->table()->selectRow(0);
        QTest::keyClick(m_window->suppliersPage()->registerView()->table(), Qt::Key_Delete);
        QCOMPARE(dbCount(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(dbCount(), 1);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(dbCount(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(dbCount(), 1);
        QCOMPARE(model()->rowCount(), 1);
    }

    void deleteSeveralIsOneUndoStep()
    {
        QStringList extra;
        for (const QString& name : {QStringLiteral("广州纺织有限公司"), QStringLiteral("ঢাকা নিট ফ্যাশনস লিমিটেড")}) {
            SupplierRecord rec;
            rec.supplier = makeSupplier(name, QStringLiteral("BD"));
            QString id;
            QVERIFY(store()->add(rec, &id));
            extra << id;
        }
        QCOMPARE(model()->rowCount(), 3);
        const int index = m_window->undoStack()->index();
        m_window->suppliersPage()->registerView()->table()->selectAll();
        QCOMPARE(m_window->suppliersPage()->registerView()->selectedIds().size(), 3);
        QSignalSpy removed(store(), &SupplierStore::suppliersRemoved);
        action("actionDeleteSupplier")->trigger();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(dbCount(), 0);
        QCOMPARE(model()->rowCount(), 0);
        QCOMPARE(m_window->undoStack()->index(), index + 1); // one step for all three
        QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Delete 3 suppliers"));
        action("actionUndo")->trigger();
        QCOMPARE(dbCount(), 3);
        QCOMPARE(model()->rowCount(), 3);
        // Back to the one supplier the next tests expect.
        QVERIFY(store()->removeWithChildren(extra));
        QCOMPARE(model()->rowCount(), 1);
    }

    void searchFiltersTheTable()
    {
        auto* search = m_window->suppliersPage()->registerView()->filterBar()->searchField();
        typeText(search, QStringLiteral("สยาม"));
        QTRY_COMPARE(model()->filter().search, QStringLiteral("สยาม"));
        QCOMPARE(model()->rowCount(), 1);
        search->clear();
        QTRY_COMPARE(model()->filter().search, QString());
        typeText(search, QStringLiteral("Nothing like this"));
        QTRY_COMPARE(model()->rowCount(), 0);
        QVERIFY(m_window->suppliersPage()->registerView()->countText().startsWith(QStringLiteral("0 of 1 supplier")));
        search->clear();
        QTRY_COMPARE(model()->rowCount(), 1);
    }

    void dashboardClickFiltersTheRegister()
    {
        QVERIFY(!m_window->dashboard()); // built only when first shown
        m_window->showPage(Navigation::Dashboard);
        QVERIFY(m_window->dashboard());
        QVERIFY(m_window->dashboard()->isVisible());
        SupplierFilter f;
        f.country = QStringLiteral("FR");
        emit m_window->dashboard()->filterRequested(f);
        QVERIFY(m_window->suppliersPage()->isVisible());
        QCOMPARE(model()->filter().country, QStringLiteral("FR"));
        QCOMPARE(model()->rowCount(), 0);
        f.country = QStringLiteral("TH");
        emit m_window->dashboard()->filterRequested(f);
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(m_window->suppliersPage()->registerView()->filterBar()->filter().country, QStringLiteral("TH"));
        m_window->suppliersPage()->registerView()->filterBar()->clear();
        QVERIFY(model()->filter().isEmpty());
    }

    void badFilesAreRefusedAndTheWorkspaceStays_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addRow("text file") << QStringLiteral("text");
        QTest::addRow("truncated workspace") << QStringLiteral("truncated");
        QTest::addRow("workspace from a newer Vigil") << QStringLiteral("newer");
        QTest::addRow("missing file") << QStringLiteral("missing");
        QTest::addRow("other SQLite database") << QStringLiteral("sqlite");
    }

    void badFilesAreRefusedAndTheWorkspaceStays()
    {
        QFETCH(QString, kind);
        const QString bad = m_dir.filePath(kind + QStringLiteral(".vigil"));
        if (kind == QLatin1String("text")) {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Name,Country\nAcme,TH\n");
        } else if (kind == QLatin1String("truncated")) {
            QFile::remove(bad);
            QVERIFY(store()->database().backupTo(bad));
            QFile f(bad);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.resize(f.size() / 3));
        } else if (kind == QLatin1String("newer")) {
            QFile::remove(bad);
            QVERIFY(store()->database().backupTo(bad));
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(bad);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 999")));
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        } else if (kind == QLatin1String("sqlite")) {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(bad);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t (x)")));
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("other"));
        }
        QByteArray contentBefore;
        if (QFile f(bad); f.open(QIODevice::ReadOnly))
            contentBefore = f.readAll();

        const int boxes = MessageBox::shownCount();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        FileDialog::setNextFileName(bad);
        action("actionOpen")->trigger();
        QCOMPARE(MessageBox::shownCount(), boxes + 1);
        QCOMPARE(MessageBox::lastTitle(), QStringLiteral("Cannot open workspace"));
        QVERIFY(!MessageBox::lastText().isEmpty());
        qInfo().noquote() << kind << "->" << MessageBox::lastText();
        // The old workspace is still open and working; the bad file is untouched.
        QCOMPARE(store()->path(), m_path);
        QCOMPARE(m_window->windowTitle(), QStringLiteral("register — Vigil"));
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(dbCount(), 1);
        if (kind != QLatin1String("missing")) {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), contentBefore);
        } else {
            QVERIFY(!QFile::exists(bad));
        }
    }

    void newerWorkspaceMessageSaysSo()
    {
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!m_window->openWorkspace(m_dir.filePath(QStringLiteral("newer.vigil"))));
        QVERIFY2(MessageBox::lastText().contains(QStringLiteral("newer"), Qt::CaseInsensitive),
                 qPrintable(MessageBox::lastText()));
    }

    void saveAsContinuesInTheCopy()
    {
        const QString copy = m_dir.filePath(QStringLiteral("copy.vigil"));
        FileDialog::setNextFileName(copy);
        action("actionSaveAs")->trigger();
        QCOMPARE(store()->path(), copy);
        QCOMPARE(m_window->windowTitle(), QStringLiteral("copy — Vigil"));
        QCOMPARE(dbCount(), 1);
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(m_window->undoStack()->count(), 0);
        QCOMPARE(RecentFiles::list().value(0), QFileInfo(copy).absoluteFilePath());
        // Save As onto an existing file is refused; nothing is overwritten.
        const QFileInfo original(m_path);
        const qint64 size = original.size();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        FileDialog::setNextFileName(m_path);
        action("actionSaveAs")->trigger();
        QCOMPARE(MessageBox::lastTitle(), QStringLiteral("Cannot save workspace"));
        QCOMPARE(QFileInfo(m_path).size(), size);
        QCOMPARE(store()->path(), copy);
        // And back to the first one.
        QVERIFY(m_window->openWorkspace(m_path));
        QCOMPARE(store()->path(), m_path);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
