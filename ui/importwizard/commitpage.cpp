#include "commitpage.h"

#include "importjob.h"
#include "importwizard.h"
#include "jobprogress.h"

#include "importer/importhistory.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::ui {

ImportCommitPage::ImportCommitPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_progress(new JobProgress(wizard->job(), this))
    , m_summary(new QLabel(this))
    , m_undo(new QPushButton(tr("&Undo this import"), this))
{
    setObjectName(QStringLiteral("commitPage"));
    setTitle(tr("Import"));
    setSubTitle(tr("The import is one transaction: if it is cancelled or fails, the workspace stays as it was."));
    setFinalPage(true);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_undo->setObjectName(QStringLiteral("undoImport"));
    m_undo->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_undo, 0, Qt::AlignLeft);
    layout->addStretch(1);

    connect(m_undo, &QPushButton::clicked, this, &ImportCommitPage::undo);
}

void ImportCommitPage::initializePage()
{
    commit();
}

bool ImportCommitPage::isComplete() const
{
    return m_done && !m_wizard->job()->isRunning();
}

void ImportCommitPage::commit()
{
    m_done = false;
    m_summary->clear();
    m_undo->hide();
    emit completeChanged();
    m_progress->begin(tr("Importing… Cancel leaves the workspace as it was."));
    const QString path = m_wizard->state().path;
    const ImportOptions options = m_wizard->state().options(false);
    m_wizard->job()->start([this, path, options](Database& db, const std::atomic<bool>* cancel,
                                                 const ImportProgress& progress) {
        Importer importer(db);
        auto report = importer.run(path, options, progress, cancel);
        return ImportJob::Deliver([this, report = std::move(report)] {
            m_done = true;
            if (!report) {
                const bool cancelled = m_wizard->job()->wasCancelled();
                m_progress->end(
                    cancelled
                        ? tr("Import cancelled: the workspace was not changed.")
                        : tr("The import failed and the workspace was not changed: %1").arg(report.error().toString()),
                    !cancelled);
            } else {
                m_wizard->state().result = *report;
                m_wizard->state().committed = report->committed;
                showSummary();
                if (report->committed)
                    emit m_wizard->workspaceChanged();
            }
            emit completeChanged();
        });
    });
}

void ImportCommitPage::showSummary()
{
    const ImportReport& r = m_wizard->state().result;
    const ImportCounts& c = r.counts;
    if (r.aborted || !r.committed) {
        m_progress->end(tr("Nothing was imported: the workspace was not changed."), true);
        return;
    }
    m_progress->end(tr("Imported %n row(s).", nullptr, int(c.rows)));
    QStringList lines{tr("Added: %1 new supplier(s)").arg(c.added),
                      tr("Updated: %1 existing supplier(s)").arg(c.updated), tr("Unchanged: %1").arg(c.unchanged),
                      tr("Held back for review: %1").arg(c.held),
                      tr("Skipped (errors or your choice): %1").arg(c.skipped)};
    if (!r.profile.isEmpty())
        lines << tr("Mapping profile: %1").arg(r.profile);
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_undo->setVisible(!r.batchId.isEmpty());
    m_undo->setEnabled(true);
}

void ImportCommitPage::undo()
{
    const QString batch = m_wizard->state().result.batchId;
    if (batch.isEmpty() || m_wizard->state().undone)
        return;
    m_undo->setEnabled(false);
    m_done = false;
    emit completeChanged();
    m_progress->begin(tr("Undoing the import…"));
    m_progress->cancelButton()->hide(); // an undo is one short transaction
    m_wizard->job()->start([this, batch](Database& db, const std::atomic<bool>*, const ImportProgress&) {
        ImportHistory history(db);
        auto undone = history.undo(batch);
        return ImportJob::Deliver([this, undone = std::move(undone)] {
            m_done = true;
            emit completeChanged();
            if (!undone) {
                m_progress->end(undone.error().toString(), true);
                m_undo->setEnabled(true);
                return;
            }
            m_wizard->state().undone = true;
            m_undo->hide();
            m_progress->end(tr("Import undone: %n supplier(s) removed", nullptr, int(undone->removed))
                            + tr(", %n restored.", nullptr, int(undone->restored)));
            emit m_wizard->workspaceChanged();
        });
    });
}

} // namespace vigil::ui
