#include "dashboardview.h"

#include "chartfactory.h"
#include "reference/countries.h"
#include "report/reportblocks.h"
#include "services/supplierstore.h"
#include "storage/database.h"
#include "widgets/textstyle.h"

#include <QChartView>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace vigil {

namespace {

report::ReportChart actionsChart(const report::PortfolioData& d)
{
    report::ReportChart c;
    c.id = QStringLiteral("actions");
    c.title = QStringLiteral("Actions verified at suppliers");
    c.valueLabel = QStringLiteral("suppliers");
    report::ChartSeries s{QStringLiteral("Suppliers"), {}, QStringLiteral("#2f5d8a")};
    for (auto it = d.mitigationLabels.cbegin(); it != d.mitigationLabels.cend(); ++it) {
        c.categories << it.value();
        s.values << d.mitigationSuppliers.value(it.key());
    }
    c.series << s;
    // Bars across, with the names on the left: standing bars cut the names to a few letters each.
    c.horizontal = true;
    return c;
}

report::ReportChart coverageChart(const report::PortfolioData& d)
{
    report::ReportChart c;
    c.id = QStringLiteral("coverage");
    c.title = QStringLiteral("Evidence coverage (age of the newest evidence)");
    c.valueLabel = QStringLiteral("suppliers");
    c.categories = {QStringLiteral("No evidence"), QStringLiteral("Under 12 months"), QStringLiteral("12–24 months"),
                    QStringLiteral("Over 24 months")};
    QList<double> v{0, 0, 0, 0};
    const QDate today = d.now.toUTC().date();
    for (const report::SupplierRisk& s : d.suppliers) {
        if (!s.lastEvidence.isValid())
            v[0] += 1;
        else if (s.lastEvidence.daysTo(today) < 365)
            v[1] += 1;
        else if (s.lastEvidence.daysTo(today) < 730)
            v[2] += 1;
        else
            v[3] += 1;
    }
    c.series << report::ChartSeries{QStringLiteral("Suppliers"), v, QStringLiteral("#5b7f9e")};
    c.horizontal = true; // the age ranges read whole
    return c;
}

} // namespace

DashboardView::DashboardView(SupplierStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    auto* title = new QLabel(tr("Portfolio overview"), content);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);
    m_figures = new QLabel(content);
    m_figures->setTextFormat(Qt::RichText);
    m_figures->setWordWrap(true);
    layout->addWidget(m_figures);
    m_grid = new QGridLayout;
    m_grid->setSpacing(12);
    layout->addLayout(m_grid);
    m_status = new QLabel(content);
    m_status->setWordWrap(true);
    ui::setMutedText(m_status);
    layout->addWidget(m_status);
    layout->addStretch();
    scroll->setWidget(content);
    outer->addWidget(scroll);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    connect(m_debounce, &QTimer::timeout, this, &DashboardView::refresh);
    if (m_store) {
        connect(m_store, &SupplierStore::suppliersAdded, m_debounce, qOverload<>(&QTimer::start));
        connect(m_store, &SupplierStore::suppliersChanged, m_debounce, qOverload<>(&QTimer::start));
        connect(m_store, &SupplierStore::suppliersRemoved, m_debounce, qOverload<>(&QTimer::start));
        connect(m_store, &SupplierStore::reset, m_debounce, qOverload<>(&QTimer::start));
        refresh();
    }
}

QStringList DashboardView::chartIds() const
{
    QStringList ids;
    for (const Card& c : m_cards)
        ids << c.id;
    return ids;
}

QChartView* DashboardView::chartView(const QString& id) const
{
    for (const Card& c : m_cards)
        if (c.id == id)
            return c.view;
    return nullptr;
}

