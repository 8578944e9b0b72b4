// The import wizard's validation page with in-place fixes, driven offscreen through a real CSV fixture: cells
// corrected through the table's editor (F2, double-click, typing), the row re-checked at once, undo and redo, F8 to
// the next error, corrections kept when checking again, and the commit importing the corrected values.
#include "importwizard/duplicatepage.h"
#include "importwizard/importjob.h"
#include "importwizard/importwizard.h"
#include "importwizard/jobprogress.h"
#include "importwizard/previewpage.h"
#include "importwizard/reportrowmodel.h"
#include "importwizard/validationpage.h"

#include "services/supplierstore.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace vigil;
using namespace vigil::ui;

namespace {

// Columns of the fixture.
enum { NameCol, CountryCol, AddressCol, WorkersCol, VendorCol };

QString str(RowStatus s)
{
    return toString(s);
}

} // namespace

class TestImportValidation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_importvalidation"));
    }
    void init();
    void cleanup();
    void listsEveryRowWithItsCells();
    void fixInPlaceThenCommit_data();
    void fixInPlaceThenCommit();
    void escapeCancelsUndoAndRedo();
    void nextErrorKey();
    void correctionsKeptWhenCheckingAgain();
    void correctionsDroppedWhenReadAnotherWay();
    void fixingAnAddressMakesAMatch();
    void enterEditsInsteadOfGoingOn();
    void undoWaitsWhileCheckingAgain();

private:
    ImportValidationPage* openValidation(ImportWizard& wizard);
    QModelIndex at(ImportValidationPage* page, qint64 fileRow, int fileColumn) const;
    RowResult resultOf(ImportValidationPage* page, qint64 fileRow) const;
    // Types text into a cell through the view's editor: opened by F2, a double-click or typing; closed by `close`.
    bool editThroughView(ImportValidationPage* page, qint64 fileRow, int fileColumn, const QString& text,
                         const QString& how = QStringLiteral("F2"), Qt::Key close = Qt::Key_Return);
    qint64 count(const QString& sql);
    void settle(ImportWizard& wizard);
    void shoot(QWidget* w, const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupplierStore> m_store;
    QString m_existingId;
    const QString m_fixture = vigil::test::dataPath(QStringLiteral("importwizard/bad_cells.csv"));
};

