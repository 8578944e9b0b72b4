#include "mappingpage.h"

#include "importwizard.h"

#include "importer/mappingprofiles.h"
#include "services/supplierstore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {
enum Column { FileColumn, Samples, Field };

QString samplesOf(const ImportPreview& p, int column)
{
    QStringList values;
    for (const QStringList& row : p.rows) {
        const QString v = column < row.size() ? row.at(column).simplified() : QString();
        if (!v.isEmpty() && !values.contains(v))
            values << v;
        if (values.size() == 3)
            break;
    }
    return values.join(QStringLiteral(" · "));
}
} // namespace

ImportMappingPage::ImportMappingPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_source(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_missing(new QLabel(this))
    , m_profileName(new QLineEdit(this))
    , m_saved(new QLabel(this))
{
    setObjectName(QStringLiteral("mappingPage"));
    setTitle(tr("Map the columns"));
    setSubTitle(tr("Choose the Vigil field each column fills. Columns set to “Ignore” are not imported."));

    m_source->setObjectName(QStringLiteral("mappingSource"));
    m_source->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("mappingTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Column in the file"), tr("Sample values"), tr("Vigil field")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Samples, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Field, QHeaderView::ResizeToContents);
    m_missing->setObjectName(QStringLiteral("mappingMissing"));
    m_missing->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_profileName->setObjectName(QStringLiteral("profileName"));
    m_profileName->setPlaceholderText(tr("Profile name, e.g. “Open Supply Hub”"));
    auto* save = new QPushButton(tr("Save as &profile"), this);
    save->setObjectName(QStringLiteral("saveProfile"));
    m_saved->setObjectName(QStringLiteral("profileSaved"));

    m_profileName->setMinimumWidth(260);
    auto* profileLabel = new QLabel(tr("Profile &name:"), this);
    profileLabel->setBuddy(m_profileName);
    auto* profileRow = new QHBoxLayout;
    profileRow->addWidget(profileLabel);
    profileRow->addWidget(m_profileName);
    profileRow->addWidget(save);
    profileRow->addWidget(m_saved, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_missing);
    layout->addLayout(profileRow);

    connect(save, &QPushButton::clicked, this, &ImportMappingPage::saveProfile);
    connect(m_profileName, &QLineEdit::textChanged, m_saved, &QLabel::clear);
}

void ImportMappingPage::initializePage()
{
    const ImportPreview& p = m_wizard->state().preview;
    const ColumnMapping& mapping = m_wizard->state().mapping;
    if (!p.profile.isEmpty())
        m_source->setText(tr("The saved profile “%1” matches this header and was applied.").arg(p.profile));
    else if (!p.knownFormat.isEmpty())
        m_source->setText(tr("Recognised layout: %1.").arg(p.knownFormat));
    else
        m_source->setText(tr("Vigil proposed a field for each column it recognised by its name."));
    m_profileName->setText(p.profile);
    m_saved->clear();

    m_table->setRowCount(int(p.header.size()));
    for (int c = 0; c < p.header.size(); ++c) {
        m_table->setItem(c, FileColumn, new QTableWidgetItem(p.header.at(c)));
        auto* samples = new QTableWidgetItem(samplesOf(p, c));
        samples->setForeground(palette().brush(QPalette::PlaceholderText));
        m_table->setItem(c, Samples, samples);
        auto* box = new QComboBox(m_table);
        box->setObjectName(QStringLiteral("field%1").arg(c));
        box->addItem(tr("Ignore"), fieldKey(ImportField::Ignore));
        for (ImportField f : allImportFields())
            box->addItem(fieldLabel(f), fieldKey(f));
        box->setCurrentIndex(qMax(0, box->findData(fieldKey(mapping.field(c)))));
        connect(box, &QComboBox::currentIndexChanged, this, [this, c] { fieldChanged(c); });
        m_table->setCellWidget(c, Field, box);
    }
    fieldChanged(-1);
}

QComboBox* ImportMappingPage::fieldBox(int column) const
{
    return qobject_cast<QComboBox*>(m_table->cellWidget(column, Field));
}

void ImportMappingPage::fieldChanged(int column)
{
    ColumnMapping& mapping = m_wizard->state().mapping;
    if (column >= 0)
        mapping.setField(column, fieldFromKey(fieldBox(column)->currentData().toString()));
    m_missing->setText(
        mapping.has(ImportField::Name)
            ? QString()
            : tr("Map one column to “%1”: every supplier needs a name.").arg(fieldLabel(ImportField::Name)));
    m_saved->clear();
    emit completeChanged();
}

bool ImportMappingPage::isComplete() const
{
    return m_wizard->state().mapping.has(ImportField::Name);
}

bool ImportMappingPage::saveProfile()
{
    const QString name = m_profileName->text().trimmed();
    if (name.isEmpty()) {
        m_saved->setText(tr("Enter a name first."));
        return false;
    }
    // A few rows in one statement: done on the GUI connection (no worker is running on this page).
    MappingProfiles profiles(m_wizard->store().database());
    const Status st = profiles.save(name, m_wizard->state().preview.header, m_wizard->state().mapping);
    m_saved->setText(st ? tr("Saved.") : st.error().message);
    return bool(st);
}

} // namespace vigil::ui
