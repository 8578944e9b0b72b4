#include "reports/reportspage.h"

#include "reports/reportpreview.h"
#include "reports/statementeditor.h"

#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil {

ReportsPage::ReportsPage(Database* db, QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_preview(new ReportPreview(db))
    , m_editor(new StatementEditor(db))
{
    m_tabs->addTab(m_preview, tr("Preview and export"));
    m_tabs->addTab(m_editor, tr("Statement texts"));
    m_tabs->setDocumentMode(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_editor, &StatementEditor::saved, m_preview, &ReportPreview::refresh);
    // Show the page first, then build the portfolio report into the preview.
    QTimer::singleShot(0, m_preview, &ReportPreview::refresh);
}

} // namespace vigil
