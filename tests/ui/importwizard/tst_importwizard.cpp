// Drives the import wizard through a real CSV fixture on an offscreen display: preview with overrides, mapping and
// profiles, validation, duplicate review, commit, undo, and a commit cancelled half-way.
#include "importwizard/commitpage.h"
#include "importwizard/duplicatepage.h"
#include "importwizard/importjob.h"
#include "importwizard/importwizard.h"
#include "importwizard/jobprogress.h"
#include "importwizard/mappingpage.h"
#include "importwizard/previewpage.h"
#include "importwizard/reportrowmodel.h"
#include "importwizard/validationpage.h"

#include "importer/mappingprofiles.h"
#include "mainwindow/mainwindow.h"
#include "queryrows.h"
#include "services/supplierstore.h"
#include "storage/database.h"
#include "testsupport.h"
#include "widgets/filedialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace vigil;
using namespace vigil::ui;

class TestImportWizard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_importwizard"));
    }
    void init();
    void cleanup();
    void importsThroughEveryStep();
    void previewOverridesReadAgain_data();
    void previewOverridesReadAgain();
    void savedProfileAppliedNextTime();
    void cancelledCommitChangesNothing();
    void xlsxSheetOverride();
    void errorsShowRowAndColumn();
    void closingWhileCheckingStopsTheWorker();
    void droppedFileIsTaken();
    void progressReachesTheGuiWhileChecking();
    void mainWindowActionOpensTheWizard();

private:
    qint64 count(const QString& sql);
    QString fingerprint();
    void settle(ImportWizard& wizard); // waits for the running work and delivers it
    void shoot(QWidget* w, const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupplierStore> m_store;
    QString m_existingId;
    const QString m_fixture = vigil::test::dataPath(QStringLiteral("import/suppliers_cp1252_semicolon.csv"));
};

void TestImportWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = Database::open(m_dir->filePath(QStringLiteral("w.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db, qPrintable(db.error().toString()));
    m_store = std::make_unique<SupplierStore>(std::move(db).value());
    // Resembles the file's first row (same name, another address): a possible duplicate.
    SupplierRecord existing;
    existing.supplier.name = QStringLiteral("Café Lumière Textiles");
    existing.supplier.country = QStringLiteral("CI");
    existing.supplier.address = QStringLiteral("Bouaké");
    QVERIFY(m_store->add(existing, &m_existingId));
}

void TestImportWizard::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TestImportWizard::count(const QString& sql)
{
    QSqlQuery q(m_store->database().db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QString TestImportWizard::fingerprint()
{
    QStringList parts;
    for (const char* t : {"suppliers", "sites", "identifiers", "change_log", "import_batches", "match_decisions"}) {
        QStringList rows = vigil::test::queryLines(m_store->database().db(),
                                                   QStringLiteral("SELECT * FROM %1").arg(QLatin1String(t)));
        rows.sort();
        parts << rows.join(QLatin1Char('\n'));
    }
    return parts.join(QStringLiteral("\n--\n"));
}

void TestImportWizard::settle(ImportWizard& wizard)
{
    wizard.job()->wait();
    QCoreApplication::processEvents();
}

void TestImportWizard::shoot(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOTS");
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

void TestImportWizard::importsThroughEveryStep()
{
    ImportWizard wizard(*m_store);
    QSignalSpy resets(m_store.get(), &SupplierStore::reset);
    wizard.show();
    shoot(&wizard, QStringLiteral("1-file"));
    // 1. The file, through the file dialog seam (no dialog is shown).
    QVERIFY(!wizard.currentPage()->isComplete());
    FileDialog::setNextFileName(m_fixture);
    wizard.findChild<QPushButton*>(QStringLiteral("browse"))->click();
    QCOMPARE(wizard.findChild<QLineEdit*>(QStringLiteral("path"))->text(), m_fixture);
    QVERIFY(wizard.currentPage()->isComplete());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::PreviewPage));
    settle(wizard);

    // 2. Preview: what was detected, the rows as the importer reads them.
    auto* preview = static_cast<ImportPreviewPage*>(wizard.currentPage());
    QVERIFY(preview->isComplete());
    const ImportPreview& p = wizard.state().preview;
    QCOMPARE(p.delimiter, QStringLiteral(";"));
    QCOMPARE(p.headerRow, 2);
    QVERIFY2(p.encoding.contains(QLatin1String("1252")), qPrintable(p.encoding));
    QCOMPARE(preview->table()->columnCount(), 5);
    QCOMPARE(preview->table()->rowCount(), 2);
    QCOMPARE(preview->table()->horizontalHeaderItem(0)->text(), QStringLiteral("Supplier Name"));
    QCOMPARE(preview->table()->item(0, 0)->text(), QStringLiteral("Café Lumière Textiles"));
    QCOMPARE(preview->table()->verticalHeaderItem(0)->text(), QStringLiteral("3"));
    shoot(&wizard, QStringLiteral("2-preview"));

    // 3. Mapping: proposed by the synonyms; saved as a profile.
    wizard.next();
    auto* mapping = static_cast<ImportMappingPage*>(wizard.currentPage());
    QCOMPARE(mapping->table()->rowCount(), 5);
    QCOMPARE(mapping->fieldBox(0)->currentData().toString(), fieldKey(ImportField::Name));
    QCOMPARE(mapping->fieldBox(1)->currentData().toString(), fieldKey(ImportField::Country));
    QVERIFY(mapping->table()->item(0, 1)->text().contains(QStringLiteral("Türkiye Tekstil")));
    // Unmapping the name blocks Next.
    mapping->fieldBox(0)->setCurrentIndex(0);
    QVERIFY(!mapping->isComplete());
    mapping->fieldBox(0)->setCurrentIndex(mapping->fieldBox(0)->findData(fieldKey(ImportField::Name)));
    QVERIFY(mapping->isComplete());
    mapping->profileName()->setText(QStringLiteral("Lieferanten"));
    QVERIFY(mapping->saveProfile());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mapping_profiles WHERE name = 'Lieferanten'")), 1);
    shoot(&wizard, QStringLiteral("3-mapping"));

    // 4. Validation: a dry run that writes nothing.
    const QString before = fingerprint();
    wizard.next();
    settle(wizard);
    auto* validation = static_cast<ImportValidationPage*>(wizard.currentPage());
    QVERIFY2(validation->isComplete(), qPrintable(validation->progress()->text()));
    QCOMPARE(fingerprint(), before);
    const ImportCounts& c = wizard.state().validation.counts;
    QCOMPARE(c.rows, 2);
    QCOMPARE(c.possibleDuplicates, 1);
    const int dupFilter = validation->statusFilter()->findData(int(RowStatus::PossibleDuplicate));
    QVERIFY(dupFilter > 0);
    validation->statusFilter()->setCurrentIndex(dupFilter);
    QCOMPARE(validation->view()->model()->rowCount(), 1);
    QCOMPARE(validation->view()->model()->index(0, 0).data().toLongLong(), 3);
    validation->statusFilter()->setCurrentIndex(validation->statusFilter()->findData(int(RowStatus::Error)));
    QCOMPARE(validation->view()->model()->rowCount(), 0);
    validation->statusFilter()->setCurrentIndex(0);
    shoot(&wizard, QStringLiteral("4-validation"));

    // 5. Duplicate review: incoming and existing side by side; confirm the pair.
    wizard.next();
    auto* duplicates = static_cast<ImportDuplicatePage*>(wizard.currentPage());
    QCOMPARE(duplicates->table()->rowCount(), 1);
    QVERIFY(duplicates->table()->item(0, 2)->text().contains(QStringLiteral("Bouaké")));
    QVERIFY(duplicates->table()->item(0, 1)->text().contains(QStringLiteral("Zone 4 Abidjan")));
    duplicates->setAll(ImportDuplicatePage::Same);
    shoot(&wizard, QStringLiteral("5-duplicates"));

    // 6. Commit, summary, then undo.
    wizard.next();
    settle(wizard);
    auto* commit = static_cast<ImportCommitPage*>(wizard.currentPage());
    QVERIFY2(commit->isComplete(), qPrintable(commit->progress()->text()));
    QVERIFY2(wizard.state().committed, qPrintable(commit->progress()->text()));
    QCOMPARE(wizard.state().result.counts.added, 1);
    QCOMPARE(wizard.state().result.counts.updated, 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppliers")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM match_decisions WHERE decision = 'same'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM import_batches")), 1);
    QCOMPARE(resets.count(), 1);
    QVERIFY(commit->summary()->text().contains(QStringLiteral("Added: 1")));
    QVERIFY(commit->undoButton()->isVisible());
    shoot(&wizard, QStringLiteral("6-commit"));

    commit->undoButton()->click();
    settle(wizard);
    QVERIFY2(wizard.state().undone, qPrintable(commit->progress()->text()));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppliers")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppliers WHERE address = 'Bouaké'")), 1);
    QCOMPARE(resets.count(), 2);
    QVERIFY(!commit->undoButton()->isVisible());
    shoot(&wizard, QStringLiteral("7-undone"));
}

