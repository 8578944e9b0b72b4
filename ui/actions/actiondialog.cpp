#include "actions/actiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QDateEdit* dateEdit(const QDate& d)
{
    auto* e = new QDateEdit(d.isValid() ? d : QDate::currentDate());
    e->setCalendarPopup(true);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return e;
}

QPlainTextEdit* textBox(const QString& text, int lines)
{
    auto* e = new QPlainTextEdit(text);
    e->setTabChangesFocus(true); // keyboard: Tab moves on, as in every other field
    e->setFixedHeight(e->fontMetrics().lineSpacing() * lines + 14);
    return e;
}

} // namespace

ActionDialog::ActionDialog(const CorrectiveAction& action, const Choices& choices, Mode mode, QWidget* parent)
    : QDialog(parent)
    , m_action(action)
{
    setWindowTitle(mode == Mode::Add         ? tr("Add corrective action")
                       : mode == Mode::Close ? tr("Close corrective action")
                                             : tr("Edit corrective action"));
    m_description = textBox(action.description, 3);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setPlaceholderText(tr("What is to be done, e.g. “Reimburse recruitment fees paid by the 2025 "
                                         "intake”"));

    m_finding = new QComboBox;
    m_finding->setObjectName(QStringLiteral("finding"));
    m_finding->addItem(tr("(no specific finding)"), QString());
    const auto indicatorLabel = [&](const QString& indicatorId) {
        for (const auto& [id, text] : choices.indicators)
            if (id == indicatorId)
                return text;
        return indicatorId;
    };
    const auto findingData = [](const QString& observationId, const QString& indicatorId) {
        return QStringLiteral("obs:%1:%2").arg(observationId, indicatorId);
    };
    bool findingListed = action.observationId.isEmpty();
    for (const RiskObservation& o : choices.observations) {
        // Findings are what was found present; the one the action answers is offered whatever its status now.
        const bool answered = !action.observationId.isEmpty() && o.id == action.observationId;
        if (o.status != ObservationStatus::Present && !answered)
            continue;
        findingListed |= answered;
        m_finding->addItem(tr("Found: %1 (%2, %3)")
                               .arg(indicatorLabel(o.indicatorId),
                                    choices.sourceLabels.value(o.sourceType, o.sourceType),
                                    o.date.isValid() ? o.date.toString(Qt::ISODate) : tr("undated")),
                           findingData(o.id, o.indicatorId));
    }
    // An observation removed from the supplier since keeps its id on the action (as a removed site does): offered
    // (and chosen) as a removed finding, so that an edit keeps the link unless another finding is chosen, never
    // unlinks the action behind the user's back.
    if (!findingListed) {
        const QString what = action.indicatorId.isEmpty()
            ? tr("finding removed")
            : tr("%1 (finding removed)").arg(indicatorLabel(action.indicatorId));
        m_finding->addItem(tr("Found: %1").arg(what), findingData(action.observationId, action.indicatorId));
    }
    for (const auto& [id, text] : choices.indicators)
        m_finding->addItem(tr("Indicator: %1").arg(text), QStringLiteral("ind:%1").arg(id));
    int findingIndex = 0;
    for (int i = 0; i < m_finding->count(); ++i) {
        const QString data = m_finding->itemData(i).toString();
        if ((!action.observationId.isEmpty() && data.startsWith(QStringLiteral("obs:") + action.observationId))
            || (action.observationId.isEmpty() && !action.indicatorId.isEmpty()
                && data == QStringLiteral("ind:") + action.indicatorId)) {
            findingIndex = i;
            break;
        }
    }
    m_finding->setCurrentIndex(findingIndex);

    m_site = new QComboBox;
    m_site->setObjectName(QStringLiteral("site"));
    m_site->addItem(tr("Whole supplier"), QString());
    for (const Site& s : choices.sites)
        m_site->addItem(s.name, s.id);
    // A site removed from the supplier since keeps its id on the action: offered (and chosen) as it is, so that an
    // edit keeps it unless another site is chosen, never makes the action supplier-wide behind the user's back.
    if (!action.siteId.isEmpty() && m_site->findData(action.siteId) < 0)
        m_site->addItem(removedSiteLabel(), action.siteId);
    m_site->setCurrentIndex(std::max(0, m_site->findData(action.siteId)));

    m_owner = new QLineEdit(action.owner);
    m_owner->setObjectName(QStringLiteral("owner"));
    m_owner->setPlaceholderText(tr("Role or staff member responsible"));
    m_opened = dateEdit(action.openedOn);
    m_opened->setObjectName(QStringLiteral("opened"));
    m_hasDue = new QCheckBox(tr("Due by"));
    m_hasDue->setObjectName(QStringLiteral("hasDue"));
    m_hasDue->setChecked(action.dueOn.isValid() || mode == Mode::Add);
    m_due = dateEdit(action.dueOn.isValid() ? action.dueOn : m_opened->date().addDays(90));
    m_due->setObjectName(QStringLiteral("due"));
    auto* dueRow = new QWidget;
    auto* dueLayout = new QHBoxLayout(dueRow);
    dueLayout->setContentsMargins(0, 0, 0, 0);
    dueLayout->addWidget(m_hasDue);
    dueLayout->addWidget(m_due, 1);

    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("status"));
    for (ActionStatus s : allActionStatuses())
        if (mode != Mode::Close || isClosed(s))
            m_status->addItem(actionStatusLabel(s), int(s));
    ActionStatus status = action.status;
    if (mode == Mode::Close && !isClosed(status))
        status = ActionStatus::ClosedVerified;
    m_status->setCurrentIndex(std::max(0, m_status->findData(int(status))));
    m_closed = dateEdit(action.closedOn.isValid() ? action.closedOn : QDate::currentDate());
    m_closed->setObjectName(QStringLiteral("closed"));
    m_note = textBox(action.verificationNote, 2);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("How the closure was verified (follow-up audit, documents seen). Never a worker's "
                                  "name."));

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->addRow(tr("&Action:"), m_messages.wrap(m_description, QStringLiteral("description")));
    form->addRow(tr("A&nswers:"), m_finding); // Alt+A is the action
    form->addRow(tr("S&ite:"), m_messages.wrap(m_site, QStringLiteral("site")));
    form->addRow(tr("O&wner:"), m_owner);
    form->addRow(tr("O&pened:"), m_messages.wrap(m_opened, QStringLiteral("opened_on")));
    form->addRow(tr("D&ue:"), m_messages.wrap(dueRow, QStringLiteral("due_on")));
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Closed on:"), m_messages.wrap(m_closed, QStringLiteral("closed_on")));
    form->addRow(tr("&Verification:"), m_messages.wrap(m_note, QStringLiteral("verification_note")));
    m_other = new QLabel;
    m_other->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_other->setWordWrap(true);
    m_other->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Add         ? tr("Add action")
                      : mode == Mode::Close ? tr("Close action")
                                            : tr("Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ActionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_other);
    layout->addWidget(m_messages.waitForTheUser()); // the form does not open in red
    layout->addWidget(m_buttons);

    // Editing a field shows its message from then on (the opening date is compared with the due and closing dates).
    const auto edited = [this](const QStringList& fields) {
        return [this, fields] {
            m_messages.touch(fields);
            revalidate();
        };
    };
    connect(m_description, &QPlainTextEdit::textChanged, this, edited({QStringLiteral("description")}));
    connect(m_note, &QPlainTextEdit::textChanged, this, edited({QStringLiteral("verification_note")}));
    connect(m_opened, &QDateEdit::dateChanged, this,
            edited({QStringLiteral("opened_on"), QStringLiteral("due_on"), QStringLiteral("closed_on")}));
    connect(m_due, &QDateEdit::dateChanged, this, edited({QStringLiteral("due_on")}));
    connect(m_closed, &QDateEdit::dateChanged, this, edited({QStringLiteral("closed_on")}));
    connect(m_hasDue, &QCheckBox::toggled, this, [this](bool on) {
        m_due->setEnabled(on);
        m_messages.touch({QStringLiteral("due_on")});
        revalidate();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, &ActionDialog::statusChanged);
    m_due->setEnabled(m_hasDue->isChecked());
    statusChanged();
    if (mode == Mode::Close)
        m_note->setFocus();
    else
        m_description->setFocus();
    resize(560, sizeHint().height());
}

void ActionDialog::statusChanged()
{
    const bool closed = isClosed(ActionStatus(m_status->currentData().toInt()));
    m_closed->setEnabled(closed);
    m_note->setEnabled(closed);
    revalidate();
}

CorrectiveAction ActionDialog::action() const
{
    CorrectiveAction a = m_action;
    a.description = m_description->toPlainText().trimmed();
    const QString finding = m_finding->currentData().toString();
    a.observationId.clear();
    a.indicatorId.clear();
    if (finding.startsWith(QLatin1String("obs:"))) {
        a.observationId = finding.section(QLatin1Char(':'), 1, 1);
        a.indicatorId = finding.section(QLatin1Char(':'), 2);
    } else if (finding.startsWith(QLatin1String("ind:"))) {
        a.indicatorId = finding.mid(4);
    }
    a.siteId = m_site->currentData().toString();
    a.siteName = a.siteId.isEmpty() ? QString() : m_site->currentText();
    a.owner = m_owner->text().trimmed();
    a.openedOn = m_opened->date();
    a.dueOn = m_hasDue->isChecked() ? m_due->date() : QDate();
    a.status = ActionStatus(m_status->currentData().toInt());
    a.closedOn = isClosed(a.status) ? m_closed->date() : QDate();
    a.verificationNote = isClosed(a.status) ? m_note->toPlainText().trimmed() : m_action.verificationNote;
    if (a.status != ActionStatus::ClosedVerified && !isClosed(a.status))
        a.verificationNote = m_action.verificationNote;
    return a;
}

bool ActionDialog::canAccept() const
{
    return validate(action()).isEmpty();
}

void ActionDialog::revalidate()
{
    const bool ok = m_messages.show(validate(action()), m_other);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void ActionDialog::accept()
{
    m_messages.reveal(); // an attempt to save: every reason shows at its field
    revalidate();
    if (!canAccept())
        return; // the reasons are shown beside the fields
    QDialog::accept();
}

} // namespace vigil::ui
