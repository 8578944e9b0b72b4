#include "views/supplierfilterbar.h"

#include "actions/actiontypes.h"

#include "risk/riskresult.h"

#include "models/supplierformat.h"
#include "reference/countries.h"
#include "services/supplierstore.h"
#include "widgets/flowlayout.h"
#include "widgets/icons.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil::ui {

namespace {

QComboBox* combo(const QString& objectName, const QString& tip)
{
    auto* box = new QComboBox;
    box->setObjectName(objectName);
    box->setToolTip(tip);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return box;
}

// Wide enough for the "All …" entry whole (the values themselves show whole in the popup), in the box's font.
void fitFirstItem(QComboBox* box)
{
    const QFontMetrics fm = box->fontMetrics();
    const int x = qMax(1, fm.horizontalAdvance(QLatin1Char('X'))); // QComboBox counts its contents length in Xs
    box->setMinimumContentsLength((fm.horizontalAdvance(box->itemText(0)) + x - 1) / x);
}

QStringList values(const Result<QStringList>& r)
{
    return r ? r.value() : QStringList();
}

} // namespace

SupplierFilterBar::SupplierFilterBar(SupplierStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search names…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Finds suppliers whose name or other names contain this text, in any script and any "
                            "case (Ctrl+F)"));
    m_search->addAction(themeIcon({"edit-find"}, QStyle::SP_FileDialogContentsView), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(160);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &SupplierFilterBar::emitChanged);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        emitChanged();
    });

    m_country = combo(QStringLiteral("countryFilter"), tr("Only suppliers in this country"));
    m_sector = combo(QStringLiteral("sectorFilter"), tr("Only suppliers in this sector"));
    m_tier = combo(QStringLiteral("tierFilter"), tr("Only suppliers of this tier"));
    m_tier->addItem(tr("All tiers"));
    for (int t = 1; t <= 9; ++t)
        m_tier->addItem(tr("Tier %1").arg(t), t);
    m_tag = combo(QStringLiteral("tagFilter"), tr("Only suppliers with this tag"));
    m_status = combo(QStringLiteral("statusFilter"), tr("Only suppliers with this status"));
    m_status->addItem(tr("All statuses"));
    for (SupplierStatus s :
         {SupplierStatus::Active, SupplierStatus::Onboarding, SupplierStatus::Suspended, SupplierStatus::Exited})
        m_status->addItem(displayName(s), toString(s));
    m_risk = combo(QStringLiteral("riskFilter"), tr("Only suppliers whose latest score is in this risk tier"));
    m_risk->addItem(tr("All risk tiers"));
    for (RiskTier t : {RiskTier::Low, RiskTier::Medium, RiskTier::High, RiskTier::Critical})
        m_risk->addItem(tr("%1 risk").arg(tierLabel(t)), tierId(t));
    m_action = combo(QStringLiteral("actionFilter"), tr("Only suppliers with a corrective action in this status"));
    m_action->addItem(tr("All actions"));
    m_action->addItem(tr("Overdue action"), QStringLiteral("overdue"));
    for (ActionStatus a : {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::ClosedVerified,
                           ActionStatus::ClosedNotVerified, ActionStatus::Cancelled})
        m_action->addItem(tr("Action: %1").arg(actionStatusLabel(a)), actionStatusId(a));

    auto* clearButton = new QToolButton;
    clearButton->setText(tr("Clear filters"));
    clearButton->setAutoRaise(true);
    connect(clearButton, &QToolButton::clicked, this, &SupplierFilterBar::clear);

    // The search field, then the lists: in one row when the register is wide, wrapping onto more rows (spread
    // evenly) when it is narrow, so the register never forces the window wider than a small laptop's screen.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(clearButton);
    layout->addLayout(searchRow);
    auto* lists = new FlowLayout;
    lists->setSpacing(6);
    for (QComboBox* box : boxes()) {
        lists->addWidget(box);
        connect(box, qOverload<int>(&QComboBox::activated), this, &SupplierFilterBar::emitChanged);
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &SupplierFilterBar::emitChanged);
    }
    layout->addLayout(lists);
    refreshLists();
    for (QComboBox* box : boxes())
        fitFirstItem(box);
}

void SupplierFilterBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        for (QComboBox* box : boxes())
            fitFirstItem(box);
}

void SupplierFilterBar::fill(QComboBox* box, const QList<QPair<QString, QString>>& items)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker block(box);
    const QString all = box->count() ? box->itemText(0) : QString();
    box->clear();
    box->addItem(all);
    for (const auto& [text, value] : items)
        box->addItem(text, value);
    const int index = box->findData(current);
    box->setCurrentIndex(index < 0 ? 0 : index);
}

void SupplierFilterBar::refreshLists()
{
    if (m_country->count() == 0) {
        m_country->addItem(tr("All countries"));
        m_sector->addItem(tr("All sectors"));
        m_tag->addItem(tr("All tags"));
    }
    const SupplierRepository& repo = m_store->repository();
    QList<QPair<QString, QString>> countries;
    for (const QString& code : values(repo.distinctValues(QStringLiteral("country"))))
        countries.append({format::country(code), code});
    std::sort(countries.begin(), countries.end(),
              [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    fill(m_country, countries);
    QList<QPair<QString, QString>> sectors;
    for (const QString& s : values(repo.distinctValues(QStringLiteral("sector"))))
        sectors.append({s, s});
    fill(m_sector, sectors);
    QList<QPair<QString, QString>> tags;
    for (const QString& t : values(repo.distinctValues(QStringLiteral("tag"))))
        tags.append({t, t});
    fill(m_tag, tags);
}

SupplierFilter SupplierFilterBar::filter() const
{
    SupplierFilter f;
    f.search = m_search->text().trimmed();
    f.country = m_country->currentData().toString();
    f.sector = m_sector->currentData().toString();
    if (m_tier->currentData().isValid())
        f.tier = m_tier->currentData().toInt();
    f.tag = m_tag->currentData().toString();
    f.status = m_status->currentData().toString();
    f.riskTier = m_risk->currentData().toString();
    f.action = m_action->currentData().toString();
    return f;
}

void SupplierFilterBar::setFilter(const SupplierFilter& f)
{
    auto choose = [](QComboBox* box, const QVariant& value, const QString& text) {
        const QSignalBlocker block(box);
        if (!value.isValid() || value.toString().isEmpty()) {
            box->setCurrentIndex(0);
            return;
        }
        int index = box->findData(value);
        if (index < 0) {
            box->addItem(text, value);
            index = box->count() - 1;
        }
        box->setCurrentIndex(index);
    };
    choose(m_country, f.country, format::country(f.country));
    choose(m_sector, f.sector, f.sector);
    choose(m_tier, f.tier ? QVariant(*f.tier) : QVariant(), f.tier ? tr("Tier %1").arg(*f.tier) : QString());
    choose(m_tag, f.tag, f.tag);
    choose(m_status, f.status, f.status);
    choose(m_risk, f.riskTier, f.riskTier);
    choose(m_action, f.action, f.action);
    {
        const QSignalBlocker block(m_search);
        m_search->setText(f.search);
    }
    m_debounce->stop();
    emitChanged();
}

void SupplierFilterBar::clear()
{
    for (QComboBox* box : boxes()) {
        const QSignalBlocker block(box);
        box->setCurrentIndex(0);
    }
    {
        const QSignalBlocker block(m_search);
        m_search->clear();
    }
    m_debounce->stop();
    emitChanged();
}

void SupplierFilterBar::emitChanged()
{
    const SupplierFilter f = filter();
    if (f == m_last)
        return;
    m_last = f;
    emit filterChanged(f);
}

} // namespace vigil::ui
