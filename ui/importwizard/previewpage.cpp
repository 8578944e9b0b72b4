#include "previewpage.h"

#include "importjob.h"
#include "importwizard.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {
QString delimiterName(const QString& d)
{
    if (d == QLatin1String("\t"))
        return ImportPreviewPage::tr("Tab");
    if (d == QLatin1String(" "))
        return ImportPreviewPage::tr("Space");
    return d.isEmpty() ? ImportPreviewPage::tr("none") : QStringLiteral("“%1”").arg(d);
}
} // namespace

ImportPreviewPage::ImportPreviewPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_encoding(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_headerRow(new QSpinBox(this))
    , m_sheet(new QComboBox(this))
    , m_detected(new QLabel(this))
    , m_status(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel reading"), this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("previewPage"));
    setTitle(tr("Preview"));
    setSubTitle(tr("The first %1 rows as Vigil reads them. Change what was detected if the columns look wrong.")
                    .arg(PreviewRows));

    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->addItem(tr("Detect"), QString());
    for (const char* e : {"UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "ISO-8859-1"})
        m_encoding->addItem(QLatin1String(e), QLatin1String(e));
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    m_delimiter->addItem(tr("Detect"), QString());
    m_delimiter->addItem(tr("Comma ,"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon ;"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    m_delimiter->addItem(tr("Pipe |"), QStringLiteral("|"));
    m_headerRow->setObjectName(QStringLiteral("headerRow"));
    m_headerRow->setRange(0, 1000);
    m_headerRow->setSpecialValueText(tr("Detect"));
    m_sheet->setObjectName(QStringLiteral("sheet"));
    m_sheet->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detected->setObjectName(QStringLiteral("detected"));
    m_cancel->setObjectName(QStringLiteral("cancelReading"));
    m_cancel->hide();
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setDefaultSectionSize(140);

    auto* form = new QHBoxLayout;
    auto* left = new QFormLayout;
    left->addRow(tr("&Encoding:"), m_encoding);
    left->addRow(tr("&Delimiter:"), m_delimiter);
    auto* right = new QFormLayout;
    right->addRow(tr("&Header row:"), m_headerRow);
    right->addRow(tr("&Sheet:"), m_sheet);
    form->addLayout(left);
    form->addLayout(right);
    form->addStretch(1);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_detected);
    layout->addLayout(statusRow);
    layout->addWidget(m_table, 1);

    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportPreviewPage::overridesChanged);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportPreviewPage::overridesChanged);
    connect(m_headerRow, &QSpinBox::valueChanged, this, &ImportPreviewPage::overridesChanged);
    connect(m_sheet, &QComboBox::currentIndexChanged, this, &ImportPreviewPage::overridesChanged);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_wizard->job()->cancel(); });
}

void ImportPreviewPage::initializePage()
{
    syncControls();
    read();
}

void ImportPreviewPage::cleanupPage()
{
    ImportJob* job = m_wizard->job();
    if (job->isRunning()) {
        job->cancel();
        job->wait();
    }
}

bool ImportPreviewPage::isComplete() const
{
    return m_loaded && !m_wizard->job()->isRunning() && !m_wizard->state().preview.header.isEmpty();
}

void ImportPreviewPage::syncControls()
{
    const ReaderOptions& r = m_wizard->state().reader;
    m_syncing = true;
    m_encoding->setCurrentIndex(qMax(0, m_encoding->findData(r.encoding)));
    m_delimiter->setCurrentIndex(
        qMax(0, m_delimiter->findData(r.delimiter.isNull() ? QString() : QString(r.delimiter))));
    m_headerRow->setValue(r.headerRow);
    m_syncing = false;
}

void ImportPreviewPage::overridesChanged()
{
    if (m_syncing)
        return;
    ReaderOptions& r = m_wizard->state().reader;
    r.encoding = m_encoding->currentData().toString();
    const QString d = m_delimiter->currentData().toString();
    r.delimiter = d.isEmpty() ? QChar() : d.at(0);
    r.headerRow = m_headerRow->value();
    if (m_sheet->isEnabled() && m_sheet->currentIndex() >= 0)
        r.sheet = m_sheet->currentText();
    // Read another way, the file's rows and columns may be others: corrections made on the validation page no
    // longer apply.
    m_wizard->state().overrides.clear();
    m_wizard->state().originals.clear();
    read();
}

