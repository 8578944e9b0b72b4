#pragma once

#include "importer/importer.h"

#include <QWizard>

#include <memory>

namespace vigil {
class RowChecker;
class SupplierStore;
} // namespace vigil

namespace vigil::ui {

class ImportJob;

// What the pages of the import wizard share: the file, the reader overrides, the mapping, the dry run, the
// duplicate decisions and the committed import.
struct ImportWizardState
{
    QString path;
    ReaderOptions reader; // the user's overrides; empty values are detected
    ImportPreview preview;
    ColumnMapping mapping;
    ImportReport
        validation; // the dry run (every row listed, up to ImportOptions::maxListedRows), with the user's fixes
    // In-place fixes on the validation page: the corrected cells (passed to every later run as cellOverrides) and
    // the file's text of each of them. Cleared when the file or how it is read changes.
    CellOverrides overrides;
    CellOverrides originals;
    QHash<qint64, QStringList> cells; // the cells of the listed rows, corrections applied
    std::shared_ptr<RowChecker> checker; // re-checks one edited row (built with the dry run)
    QHash<qint64, RowDecision> decisions;
    ImportReport result; // the committed (or cancelled) import
    bool committed = false;
    bool undone = false;
    // Test seam, passed to the commit (ImportOptions::beforeWrite).
    std::function<Status(qint64 row)> beforeWrite;

    ImportOptions options(bool dryRun) const;
};

// File -> Import suppliers: choose a file, preview it as the importer reads it, map its columns, validate, review
// possible duplicates, commit with progress and cancel, and undo the import. Reading, validation and commit run on
// a worker thread with their own workspace connection; the store is told to reset after a commit or an undo.
class ImportWizard : public QWizard
{
    Q_OBJECT
public:
    enum Page { FilePage, PreviewPage, MappingPage, ValidationPage, DuplicatePage, CommitPage };

    explicit ImportWizard(SupplierStore& store, QWidget* parent = nullptr);
    ~ImportWizard() override;

    ImportWizardState& state() { return m_state; }
    SupplierStore& store() { return m_store; }
    ImportJob* job() const { return m_job; }
    // Starts on the preview page with this file (drag-and-drop on the main window, tests).
    void setFile(const QString& path);

    void reject() override; // cancels running work first

signals:
    void workspaceChanged(); // after a commit or an undo

private:
    SupplierStore& m_store;
    ImportJob* m_job;
    ImportWizardState m_state;
};

} // namespace vigil::ui
