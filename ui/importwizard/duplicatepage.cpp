#include "duplicatepage.h"

#include "importwizard.h"

#include "services/supplierstore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {
enum Column { Row, Incoming, Existing, Similarity, Decision };

QString describe(const QString& name, const QString& country, const QString& address = {})
{
    QStringList lines{name};
    if (!country.isEmpty())
        lines << country;
    if (!address.isEmpty())
        lines << address.simplified();
    return lines.join(QLatin1Char('\n'));
}
// The address cells of a file row (corrections applied), from the cells the validation kept of the listed rows,
// else from the preview (the report does not carry them).
QString addressInPreview(const ImportWizardState& state, qint64 row)
{
    QStringList cells = state.cells.value(row);
    if (cells.isEmpty()) {
        const int i = int(state.preview.rowNumbers.indexOf(row));
        if (i < 0 || i >= state.preview.rows.size())
            return {};
        cells = state.preview.rows.at(i);
    }
    QStringList parts;
    for (int c : state.mapping.columnsOf(ImportField::Address)) {
        const QString v = cells.value(c).simplified();
        if (!v.isEmpty())
            parts << v;
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

ImportDuplicatePage::ImportDuplicatePage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("duplicatePage"));
    setTitle(tr("Review possible duplicates"));
    setSubTitle(tr("These rows resemble a supplier already in the workspace. Vigil remembers your answer for later "
                   "imports. Rows left undecided are held back, not imported."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    m_summary->setObjectName(QStringLiteral("duplicateSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("duplicateTable"));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Row"), tr("In the file"), tr("In the workspace"), tr("Similarity"), tr("Decision")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Incoming, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Existing, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Row, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Similarity, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Decision, QHeaderView::ResizeToContents);

    auto* confirmAll = new QPushButton(tr("All the &same"), this);
    confirmAll->setObjectName(QStringLiteral("confirmAll"));
    auto* rejectAll = new QPushButton(tr("All &different"), this);
    rejectAll->setObjectName(QStringLiteral("rejectAll"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(confirmAll);
    buttons->addWidget(rejectAll);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);

    connect(confirmAll, &QPushButton::clicked, this, [this] { setAll(Same); });
    connect(rejectAll, &QPushButton::clicked, this, [this] { setAll(Different); });
}

void ImportDuplicatePage::initializePage()
{
    m_rows.clear();
    m_candidates.clear();
    const ImportWizardState& state = m_wizard->state();
    QList<const RowResult*> pairs;
    for (const RowResult& r : state.validation.rows)
        if (r.status == RowStatus::PossibleDuplicate && !r.candidateId.isEmpty())
            pairs << &r;

    m_summary->setText(pairs.isEmpty() ? tr("No possible duplicates: every row is either new or a clear match.")
                                       : tr("%n possible duplicate(s).", nullptr, int(pairs.size())));
    m_table->setRowCount(int(pairs.size()));
    for (int i = 0; i < pairs.size(); ++i) {
        const RowResult& r = *pairs.at(i);
        m_rows << r.row;
        m_candidates << r.candidateId;
        QString existing = r.candidateName;
        if (auto record = m_wizard->store().record(r.candidateId))
            existing = describe(record->supplier.name, record->supplier.country, record->supplier.address);
        m_table->setItem(i, Row, new QTableWidgetItem(QString::number(r.row)));
        m_table->setItem(i, Incoming,
                         new QTableWidgetItem(describe(r.name, r.country, addressInPreview(state, r.row))));
        m_table->setItem(i, Existing, new QTableWidgetItem(existing));
        auto* similarity = new QTableWidgetItem(QStringLiteral("%1%").arg(qRound(r.score * 100)));
        similarity->setToolTip(r.reasons.join(QLatin1Char('\n')));
        m_table->setItem(i, Similarity, similarity);
        auto* box = new QComboBox(m_table);
        box->setObjectName(QStringLiteral("decision%1").arg(i));
        box->addItem(tr("Decide later (hold back)"), Later);
        box->addItem(tr("Same supplier: merge"), Same);
        box->addItem(tr("Different supplier: add"), Different);
        box->addItem(tr("Skip this row"), Skip);
        if (auto it = state.decisions.constFind(r.row); it != state.decisions.constEnd()) {
            const int choice = it->kind == RowDecision::Kind::Same ? Same
                : it->kind == RowDecision::Kind::Different         ? Different
                                                                   : Skip;
            box->setCurrentIndex(box->findData(choice));
        }
        m_table->setCellWidget(i, Decision, box);
    }
    m_table->resizeRowsToContents();
}

QComboBox* ImportDuplicatePage::decisionBox(int pair) const
{
    return qobject_cast<QComboBox*>(m_table->cellWidget(pair, Decision));
}

void ImportDuplicatePage::setAll(Choice choice)
{
    for (int i = 0; i < m_table->rowCount(); ++i)
        decisionBox(i)->setCurrentIndex(decisionBox(i)->findData(choice));
}

bool ImportDuplicatePage::validatePage()
{
    QHash<qint64, RowDecision>& decisions = m_wizard->state().decisions;
    for (int i = 0; i < m_rows.size(); ++i) {
        const auto choice = Choice(decisionBox(i)->currentData().toInt());
        decisions.remove(m_rows.at(i));
        if (choice == Later)
            continue;
        RowDecision d;
        d.kind = choice == Same   ? RowDecision::Kind::Same
            : choice == Different ? RowDecision::Kind::Different
                                  : RowDecision::Kind::Skip;
        d.supplierId = m_candidates.at(i);
        decisions.insert(m_rows.at(i), d);
    }
    return true;
}

} // namespace vigil::ui
