#include "validationpage.h"

#include "importjob.h"
#include "importwizard.h"
#include "jobprogress.h"
#include "reportrowmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil::ui {

ImportValidationPage::ImportValidationPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_progress(new JobProgress(wizard->job(), this))
    , m_counts(new QLabel(this))
    , m_filter(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_model(new ReportRowModel(this))
    , m_proxy(new ReportStatusFilter(this))
{
    setObjectName(QStringLiteral("validationPage"));
    setTitle(tr("Check the rows"));
    setSubTitle(tr("Vigil read the whole file and checked every row; nothing has been written yet. Rows with "
                   "errors will be skipped. To fix a row, correct the file and go Back to read it again."));
    m_counts->setObjectName(QStringLiteral("counts"));
    m_counts->setWordWrap(true);
    m_filter->setObjectName(QStringLiteral("statusFilter"));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("validationView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto* filterRow = new QHBoxLayout;
    auto* show = new QLabel(tr("&Show:"), this);
    show->setBuddy(m_filter);
    filterRow->addWidget(show);
    filterRow->addWidget(m_filter);
    filterRow->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStatus(m_filter->currentData().toInt()); });
}

void ImportValidationPage::initializePage()
{
    run();
}

void ImportValidationPage::cleanupPage()
{
    if (m_wizard->job()->isRunning()) {
        m_wizard->job()->cancel();
        m_wizard->job()->wait();
    }
}

bool ImportValidationPage::isComplete() const
{
    return m_done && !m_wizard->job()->isRunning();
}

void ImportValidationPage::run()
{
    m_done = false;
    m_model->setRows({});
    m_filter->clear();
    m_counts->clear();
    emit completeChanged();
    m_progress->begin(tr("Checking every row…"));
    const QString path = m_wizard->state().path;
    const ImportOptions options = m_wizard->state().options(true);
    m_wizard->job()->start(
        [this, path, options](Database& db, const std::atomic<bool>* cancel, const ImportProgress& progress) {
            Importer importer(db);
            auto report = importer.run(path, options, progress, cancel);
            return ImportJob::Deliver([this, report = std::move(report)] {
                if (!report) {
                    m_progress->end(m_wizard->job()->wasCancelled() ? tr("Checking cancelled. Go Back, then Next to "
                                                                         "check again.")
                                                                    : report.error().toString(),
                                    true);
                    return;
                }
                m_wizard->state().validation = *report;
                m_done = true;
                showReport();
                emit completeChanged();
            });
        });
}

void ImportValidationPage::showReport()
{
    const ImportReport& r = m_wizard->state().validation;
    const ImportCounts& c = r.counts;
    m_progress->end(tr("Checked %n row(s).", nullptr, int(c.rows)));
    m_counts->setText(tr("New: %1 · Matched: %2 · Possible duplicates: %3 · Warnings: %4 · Errors: %5")
                          .arg(c.newRows)
                          .arg(c.matched)
                          .arg(c.possibleDuplicates)
                          .arg(c.warnings)
                          .arg(c.errors)
                      + (r.rowsTruncated
                             ? tr(" (only the first %1 rows with something to say are listed)").arg(r.rows.size())
                             : QString()));
    m_model->setRows(r.rows);
    const QList<std::pair<RowStatus, qint64>> statuses{{RowStatus::New, c.newRows},
                                                       {RowStatus::Matched, c.matched},
                                                       {RowStatus::PossibleDuplicate, c.possibleDuplicates},
                                                       {RowStatus::Warning, c.warnings},
                                                       {RowStatus::Error, c.errors}};
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->addItem(tr("All listed rows (%1)").arg(r.rows.size()), -1);
    for (const auto& [status, count] : statuses) {
        // Plain new rows are counted, not listed (a file may have a million of them).
        const QString text = status == RowStatus::New ? tr("%1 (%2, counted only)") : QStringLiteral("%1 (%2)");
        m_filter->addItem(text.arg(statusLabel(status)).arg(count), int(status));
    }
    m_filter->blockSignals(false);
    m_proxy->setStatus(-1);
    m_view->resizeColumnsToContents();
}

} // namespace vigil::ui
