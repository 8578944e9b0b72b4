#include "reportpreview.h"

#include "render/pdf/cairopdf.h"
#include "render/pdfrenderer.h"
#include "render/reportwriter.h"
#include "report/reportbuilder.h"
#include "report/statements.h"
#include "report/statementtexts.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

#ifdef VIGIL_HAVE_POPPLER_QT6
#include <QPainter>
#include <poppler-qt6.h>
#endif

namespace vigil {

using namespace report;

ReportPreview::ReportPreview(Database* db, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
{
    m_printer = new QPrinter(QPrinter::HighResolution);
    m_printer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    m_printer->setFullPage(true);
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Portfolio risk report"), QStringLiteral("portfolio"));
    for (Jurisdiction j : allJurisdictions())
        m_kind->addItem(tr("Statement: %1").arg(lawName(j)), QStringLiteral("statement:") + jurisdictionId(j));
    // As wide as the page allows, yet never making the window wider than a small screen: the names show whole in
    // the list.
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(16);
    bar->addWidget(m_kind, 1);
    auto* print = new QPushButton(tr("&Print…"), this);
    auto* exportButton = new QPushButton(tr("E&xport…"), this);
    bar->addWidget(print);
    bar->addWidget(exportButton);
    layout->addLayout(bar);
    m_preview = new QPrintPreviewWidget(m_printer, this);
    m_preview->setZoomMode(QPrintPreviewWidget::FitToWidth);
    layout->addWidget(m_preview, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true); // the provenance line is long: it wraps rather than widen the window
    layout->addWidget(m_status);
    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, &ReportPreview::paint);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReportPreview::refresh);
    connect(print, &QPushButton::clicked, this, [this] {
        QPrintDialog dialog(m_printer, this);
        if (dialog.exec() == QDialog::Accepted) {
            m_printing = true;
            paint(m_printer);
            m_printing = false;
        }
    });
    connect(exportButton, &QPushButton::clicked, this, &ReportPreview::askToExport);
}

ReportPreview::~ReportPreview()
{
    delete m_preview; // it paints on m_printer: gone first
    delete m_printer;
}

Status ReportPreview::showReport(const QString& kind, const QString& argument)
{
    if (!m_db)
        return makeError(tr("No workspace is open."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (kind == QLatin1String("supplier")) {
        auto data = gatherSupplier(*m_db, argument, now);
        if (!data)
            return data.error();
        auto texts = StatementTexts(*m_db).texts(QStringLiteral("all"));
        m_doc = buildSupplierReport(data.value(), texts ? texts->value(kOrganisationKey) : QString());
        m_supplierId = argument;
    } else {
        auto data = gatherPortfolio(*m_db, now);
        if (!data)
            return data.error();
        if (kind == QLatin1String("statement")) {
            const auto j = jurisdictionFromId(argument);
            if (!j)
                return makeError(tr("Unknown law '%1'.").arg(argument));
            auto texts = StatementTexts(*m_db).texts(argument);
            if (!texts)
                return texts.error();
            m_doc = buildStatement(data.value(), *j, texts.value());
        } else {
            auto texts = StatementTexts(*m_db).texts(QStringLiteral("all"));
            m_doc = buildPortfolioReport(data.value(), texts ? texts->value(kOrganisationKey) : QString());
        }
    }
    m_preview->updatePreview();
    m_status->setText(tr("%1 · %2 page(s)").arg(m_doc.provenanceLine()).arg(pageCount()));
    return {};
}

int ReportPreview::pageCount() const
{
    return m_preview->pageCount();
}

void ReportPreview::refresh()
{
    const QString data = m_kind->currentData().toString();
    Status st = data.startsWith(QLatin1String("statement:")) ? showReport(QStringLiteral("statement"), data.mid(10))
                                                             : showReport(data);
    if (!st)
        m_status->setText(st.error().message);
}

void ReportPreview::paint(QPrinter* printer)
{
    if (m_doc.sections.isEmpty())
        return;
#ifdef VIGIL_HAVE_POPPLER_QT6
    // The pages of the PDF itself (Pango + Cairo), drawn by poppler: what is previewed and printed is what is
    // exported. Pages are rasterised: 150 dpi on screen, 300 dpi for the printer.
    auto pdf = render::cairoPdf(m_doc);
    if (!pdf) {
        m_status->setText(pdf.error().message);
        return;
    }
    std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(pdf.value());
    if (!document || document->isLocked()) {
        m_status->setText(tr("The PDF could not be read back for the preview."));
        return;
    }
    document->setRenderHint(Poppler::Document::Antialiasing);
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    const int dpi = m_printing ? 300 : 150;
    QPainter painter;
    if (!painter.begin(printer)) {
        m_status->setText(tr("The preview could not be drawn."));
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF target(0, 0, printer->width(), printer->height());
    for (int i = 0; i < document->numPages(); ++i) {
        if (i > 0)
            printer->newPage();
        std::unique_ptr<Poppler::Page> page = document->page(i);
        if (page)
            painter.drawImage(target, page->renderToImage(dpi, dpi));
    }
    painter.end();
#else
    if (Status st = render::paintReport(m_doc, *printer, printer->resolution()); !st)
        m_status->setText(st.error().message);
#endif
}

Status ReportPreview::exportTo(const QString& path)
{
    const auto format = render::documentFormatFromString(QFileInfo(path).suffix());
    if (!format)
        return makeError(tr("Export as .pdf, .html or .odt."));
    return render::writeReport(m_doc, *format, path);
}

void ReportPreview::askToExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), m_doc.kind + QStringLiteral(".pdf"),
                                                      tr("PDF (*.pdf);;HTML (*.html);;OpenDocument text (*.odt)"));
    if (path.isEmpty())
        return;
    if (Status st = exportTo(path); !st)
        QMessageBox::warning(this, tr("Export report"), st.error().message);
}

} // namespace vigil