void TestImportWizard::previewOverridesReadAgain_data()
{
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<int>("headerRow");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("firstHeader");
    QTest::addRow("comma: an error") << QStringLiteral(",") << 0 << 0 << QString();
    QTest::addRow("header in row 1: the title") << QString() << 1 << 5 << QStringLiteral("Lieferantenliste Q1 2024");
    QTest::addRow("detect") << QString() << 0 << 5 << QStringLiteral("Supplier Name");
}

void TestImportWizard::previewOverridesReadAgain()
{
    QFETCH(QString, delimiter);
    QFETCH(int, headerRow);
    QFETCH(int, columns);
    QFETCH(QString, firstHeader);
    ImportWizard wizard(*m_store);
    wizard.show();
    wizard.setFile(m_fixture);
    settle(wizard);
    auto* preview = static_cast<ImportPreviewPage*>(wizard.currentPage());
    preview->delimiterBox()->setCurrentIndex(preview->delimiterBox()->findData(delimiter));
    settle(wizard);
    preview->headerRowBox()->setValue(headerRow);
    settle(wizard);
    QCOMPARE(wizard.state().reader.headerRow, headerRow);
    const QString status = wizard.findChild<QLabel*>(QStringLiteral("status"))->text();
    QCOMPARE(preview->table()->columnCount(), columns);
    // A wrong delimiter: the reader's error with its row and column, and no way on.
    QCOMPARE(status.contains(QLatin1String("row 3, column 1")), columns == 0);
    QCOMPARE(preview->isComplete(), columns > 0);
    if (!firstHeader.isEmpty())
        QCOMPARE(preview->table()->horizontalHeaderItem(0)->text(), firstHeader);
    // Windows-1252 forced on a Windows-1252 file reads the same characters.
    preview->encodingBox()->setCurrentIndex(preview->encodingBox()->findData(QStringLiteral("Windows-1252")));
    settle(wizard);
    QCOMPARE(wizard.state().reader.encoding, QStringLiteral("Windows-1252"));
    QCOMPARE(preview->isComplete(), columns > 0);
}

void TestImportWizard::savedProfileAppliedNextTime()
{
    // A mapping that the synonyms would not propose: column 3 (Address) ignored, column 4 as tags.
    MappingProfiles profiles(m_store->database());
    const QStringList header{QStringLiteral("Supplier Name"), QStringLiteral("Country"), QStringLiteral("Address"),
                             QStringLiteral("Number of Workers"), QStringLiteral("% Migrant Workers")};
    ColumnMapping m(
        {ImportField::Name, ImportField::Country, ImportField::Ignore, ImportField::Tags, ImportField::Ignore});
    QVERIFY(profiles.save(QStringLiteral("Mine"), header, m));
    ImportWizard wizard(*m_store);
    wizard.show();
    wizard.setFile(m_fixture);
    settle(wizard);
    QCOMPARE(wizard.state().preview.profile, QStringLiteral("Mine"));
    wizard.next();
    auto* mapping = static_cast<ImportMappingPage*>(wizard.currentPage());
    QCOMPARE(mapping->fieldBox(2)->currentData().toString(), fieldKey(ImportField::Ignore));
    QCOMPARE(mapping->fieldBox(3)->currentData().toString(), fieldKey(ImportField::Tags));
    QCOMPARE(mapping->profileName()->text(), QStringLiteral("Mine"));
    QVERIFY(wizard.findChild<QLabel*>(QStringLiteral("mappingSource"))->text().contains(QStringLiteral("Mine")));
}

