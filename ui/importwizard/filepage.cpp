#include "filepage.h"

#include "importwizard.h"
#include "widgets/filedialog.h"
#include "widgets/textstyle.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {
QString localFileOf(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    return mime->urls().first().toLocalFile();
}
} // namespace

ImportFilePage::ImportFilePage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_path(new QLineEdit(this))
{
    setObjectName(QStringLiteral("filePage"));
    setTitle(tr("Choose a file"));
    setSubTitle(tr("A supplier list as CSV or Excel (XLSX). You can also drop the file here."));
    setAcceptDrops(true);

    m_path->setObjectName(QStringLiteral("path"));
    m_path->setPlaceholderText(tr("Path of a .csv, .txt or .xlsx file"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browse"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);

    auto* hint = new QLabel(tr("Vigil reads the file as it is: nothing is written to the workspace until the last "
                               "step, and the whole import can be undone afterwards."),
                            this);
    hint->setWordWrap(true);
    auto* drop = new QLabel(tr("Drop a file here"), this);
    drop->setAlignment(Qt::AlignCenter);
    drop->setMinimumHeight(120);
    drop->setStyleSheet(QStringLiteral("QLabel { border: 2px dashed palette(mid); }"));
    setMutedText(drop);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(hint);
    layout->addWidget(drop, 1);

    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_path, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
}

void ImportFilePage::setPath(const QString& path)
{
    m_path->setText(path);
}

QString ImportFilePage::path() const
{
    return m_path->text().trimmed();
}

bool ImportFilePage::isComplete() const
{
    const QFileInfo info(path());
    return !path().isEmpty() && info.isFile() && info.isReadable();
}

bool ImportFilePage::validatePage()
{
    if (!isComplete())
        return false;
    m_wizard->state() = ImportWizardState();
    m_wizard->state().path = path();
    return true;
}

void ImportFilePage::browse()
{
    const QString file = FileDialog::getOpenFileName(this, tr("Import suppliers"), QFileInfo(path()).absolutePath(),
                                                     tr("Supplier lists (*.csv *.txt *.tsv *.xlsx);;All files (*)"));
    if (!file.isEmpty())
        m_path->setText(file);
}

void ImportFilePage::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localFileOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImportFilePage::dropEvent(QDropEvent* event)
{
    const QString file = localFileOf(event->mimeData());
    if (file.isEmpty())
        return;
    m_path->setText(file);
    event->acceptProposedAction();
}

} // namespace vigil::ui