void TestImportValidation::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = Database::open(m_dir->filePath(QStringLiteral("w.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db, qPrintable(db.error().toString()));
    m_store = std::make_unique<SupplierStore>(std::move(db).value());
    // Row 7 of the fixture has this name at another address: a possible duplicate.
    SupplierRecord existing;
    existing.supplier.name = QStringLiteral("Café Lumière Textiles");
    existing.supplier.country = QStringLiteral("CI");
    existing.supplier.address = QStringLiteral("Bouaké");
    QVERIFY(m_store->add(existing, &m_existingId));
}

void TestImportValidation::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TestImportValidation::count(const QString& sql)
{
    QSqlQuery q(m_store->database().db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestImportValidation::settle(ImportWizard& wizard)
{
    wizard.job()->wait();
    QCoreApplication::processEvents();
}

void TestImportValidation::shoot(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOTS");
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

ImportValidationPage* TestImportValidation::openValidation(ImportWizard& wizard)
{
    wizard.show();
    wizard.setFile(m_fixture);
    settle(wizard);
    wizard.next(); // mapping
    wizard.next(); // validation: the dry run
    settle(wizard);
    auto* page = qobject_cast<ImportValidationPage*>(wizard.currentPage());
    if (page && !page->isComplete())
        qWarning("%s", qPrintable(page->progress()->text()));
    return page && page->isComplete() ? page : nullptr;
}

QModelIndex TestImportValidation::at(ImportValidationPage* page, qint64 fileRow, int fileColumn) const
{
    const ReportRowModel* m = page->model();
    const int row = m->rowOfFileRow(fileRow);
    const int column = fileColumn < 0 ? int(ReportRowModel::Status) : m->columnOfFileColumn(fileColumn);
    if (row < 0 || column < 0)
        return {};
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(page->view()->model());
    return proxy->mapFromSource(m->index(row, column));
}

RowResult TestImportValidation::resultOf(ImportValidationPage* page, qint64 fileRow) const
{
    const int row = page->model()->rowOfFileRow(fileRow);
    return row < 0 ? RowResult() : page->model()->rowResult(row);
}

bool TestImportValidation::editThroughView(ImportValidationPage* page, qint64 fileRow, int fileColumn,
                                           const QString& text, const QString& how, Qt::Key close)
{
    QTableView* view = page->view();
    const QModelIndex index = at(page, fileRow, fileColumn);
    if (!index.isValid())
        return false;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // editors closed before
    view->setFocus();
    view->setCurrentIndex(index);
    view->scrollTo(index);
    if (how == QLatin1String("F2")) {
        QTest::keyClick(view, Qt::Key_F2);
    } else if (how == QLatin1String("double-click")) {
        const QPoint p = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, p);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, p);
    } else { // typing replaces the cell's text
        QTest::keyClicks(view, text.left(1));
    }
    auto* editor = view->viewport()->findChild<QLineEdit*>();
    if (!editor || !editor->isVisible()) {
        qWarning("no editor opened by %s", qPrintable(how));
        return false;
    }
    if (how == QLatin1String("typing")) {
        QTest::keyClicks(editor, text.mid(1));
    } else {
        if (editor->text() != page->model()->cell(page->model()->rowOfFileRow(fileRow), fileColumn)) {
            qWarning("the editor does not start with the cell's text: %s", qPrintable(editor->text()));
            return false;
        }
        editor->selectAll();
        if (QStringView(text).toLatin1() == text.toUtf8())
            QTest::keyClicks(editor, text);
        else
            editor->insert(text); // QTest types ASCII only
    }
    QTest::keyClick(editor, close);
    QCoreApplication::processEvents(); // the delegate commits and closes the editor from a queued call
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return !view->viewport()->findChild<QLineEdit*>() || !view->viewport()->findChild<QLineEdit*>()->isVisible();
}

void TestImportValidation::listsEveryRowWithItsCells()
{
    ImportWizard wizard(*m_store);
    ImportValidationPage* page = openValidation(wizard);
    QVERIFY(page);
    const ImportCounts& c = wizard.state().validation.counts;
    QCOMPARE(c.rows, 6);
    QCOMPARE(c.errors, 2);
    QCOMPARE(c.warnings, 1);
    QCOMPARE(c.possibleDuplicates, 1);
    QCOMPARE(c.newRows, 2);
    // Plain new rows are listed too, with the file's cells of every mapped column.
    ReportRowModel* m = page->model();
    QCOMPARE(m->rowCount(), 6);
    QCOMPARE(page->view()->model()->rowCount(), 6);
    QCOMPARE(m->columnCount(), 3 + 5 + 2);
    QCOMPARE(m->headerData(m->columnOfFileColumn(CountryCol), Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Country"));
    QCOMPARE(at(page, 2, CountryCol).data().toString(), QStringLiteral("Thailnd"));
    QCOMPARE(at(page, 3, WorkersCol).data().toString(), QStringLiteral("abc"));
    QCOMPARE(at(page, 5, WorkersCol).data().toString(), QStringLiteral("1 200"));
    QCOMPARE(at(page, 4, -1).data().toString(), statusLabel(RowStatus::New));
    // The cells an error or a warning names are marked; source cells are editable, the status is not.
    QCOMPARE(at(page, 2, CountryCol).data(ReportRowModel::IssueRole).toInt(), 2);
    QCOMPARE(at(page, 2, NameCol).data(ReportRowModel::IssueRole).toInt(), 0);
    QCOMPARE(at(page, 3, WorkersCol).data(ReportRowModel::IssueRole).toInt(), 2);
    QCOMPARE(at(page, 6, AddressCol).data(ReportRowModel::IssueRole).toInt(), 1);
    QVERIFY(at(page, 2, CountryCol).flags() & Qt::ItemIsEditable);
    QVERIFY(!(at(page, 2, -1).flags() & Qt::ItemIsEditable));
    QVERIFY(!(page->view()->model()->index(0, m->reasonsColumn()).flags() & Qt::ItemIsEditable));
    // The New filter shows the listed new rows.
    page->statusFilter()->setCurrentIndex(page->statusFilter()->findData(int(RowStatus::New)));
    QCOMPARE(page->view()->model()->rowCount(), 2);
    QVERIFY(page->statusFilter()->currentText().contains(QLatin1String("(2)")));
}

void TestImportValidation::fixInPlaceThenCommit_data()
{
    QTest::addColumn<QString>("how");
    QTest::addRow("F2") << QStringLiteral("F2");
    QTest::addRow("double-click") << QStringLiteral("double-click");
    QTest::addRow("typing") << QStringLiteral("typing");
}

void TestImportValidation::fixInPlaceThenCommit()
{
    QFETCH(QString, how);
    ImportWizard wizard(*m_store);
    ImportValidationPage* page = openValidation(wizard);
    QVERIFY(page);
    page->statusFilter()->setCurrentIndex(page->statusFilter()->findData(int(RowStatus::Error)));
    QCOMPARE(page->view()->model()->rowCount(), 2);
    QCOMPARE(str(resultOf(page, 2).status), str(RowStatus::Error));

    QVERIFY(editThroughView(page, 2, CountryCol, QStringLiteral("Thailand"), how));
    // Checked again at once: new, no error left, the country read as TH; the cell is marked as corrected.
    const RowResult fixed = resultOf(page, 2);
    QCOMPARE(str(fixed.status), str(RowStatus::New));
    QCOMPARE(fixed.country, QStringLiteral("TH"));
    QVERIFY(fixed.errors.isEmpty());
    QCOMPARE(at(page, 2, -1).data().toString(), statusLabel(RowStatus::New));
    QCOMPARE(at(page, 2, CountryCol).data().toString(), QStringLiteral("Thailand"));
    QVERIFY(at(page, 2, CountryCol).data(ReportRowModel::EditedRole).toBool());
    QVERIFY(at(page, 2, CountryCol).data(Qt::ToolTipRole).toString().contains(QLatin1String("Thailnd")));
    QCOMPARE(at(page, 2, CountryCol).data(ReportRowModel::IssueRole).toInt(), 0);
    QVERIFY(!at(page, 2, NameCol).data(ReportRowModel::EditedRole).toBool());
    QCOMPARE(wizard.state().overrides.value(2).value(CountryCol), QStringLiteral("Thailand"));
    QCOMPARE(wizard.state().overrides.size(), 1);
    // The counts follow, and the fixed row stays in view under the Error filter until the filter changes.
    QCOMPARE(wizard.state().validation.counts.errors, 1);
    QCOMPARE(wizard.state().validation.counts.newRows, 3);
    QVERIFY(page->findChild<QLabel*>(QStringLiteral("counts"))->text().contains(QLatin1String("Errors: 1")));
    QCOMPARE(page->editsLabel()->text(), QStringLiteral("1 cell corrected"));
    QCOMPARE(page->view()->model()->rowCount(), 2);
    QVERIFY(page->statusFilter()->currentText().startsWith(statusLabel(RowStatus::Error) + QLatin1String(" (1)")));
    // F8: on to the error left, which the details under the table explain.
    QTest::keyClick(page->view(), Qt::Key_F8);
    QCOMPARE(page->view()->currentIndex(), at(page, 3, WorkersCol));
    QVERIFY2(page->detailsLabel()->text().contains(QLatin1String("column 4 (No. of Workers)")),
             qPrintable(page->detailsLabel()->text()));
    page->statusFilter()->setCurrentIndex(0);
    QCOMPARE(page->view()->model()->rowCount(), 6);
    QCOMPARE(page->view()->currentIndex(), at(page, 3, WorkersCol));
    if (how == QLatin1String("F2")) {
        QCoreApplication::processEvents(); // lay out the labels changed above before grabbing
        shoot(&wizard, QStringLiteral("wizard_fix"));
    }
    page->statusFilter()->setCurrentIndex(page->statusFilter()->findData(int(RowStatus::Error)));
    QCOMPARE(page->view()->model()->rowCount(), 1);
    QCOMPARE(page->view()->model()->index(0, 0).data().toLongLong(), 3);

    // Duplicates (row 7 held back), then the commit imports the corrected country.
    wizard.next();
    QCOMPARE(static_cast<ImportDuplicatePage*>(wizard.currentPage())->table()->rowCount(), 1);
    wizard.next();
    settle(wizard);
    QVERIFY(wizard.state().committed);
    QCOMPARE(wizard.state().result.counts.errors, 1); // row 3's "abc" is still skipped
    QCOMPARE(wizard.state().result.counts.added, 4);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppliers WHERE name = 'Chiang Mai Knitting' AND "
                                  "country = 'TH'")),
             1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppliers WHERE name = 'PT Sumber Makmur'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppliers")), 5);
}

void TestImportValidation::escapeCancelsUndoAndRedo()
{
    ImportWizard wizard(*m_store);
    ImportValidationPage* page = openValidation(wizard);
    QVERIFY(page);
    // Esc: nothing changes.
    QVERIFY(editThroughView(page, 3, WorkersCol, QStringLiteral("450"), QStringLiteral("F2"), Qt::Key_Escape));
    QCOMPARE(at(page, 3, WorkersCol).data().toString(), QStringLiteral("abc"));
    QCOMPARE(page->undoStack()->count(), 0);
    QVERIFY(wizard.state().overrides.isEmpty());
    QCOMPARE(str(resultOf(page, 3).status), str(RowStatus::Error));
    // Enter: corrected and re-checked.
    QVERIFY(editThroughView(page, 3, WorkersCol, QStringLiteral("450")));
    QCOMPARE(str(resultOf(page, 3).status), str(RowStatus::New));
    QCOMPARE(wizard.state().validation.counts.errors, 1);
    QCOMPARE(page->undoStack()->count(), 1);
    // Ctrl+Z on the page: back to the file's text, error again, no correction kept.
    QTest::keySequence(page->view(), QKeySequence::Undo);
    QCOMPARE(at(page, 3, WorkersCol).data().toString(), QStringLiteral("abc"));
    QVERIFY(!at(page, 3, WorkersCol).data(ReportRowModel::EditedRole).toBool());
    QCOMPARE(str(resultOf(page, 3).status), str(RowStatus::Error));
    QCOMPARE(resultOf(page, 3).errors.first().column, WorkersCol + 1);
    QVERIFY(wizard.state().overrides.isEmpty());
    QCOMPARE(wizard.state().validation.counts.errors, 2);
    QVERIFY(page->editsLabel()->text().isEmpty());
    // Redo.
    QTest::keySequence(page->view(), QKeySequence::Redo);
    QCOMPARE(at(page, 3, WorkersCol).data().toString(), QStringLiteral("450"));
    QCOMPARE(str(resultOf(page, 3).status), str(RowStatus::New));
    QCOMPARE(wizard.state().overrides.value(3).value(WorkersCol), QStringLiteral("450"));
    // Two edits of one cell, then typing the file's text again: no correction left.
    QVERIFY(editThroughView(page, 3, WorkersCol, QStringLiteral("460")));
    QCOMPARE(wizard.state().overrides.value(3).value(WorkersCol), QStringLiteral("460"));
    QVERIFY(editThroughView(page, 3, WorkersCol, QStringLiteral("abc")));
    QVERIFY(wizard.state().overrides.isEmpty());
    QVERIFY(!at(page, 3, WorkersCol).data(ReportRowModel::EditedRole).toBool());
    QCOMPARE(page->undoStack()->count(), 3);
    QTest::keySequence(page->view(), QKeySequence::Undo);
    QCOMPARE(wizard.state().overrides.value(3).value(WorkersCol), QStringLiteral("460"));
    QVERIFY(at(page, 3, WorkersCol).data(Qt::ToolTipRole).toString().contains(QLatin1String("\"abc\"")));
}

void TestImportValidation::nextErrorKey()
{
    ImportWizard wizard(*m_store);
    ImportValidationPage* page = openValidation(wizard);
    QVERIFY(page);
    QTableView* view = page->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_F8);
    QCOMPARE(view->currentIndex(), at(page, 2, CountryCol)); // on the cell the error names
    QTest::keyClick(view, Qt::Key_F8);
    QCOMPARE(view->currentIndex(), at(page, 3, WorkersCol));
    QTest::keyClick(view, Qt::Key_F8); // wraps
    QCOMPARE(view->currentIndex(), at(page, 2, CountryCol));
    QTest::keyClick(view, Qt::Key_F8, Qt::ShiftModifier);
    QCOMPARE(view->currentIndex(), at(page, 3, WorkersCol));
    // F2 on the error's cell edits it; fixed, F8 goes to the only error left.
    QTest::keyClick(view, Qt::Key_F2);
    auto* editor = view->viewport()->findChild<QLineEdit*>();
    QVERIFY(editor && editor->isVisible());
    editor->setText(QStringLiteral("~450"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    QCOMPARE(str(resultOf(page, 3).status), str(RowStatus::New));
    QVERIFY2(resultOf(page, 3).reasons.join(QLatin1Char(' ')).contains(QLatin1String("450")),
             qPrintable(resultOf(page, 3).reasons.join(QLatin1Char(' '))));
    QTest::keyClick(view, Qt::Key_F8);
    QCOMPARE(view->currentIndex(), at(page, 2, CountryCol));
    QVERIFY(editThroughView(page, 2, CountryCol, QStringLiteral("TH")));
    QVERIFY(!page->goToError());
    QCOMPARE(wizard.state().validation.counts.errors, 0);
}

void TestImportValidation::correctionsKeptWhenCheckingAgain()
{
    ImportWizard wizard(*m_store);
    ImportValidationPage* page = openValidation(wizard);
    QVERIFY(page);
    QVERIFY(editThroughView(page, 2, CountryCol, QStringLiteral("Thailand")));
    QVERIFY(editThroughView(page, 3, WorkersCol, QStringLiteral("450")));
    // The whole dry run again, on the worker thread, with the corrections.
    page->checkAgainButton()->click();
    QVERIFY(!page->isComplete());
    settle(wizard);
    QVERIFY(page->isComplete());
    QCOMPARE(wizard.state().validation.counts.errors, 0);
    QCOMPARE(wizard.state().validation.counts.newRows, 4);
    QCOMPARE(at(page, 2, CountryCol).data().toString(), QStringLiteral("Thailand"));
    QVERIFY(at(page, 2, CountryCol).data(ReportRowModel::EditedRole).toBool());
    QVERIFY(at(page, 2, CountryCol).data(Qt::ToolTipRole).toString().contains(QLatin1String("Thailnd")));
    QVERIFY(at(page, 3, WorkersCol).data(ReportRowModel::EditedRole).toBool());
    QCOMPARE(page->editsLabel()->text(), QStringLiteral("2 cells corrected"));
    // Back to the mapping and on again: still there, and still undoable.
    wizard.back();
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    wizard.next();
    settle(wizard);
    QCOMPARE(wizard.state().validation.counts.errors, 0);
    QCOMPARE(page->undoStack()->count(), 2);
    page->undoStack()->undo();
    QCOMPARE(str(resultOf(page, 3).status), str(RowStatus::Error));
    QCOMPARE(wizard.state().validation.counts.errors, 1);
    QCOMPARE(wizard.state().overrides.size(), 1);
}

void TestImportValidation::correctionsDroppedWhenReadAnotherWay()
{
    ImportWizard wizard(*m_store);
    ImportValidationPage* page = openValidation(wizard);
    QVERIFY(page);
    QVERIFY(editThroughView(page, 2, CountryCol, QStringLiteral("Thailand")));
    wizard.back();
    wizard.back();
    auto* preview = qobject_cast<ImportPreviewPage*>(wizard.currentPage());
    QVERIFY(preview);
    preview->encodingBox()->setCurrentIndex(preview->encodingBox()->findData(QStringLiteral("UTF-8")));
    settle(wizard);
    QVERIFY(wizard.state().overrides.isEmpty());
    wizard.next();
    wizard.next();
    settle(wizard);
    QVERIFY(page->isComplete());
    QCOMPARE(page->undoStack()->count(), 0);
    QCOMPARE(str(resultOf(page, 2).status), str(RowStatus::Error));
    QCOMPARE(at(page, 2, CountryCol).data().toString(), QStringLiteral("Thailnd"));
}

void TestImportValidation::fixingAnAddressMakesAMatch()
{
    ImportWizard wizard(*m_store);
    ImportValidationPage* page = openValidation(wizard);
    QVERIFY(page);
    QCOMPARE(str(resultOf(page, 7).status), str(RowStatus::PossibleDuplicate));
    // The same name at the workspace supplier's address: the same supplier.
    QVERIFY(editThroughView(page, 7, AddressCol, QStringLiteral("Bouaké")));
    const RowResult r = resultOf(page, 7);
    QCOMPARE(str(r.status), str(RowStatus::Matched));
    QCOMPARE(r.candidateId, m_existingId);
    QCOMPARE(wizard.state().validation.counts.possibleDuplicates, 0);
    QCOMPARE(wizard.state().validation.counts.matched, 1);
    wizard.next();
    QCOMPARE(static_cast<ImportDuplicatePage*>(wizard.currentPage())->table()->rowCount(), 0);
    wizard.next();
    settle(wizard);
    QVERIFY(wizard.state().committed);
    QCOMPARE(wizard.state().result.counts.updated, 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM identifiers WHERE value = 'V106'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppliers WHERE name = 'Café Lumière Textiles'")), 1);
}

void TestImportValidation::enterEditsInsteadOfGoingOn()
{
    ImportWizard wizard(*m_store);
    ImportValidationPage* page = openValidation(wizard);
    QVERIFY(page);
    QTableView* view = page->view();
    view->setFocus();
    view->setCurrentIndex(at(page, 3, WorkersCol));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(ImportWizard::ValidationPage));
    auto* editor = view->viewport()->findChild<QLineEdit*>();
    QVERIFY(editor && editor->isVisible());
    QCOMPARE(editor->text(), QStringLiteral("abc"));
    QTest::keyClick(editor, Qt::Key_Escape);
    QCoreApplication::processEvents();
    // On a cell that cannot be edited, Enter does nothing either.
    view->setCurrentIndex(at(page, 3, -1));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(ImportWizard::ValidationPage));
}

void TestImportValidation::undoWaitsWhileCheckingAgain()
{
    ImportWizard wizard(*m_store);
    ImportValidationPage* page = openValidation(wizard);
    QVERIFY(page);
    QVERIFY(editThroughView(page, 2, CountryCol, QStringLiteral("Thailand")));
    auto* undoButton = page->findChild<QPushButton*>(QStringLiteral("undoButton"));
    QVERIFY(undoButton->isEnabled());
    page->checkAgainButton()->click();
    QVERIFY(wizard.job()->isRunning());
    QVERIFY(!undoButton->isEnabled());
    QTest::keySequence(page->view(), QKeySequence::Undo); // ignored: the run in progress has the correction
    QCOMPARE(page->undoStack()->index(), 1);
    QCOMPARE(wizard.state().overrides.size(), 1);
    settle(wizard);
    QVERIFY(undoButton->isEnabled());
    QCOMPARE(str(resultOf(page, 2).status), str(RowStatus::New));
    QTest::keySequence(page->view(), QKeySequence::Undo);
    QCOMPARE(page->undoStack()->index(), 0);
    QCOMPARE(str(resultOf(page, 2).status), str(RowStatus::Error));
    QVERIFY(!undoButton->isEnabled());
}

QTEST_MAIN(TestImportValidation)
#include "tst_importvalidation.moc"