void TestImportWizard::cancelledCommitChangesNothing()
{
    ImportWizard wizard(*m_store);
    wizard.show();
    wizard.setFile(m_fixture);
    settle(wizard);
    wizard.next(); // mapping
    wizard.next(); // validation
    settle(wizard);
    wizard.next(); // duplicates
    static_cast<ImportDuplicatePage*>(wizard.currentPage())->setAll(ImportDuplicatePage::Different);
    const QString before = fingerprint();
    // Cancel as the first row is written (the user's Cancel, from the worker thread: no timing involved).
    ImportJob* job = wizard.job();
    wizard.state().beforeWrite = [job](qint64) {
        job->cancel();
        return Status();
    };
    QSignalSpy resets(m_store.get(), &SupplierStore::reset);
    wizard.next(); // commit
    settle(wizard);
    auto* commit = static_cast<ImportCommitPage*>(wizard.currentPage());
    QVERIFY(commit->isComplete());
    QVERIFY(!wizard.state().committed);
    QVERIFY2(commit->progress()->text().contains(QStringLiteral("cancelled")), qPrintable(commit->progress()->text()));
    QVERIFY(!commit->undoButton()->isVisible());
    QCOMPARE(fingerprint(), before);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppliers")), 1);
    QCOMPARE(resets.count(), 0);
    shoot(&wizard, QStringLiteral("8-cancelled"));
}

void TestImportWizard::xlsxSheetOverride()
{
    ImportWizard wizard(*m_store);
    wizard.show();
    wizard.setFile(vigil::test::dataPath(QStringLiteral("io/suppliers.xlsx")));
    settle(wizard);
    auto* preview = static_cast<ImportPreviewPage*>(wizard.currentPage());
    const QLabel* status = wizard.findChild<QLabel*>(QStringLiteral("status"));
    QVERIFY2(preview->isComplete(), qPrintable(status->text()));
    QCOMPARE(wizard.state().preview.sheet, QStringLiteral("Suppliers"));
    QCOMPARE(preview->sheetBox()->count(), 3);
    QVERIFY(preview->sheetBox()->isEnabled());
    QVERIFY(!preview->delimiterBox()->isEnabled());
    QVERIFY(preview->table()->rowCount() > 0);
    shoot(&wizard, QStringLiteral("9-xlsx"));
    // Another sheet: read again with that sheet.
    preview->sheetBox()->setCurrentIndex(preview->sheetBox()->findText(QStringLiteral("Sites")));
    settle(wizard);
    QCOMPARE(wizard.state().reader.sheet, QStringLiteral("Sites"));
    QCOMPARE(wizard.state().preview.sheet, QStringLiteral("Sites"));
    QCOMPARE(preview->sheetBox()->currentText(), QStringLiteral("Sites"));
}