void ImportPreviewPage::read()
{
    ImportJob* job = m_wizard->job();
    if (job->isRunning()) {
        job->cancel();
        job->wait();
    }
    m_loaded = false;
    emit completeChanged();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Reading %1…").arg(QFileInfo(m_wizard->state().path).fileName()));
    m_cancel->show();

    const QString path = m_wizard->state().path;
    const ImportOptions options = m_wizard->state().options(true);
    job->start([this, path, options](Database& db, const std::atomic<bool>* cancel, const ImportProgress&) {
        ImportOptions o = options;
        o.mapping.reset(); // propose one for the header read now (a saved profile, else the synonyms)
        o.reader.cancelFlag = cancel;
        Importer importer(db);
        auto preview = importer.preview(path, o, PreviewRows);
        return ImportJob::Deliver([this, preview = std::move(preview)] {
            m_cancel->hide();
            if (!preview) {
                showError(preview.error().toString());
                return;
            }
            m_wizard->state().preview = *preview;
            m_wizard->state().mapping = preview->mapping;
            m_loaded = true;
            showPreview();
            emit completeChanged();
        });
    });
}

void ImportPreviewPage::showError(const QString& message)
{
    m_wizard->state().preview = ImportPreview();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_status->setText(m_wizard->job()->wasCancelled() ? tr("Reading cancelled.") : message);
    emit completeChanged();
}

void ImportPreviewPage::showPreview()
{
    const ImportPreview& p = m_wizard->state().preview;
    m_syncing = true;
    m_sheet->clear();
    m_sheet->addItems(p.sheets);
    m_sheet->setCurrentIndex(qMax(0, p.sheets.indexOf(p.sheet)));
    m_sheet->setEnabled(p.sheets.size() > 1);
    // Encoding and delimiter mean something for text files only.
    m_encoding->setEnabled(p.format == QLatin1String("csv"));
    m_delimiter->setEnabled(p.format == QLatin1String("csv"));
    m_syncing = false;

    QStringList parts{tr("format %1").arg(p.format.toUpper())};
    if (!p.encoding.isEmpty())
        parts << tr("encoding %1").arg(p.encoding);
    if (p.format == QLatin1String("csv"))
        parts << tr("delimiter %1").arg(delimiterName(p.delimiter));
    if (!p.sheet.isEmpty())
        parts << tr("sheet “%1”").arg(p.sheet);
    parts << tr("header in row %1").arg(p.headerRow);
    if (!p.knownFormat.isEmpty())
        parts << tr("layout %1").arg(p.knownFormat);
    m_detected->setText(tr("Read as: %1").arg(parts.join(QStringLiteral(" · "))));
    m_status->setText(p.rows.size() >= PreviewRows ? tr("Showing the first %1 data rows.").arg(p.rows.size())
                                                   : tr("%n data row(s).", nullptr, int(p.rows.size())));

    m_table->clear();
    m_table->setColumnCount(p.header.size());
    m_table->setHorizontalHeaderLabels(p.header);
    m_table->setRowCount(int(p.rows.size()));
    QStringList rowLabels;
    for (int r = 0; r < p.rows.size(); ++r) {
        rowLabels << QString::number(r < p.rowNumbers.size() ? p.rowNumbers.at(r) : r + 1);
        const QStringList& cells = p.rows.at(r);
        for (int c = 0; c < cells.size() && c < p.header.size(); ++c) {
            auto* item = new QTableWidgetItem(QString(cells.at(c)).replace(QLatin1Char('\n'), QChar(0x23CE)));
            item->setToolTip(cells.at(c));
            m_table->setItem(r, c, item);
        }
    }
    m_table->setVerticalHeaderLabels(rowLabels);
}

} // namespace vigil::ui