void DashboardView::refresh()
{
    if (!m_store)
        return;
    if (m_loading) {
        m_again = true; // one more read when this one ends
        return;
    }
    m_loading = true;
    m_status->setText(tr("Reading the portfolio…"));
    const int generation = ++m_generation;
    const QString path = m_store->path();
    auto* watcher = new QFutureWatcher<Result<report::PortfolioData>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        apply(generation, watcher->result());
    });
    // SQLite connections belong to the thread that opens them: the worker opens its own.
    watcher->setFuture(QtConcurrent::run([path]() -> Result<report::PortfolioData> {
        auto db = Database::open(path);
        if (!db)
            return db.error();
        return report::gatherPortfolio(*db.value(), QDateTime::currentDateTimeUtc());
    }));
}

void DashboardView::apply(int generation, const Result<report::PortfolioData>& data)
{
    m_loading = false;
    if (generation == m_generation) {
        if (!data) {
            m_status->setText(data.error().message);
        } else {
            m_data = data.value();
            rebuild();
        }
    }
    if (m_again) {
        m_again = false;
        refresh();
        return;
    }
    emit refreshed();
}

void DashboardView::rebuild()
{
    for (const Card& c : std::as_const(m_cards))
        delete c.frame;
    m_cards.clear();
    using namespace report::blocks;
    const int total = int(m_data.suppliers.size());
    m_figures->setText(
        tr("<b>%1</b> suppliers &nbsp;·&nbsp; <b style='color:#b3261e'>%2</b> Critical &nbsp;·&nbsp; "
           "<b style='color:#dd6b20'>%3</b> High &nbsp;·&nbsp; <b>%4</b> possible forced labour &nbsp;·&nbsp; "
           "<b>%5</b> assessed in the last 12 months &nbsp;·&nbsp; <b style='color:#b3261e'>%6</b> corrective "
           "actions overdue")
            .arg(report::formatCount(total), report::formatCount(m_data.countTier(RiskTier::Critical)),
                 report::formatCount(m_data.countTier(RiskTier::High)),
                 report::formatCount(m_data.possibleForcedLabour()), report::formatCount(m_data.assessedWithin(365)),
                 report::formatCount(m_data.cycle.summary.overdue)));

    addCard(tierDistributionChart(m_data), {});
    addCard(supplyTierChart(m_data), [this] {
        QStringList keys;
        const QMap<int, int> by = m_data.bySupplyTier();
        for (auto it = by.cbegin(); it != by.cend(); ++it)
            keys << QString::number(it.key());
        return keys;
    }());
    const report::ReportChart byCountry = riskByChart(m_data, true);
    QStringList codes;
    for (const QString& name : byCountry.categories)
        codes << Countries::instance().resolve(name).value_or(QString());
    addCard(byCountry, codes);
    const report::ReportChart bySector = riskByChart(m_data, false);
    QStringList sectors = bySector.categories;
    sectors.replaceInStrings(QStringLiteral("(not recorded)"), QString());
    addCard(bySector, sectors);
    QString historyNote;
    if (m_data.historyMonths.isEmpty())
        historyNote = tr("No score history yet: score the workspace to build it.");
    else if (m_data.historyMonths.size() == 1) // one dot per tier, no line yet
        historyNote = tr("One month of score history so far: the lines start with the next month's scores.");
    addCard(tiersOverTimeChart(m_data), {}, historyNote);
    addCard(actionsChart(m_data), {});
    addCard(coverageChart(m_data), {});
    QStringList statuses;
    for (ActionStatus st : allActionStatuses())
        statuses << actionStatusId(st);
    const ActionSummary& cycle = m_data.cycle.summary;
    addCard(actionsByStatusChart(cycle), statuses,
            m_data.cycle.hasActions()
                ? QString()
                : tr("No corrective action is recorded yet: add them in a supplier's Actions tab."));
    placeCards();
    m_status->setText(tr("Risk computed %1 UTC with %2 %3. Click a bar to open the register filtered to it.")
                          .arg(m_data.now.toString(QStringLiteral("yyyy-MM-dd HH:mm")), m_data.methodologyName,
                               m_data.methodologyVersion));
}

