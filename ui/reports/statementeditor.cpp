#include "statementeditor.h"

#include "report/statementtexts.h"
#include "widgets/textstyle.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace vigil {

using namespace report;

StatementEditor::StatementEditor(Database* db, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
{
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_law = new QComboBox(this);
    for (Jurisdiction j : allJurisdictions())
        m_law->addItem(lawName(j), jurisdictionId(j));
    m_law->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon); // long law names: see the list
    m_law->setMinimumContentsLength(16);
    form->addRow(tr("&Law:"), m_law);
    m_organisation = new QLineEdit(this);
    m_organisation->setPlaceholderText(tr("The organisation making the statement"));
    form->addRow(tr("&Organisation:"), m_organisation);
    m_period = new QLineEdit(this);
    m_period->setPlaceholderText(tr("e.g. 1 January – 31 December 2026"));
    form->addRow(tr("Reporting &period:"), m_period);
    layout->addLayout(form);

    auto* split = new QSplitter(this);
    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    m_sections = new QListWidget(left);
    m_sections->setObjectName(QStringLiteral("statementSections"));
    m_sections->setMinimumWidth(220);
    // Section titles wrap: cut off at the list's edge, they needed a sideways scroll to be read.
    m_sections->setWordWrap(true);
    m_sections->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sections->setSpacing(2);
    ll->addWidget(m_sections, 1);
    auto* legend = new QLabel(tr("Sections in amber have no text written yet."), left);
    legend->setObjectName(QStringLiteral("statementSectionsLegend"));
    legend->setWordWrap(true);
    ui::setMutedText(legend);
    ll->addWidget(legend);
    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    m_asks = new QLabel(right);
    m_asks->setWordWrap(true);
    m_asks->setTextFormat(Qt::PlainText);
    m_asks->setStyleSheet(QStringLiteral("font-style: italic;"));
    rl->addWidget(m_asks);
    m_text = new QPlainTextEdit(right);
    rl->addWidget(m_text, 1);
    auto* hint = new QLabel(tr("Vigil fills every section with the workspace's figures; write here what only the "
                               "company can say. Never name or describe a worker."),
                            right);
    hint->setWordWrap(true);
    rl->addWidget(hint);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto* buttons = new QHBoxLayout;
    m_state = new QLabel(this);
    buttons->addWidget(m_state, 1);
    m_save = new QPushButton(tr("&Save"), this);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    connect(m_law, &QComboBox::currentIndexChanged, this, [this] {
        if (m_modified)
            saveCurrent();
        reload();
    });
    connect(m_sections, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_modified)
            saveCurrent();
        showSection(row);
    });
    const auto changed = [this] {
        if (m_loading)
            return;
        m_modified = true;
        m_state->setText(tr("Not saved"));
    };
    connect(m_text, &QPlainTextEdit::textChanged, this, changed);
    connect(m_organisation, &QLineEdit::textEdited, this, changed);
    connect(m_period, &QLineEdit::textEdited, this, changed);
    connect(m_save, &QPushButton::clicked, this, &StatementEditor::save);
    reload();
}

Jurisdiction StatementEditor::jurisdiction() const
{
    return jurisdictionFromId(m_law->currentData().toString()).value_or(Jurisdiction::UK);
}

void StatementEditor::setJurisdiction(Jurisdiction j)
{
    m_law->setCurrentIndex(m_law->findData(jurisdictionId(j)));
}

bool StatementEditor::selectSection(const QString& key)
{
    for (int i = 0; i < m_defs.size(); ++i)
        if (m_defs[i].key == key) {
            m_sections->setCurrentRow(i);
            return true;
        }
    return false;
}

QString StatementEditor::currentText() const
{
    return m_text->toPlainText();
}

void StatementEditor::setCurrentText(const QString& text)
{
    m_text->setPlainText(text);
}

void StatementEditor::reload()
{
    m_loading = true;
    m_defs = statementSections(jurisdiction());
    m_texts.clear();
    if (m_db) {
        auto texts = StatementTexts(*m_db).texts(jurisdictionId(jurisdiction()));
        if (texts)
            m_texts = texts.value();
        else
            m_state->setText(texts.error().message);
    }
    m_organisation->setText(m_texts.value(kOrganisationKey));
    m_period->setText(m_texts.value(kPeriodKey));
    m_sections->clear();
    for (const StatementSectionDef& d : std::as_const(m_defs)) {
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2").arg(d.reference, d.title), m_sections);
        item->setToolTip(d.asks);
        if (m_texts.value(d.key).trimmed().isEmpty())
            item->setForeground(QColor(0x9a, 0x5b, 0x00));
    }
    m_row = -1;
    m_modified = false;
    m_loading = false;
    m_sections->setCurrentRow(0);
    m_state->clear();
}

void StatementEditor::showSection(int row)
{
    m_loading = true;
    m_row = row;
    if (row >= 0 && row < m_defs.size()) {
        const StatementSectionDef& d = m_defs[row];
        m_asks->setText(tr("%1 asks: %2").arg(d.reference, d.asks));
        m_text->setPlaceholderText(d.prompt);
        m_text->setPlainText(m_texts.value(d.key));
    }
    m_loading = false;
}

bool StatementEditor::saveCurrent()
{
    if (!m_db)
        return false;
    StatementTexts texts(*m_db);
    const QString j = jurisdictionId(jurisdiction());
    Status st = texts.setText(QStringLiteral("all"), kOrganisationKey, m_organisation->text());
    if (st)
        st = texts.setText(QStringLiteral("all"), kPeriodKey, m_period->text());
    if (st && m_row >= 0 && m_row < m_defs.size()) {
        st = texts.setText(j, m_defs[m_row].key, m_text->toPlainText());
        if (st) {
            m_texts.insert(m_defs[m_row].key, m_text->toPlainText());
            if (QListWidgetItem* item = m_sections->item(m_row))
                item->setForeground(m_text->toPlainText().trimmed().isEmpty() ? QColor(0x9a, 0x5b, 0x00)
                                                                              : palette().color(QPalette::Text));
        }
    }
    if (!st) {
        m_state->setText(st.error().message);
        return false;
    }
    m_modified = false;
    m_state->setText(tr("Saved"));
    emit saved();
    return true;
}

bool StatementEditor::save()
{
    const bool ok = saveCurrent();
    if (!ok && isVisible())
        QMessageBox::warning(this, tr("Statement"), m_state->text());
    return ok;
}

} // namespace vigil
