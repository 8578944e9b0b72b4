#include "importwizard.h"

#include "commitpage.h"
#include "duplicatepage.h"
#include "filepage.h"
#include "importjob.h"
#include "mappingpage.h"
#include "previewpage.h"
#include "validationpage.h"

#include "importer/rowcheck.h"
#include "services/supplierstore.h"

namespace vigil::ui {

ImportOptions ImportWizardState::options(bool dryRun) const
{
    ImportOptions o;
    o.reader = reader;
    o.mapping = mapping;
    o.dryRun = dryRun;
    o.onError = ImportOptions::OnError::Skip;
    o.possibleDuplicates = ImportOptions::Possible::Hold;
    o.decisions = decisions;
    o.cellOverrides = overrides;
    o.listNewRows = dryRun; // the validation page lists every row, not only those with something to say
    if (!dryRun)
        o.beforeWrite = beforeWrite;
    return o;
}

ImportWizard::ImportWizard(SupplierStore& store, QWidget* parent)
    : QWizard(parent)
    , m_store(store)
    , m_job(new ImportJob(store.database(), this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import suppliers"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage); // the commit page has its own Cancel while importing
    setPage(FilePage, new ImportFilePage(this));
    setPage(PreviewPage, new ImportPreviewPage(this));
    setPage(MappingPage, new ImportMappingPage(this));
    setPage(ValidationPage, new ImportValidationPage(this));
    setPage(DuplicatePage, new ImportDuplicatePage(this));
    setPage(CommitPage, new ImportCommitPage(this));
    setStartId(FilePage);
    resize(1000, 640);
    connect(this, &ImportWizard::workspaceChanged, &m_store, &SupplierStore::notifyReset);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::setFile(const QString& path)
{
    if (currentId() != FilePage)
        restart();
    static_cast<ImportFilePage*>(page(FilePage))->setPath(path);
    next();
}

void ImportWizard::reject()
{
    if (m_job->isRunning()) {
        m_job->cancel();
        m_job->wait();
    }
    QWizard::reject();
}

} // namespace vigil::ui