void DashboardView::addCard(const report::ReportChart& chart, const QStringList& keys, const QString& note)
{
    auto* frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setObjectName(QStringLiteral("dashboardCard"));
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(6, 6, 6, 6);
    const QString id = chart.id;
    auto* view = ChartFactory::create(chart, frame, [this, id](int index) { activate(id, index); });
    view->setObjectName(id);
    layout->addWidget(view);
    auto* bar = new QHBoxLayout;
    if (!note.isEmpty()) {
        auto* label = new QLabel(note, frame);
        label->setObjectName(chart.id + QStringLiteral("Note"));
        label->setWordWrap(true);
        label->setStyleSheet(QStringLiteral("color: #9a5b00;"));
        bar->addWidget(label, 1);
    } else {
        bar->addStretch(1);
    }
    auto* save = new QToolButton(frame);
    save->setText(tr("Save…"));
    save->setObjectName(chart.id + QStringLiteral("Save"));
    save->setToolTip(tr("Save this chart as PNG or SVG"));
    // Eight buttons read "Save…": a screen reader names the chart too.
    save->setAccessibleName(tr("Save chart “%1”").arg(chart.title));
    save->setAutoRaise(true);
    connect(save, &QToolButton::clicked, this, [this, id] { askToSave(id); });
    bar->addWidget(save);
    layout->addLayout(bar);
    m_cards.append({id, view, frame, keys});
}

int DashboardView::fittingColumns() const
{
    // A chart needs about 52 characters' width to be read (axis labels, category names); two stand side by side
    // when both get that, beside the page margins and the scroll bar (counted always, so the choice never flips
    // as the scroll bar comes and goes).
    const int card = 52 * fontMetrics().averageCharWidth();
    const QMargins page = m_grid->parentWidget()->layout()->contentsMargins();
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    const int needed = 2 * card + m_grid->horizontalSpacing() + page.left() + page.right() + scrollBar;
    return width() >= needed ? 2 : 1;
}

void DashboardView::placeCards()
{
    m_columns = fittingColumns();
    for (const Card& c : std::as_const(m_cards))
        m_grid->removeWidget(c.frame);
    for (int i = 0; i < m_cards.size(); ++i) {
        m_grid->addWidget(m_cards.at(i).frame, i / m_columns, i % m_columns);
        m_cards.at(i).frame->show();
    }
    // Equal columns, whatever each chart would like.
    for (int c = 0; c < 2; ++c)
        m_grid->setColumnStretch(c, c < m_columns ? 1 : 0);
}

void DashboardView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (fittingColumns() != m_columns)
        placeCards();
}

void DashboardView::activate(const QString& id, int index)
{
    if (id == QLatin1String("tiers")) {
        if (index >= 0 && index <= 3)
            emit riskTierRequested(RiskTier(index));
        return;
    }
    if (id == QLatin1String("corrective_actions")) {
        // The register cannot filter by corrective action yet: the host decides what to show.
        if (index >= 0 && index < allActionStatuses().size())
            emit actionStatusRequested(allActionStatuses().at(index));
        return;
    }
    for (const Card& c : std::as_const(m_cards)) {
        if (c.id != id || index < 0 || index >= c.keys.size())
            continue;
        SupplierFilter f;
        if (id == QLatin1String("risk_by_country"))
            f.country = c.keys[index];
        else if (id == QLatin1String("risk_by_sector"))
            f.sector = c.keys[index];
        else if (id == QLatin1String("supply_tiers"))
            f.tier = c.keys[index].toInt();
        if (!f.isEmpty())
            emit filterRequested(f);
    }
}

Status DashboardView::saveChart(const QString& id, const QString& path)
{
    QChartView* view = chartView(id);
    if (!view)
        return makeError(tr("There is no chart '%1'.").arg(id));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return ChartFactory::saveSvg(view, path);
    if (suffix == QLatin1String("png"))
        return ChartFactory::savePng(view, path);
    return makeError(tr("Save the chart as .png or .svg."));
}

void DashboardView::askToSave(const QString& id)
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), id + QStringLiteral(".png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"), &selected);
    if (path.isEmpty())
        return;
    if (Status st = saveChart(id, path); !st)
        QMessageBox::warning(this, tr("Save chart"), st.error().message);
}

} // namespace vigil