void TestImportWizard::errorsShowRowAndColumn()
{
    const QString path = m_dir->filePath(QStringLiteral("errors.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Name,Country,Workers\r\nAcme Ltd,Thailand,120\r\n,Viet Nam,40\r\nBeta Co,Bangladesh,300\r\n");
    f.close();
    ImportWizard wizard(*m_store);
    wizard.show();
    wizard.setFile(path);
    settle(wizard);
    wizard.next();
    wizard.next();
    settle(wizard);
    auto* validation = static_cast<ImportValidationPage*>(wizard.currentPage());
    QVERIFY2(validation->isComplete(), qPrintable(validation->progress()->text()));
    QCOMPARE(wizard.state().validation.counts.errors, 1);
    validation->statusFilter()->setCurrentIndex(validation->statusFilter()->findData(int(RowStatus::Error)));
    QAbstractItemModel* model = validation->view()->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toLongLong(), 3);
    // The tooltip and the details under the table name file, row and column; the column is short.
    const QString reasons = model->index(0, ReportRowModel::Reasons).data(Qt::ToolTipRole).toString();
    QVERIFY2(reasons.startsWith(QLatin1String("errors.csv, row 3, column 1")), qPrintable(reasons));
    QCOMPARE(reasons.count(QLatin1String("no supplier name")), 1);
    const QString shown = model->index(0, ReportRowModel::Reasons).data().toString();
    QCOMPARE(shown, QStringLiteral("Name: the row has no supplier name"));
    validation->view()->setCurrentIndex(model->index(0, ReportRowModel::Reasons));
    QVERIFY(validation->detailsLabel()->text().contains(QLatin1String("errors.csv, row 3, column 1")));
    shoot(&wizard, QStringLiteral("10-errors"));
    // The error row is skipped by the import, the two others are added.
    wizard.next();
    wizard.next();
    settle(wizard);
    QVERIFY(wizard.state().committed);
    QCOMPARE(wizard.state().result.counts.added, 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppliers")), 3);
}

void TestImportWizard::closingWhileCheckingStopsTheWorker()
{
    const QString before = fingerprint();
    ImportWizard wizard(*m_store);
    wizard.show();
    wizard.setFile(m_fixture);
    settle(wizard);
    wizard.next();
    wizard.next(); // the check starts on a worker thread
    wizard.reject(); // cancels and waits
    QVERIFY(!wizard.job()->isRunning());
    QVERIFY(!wizard.isVisible());
    QCOMPARE(fingerprint(), before);
}

void TestImportWizard::progressReachesTheGuiWhileChecking()
{
    QByteArray csv = "Name,Country,Workers\r\n";
    for (int i = 0; i < 5000; ++i)
        csv += "Supplier number " + QByteArray::number(i) + ",Thailand," + QByteArray::number(100 + i) + "\r\n";
    const QString path = m_dir->filePath(QStringLiteral("big.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(csv) == csv.size());
    f.close();
    ImportWizard wizard(*m_store);
    wizard.show();
    wizard.setFile(path);
    settle(wizard);
    QCOMPARE(static_cast<ImportPreviewPage*>(wizard.currentPage())->table()->rowCount(),
             ImportPreviewPage::PreviewRows);
    wizard.next();
    QSignalSpy progress(wizard.job(), &ImportJob::progress);
    QSignalSpy finished(wizard.job(), &ImportJob::finished);
    wizard.next(); // the check runs while this thread's event loop delivers its progress
    QVERIFY(finished.wait(60000));
    QVERIFY(progress.count() > 0);
    QCOMPARE(wizard.state().validation.counts.rows, 5000);
    QCOMPARE(wizard.state().validation.counts.newRows, 5000);
    QVERIFY(wizard.currentPage()->isComplete());
}

void TestImportWizard::droppedFileIsTaken()
{
    ImportWizard wizard(*m_store);
    wizard.show();
    QWizardPage* page = wizard.currentPage();
    QVERIFY(page->acceptDrops());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_fixture)});
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    // Straight to the page: QApplication redirects a drop to the target of a drag in progress, and there is none.
    static_cast<QObject*>(page)->event(&drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(wizard.findChild<QLineEdit*>(QStringLiteral("path"))->text(), m_fixture);
    QVERIFY(page->isComplete());
}

void TestImportWizard::mainWindowActionOpensTheWizard()
{
    auto db = Database::open(m_dir->filePath(QStringLiteral("main.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY(db);
    MainWindow window;
    window.setWorkspace(std::move(db).value());
    auto* action = window.findChild<QAction*>(QStringLiteral("actionImportSuppliers"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    QSignalSpy resets(window.store(), &SupplierStore::reset);
    qint64 added = -1;
    // The wizard runs modally: drive it from the event loop it starts, and always close it.
    QTimer::singleShot(0, &window, [&] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* wizard = qobject_cast<ImportWizard*>(w);
            if (!wizard || !wizard->isVisible())
                continue;
            wizard->setFile(m_fixture);
            settle(*wizard);
            wizard->next(); // mapping
            wizard->next(); // validation
            settle(*wizard);
            wizard->next(); // duplicates (none in an empty workspace)
            wizard->next(); // commit
            settle(*wizard);
            added = wizard->state().result.counts.added;
            wizard->accept();
        }
    });
    action->trigger();
    QCOMPARE(added, 2);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(window.store()->repository().ids({}).value().size(), 2);
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
