#include "risk/riskpanel.h"

#include "risk/contributionchart.h"
#include "risk/evidencepanel.h"
#include "risk/riskservice.h"
#include "risk/sitelabels.h"
#include "services/supplierstore.h"
#include "widgets/textstyle.h"

#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QTreeWidget* makeTree(const QStringList& headers, const QString& name)
{
    auto* tree = new QTreeWidget;
    tree->setObjectName(name);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setWordWrap(true);
    tree->setUniformRowHeights(false);
    tree->header()->setStretchLastSection(true);
    tree->setFrameShape(QFrame::NoFrame);
    return tree;
}

QLabel* heading(const QString& text)
{
    auto* l = new QLabel(text);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    l->setContentsMargins(0, 8, 0, 2);
    return l;
}

// Tables as tall as their rows (up to maxRows), so the page scrolls as one instead of many small boxes.
void fitHeight(QTreeWidget* tree, int maxRows = 12)
{
    const int rows = std::clamp(tree->topLevelItemCount(), 1, maxRows);
    const int row = tree->topLevelItemCount() > 0 ? tree->sizeHintForRow(0) : tree->fontMetrics().height() + 6;
    tree->setFixedHeight(tree->header()->sizeHint().height() + rows * std::max(row, 18) + 2 * tree->frameWidth() + 4);
}

QString number(double v)
{
    return QLocale().toString(v, 'f', 1);
}

} // namespace

RiskPanel::RiskPanel(SupplierStore* store, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_service(RiskService::forStore(store))
{
    m_score = new QLabel;
    m_score->setObjectName(QStringLiteral("score"));
    QFont big = m_score->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_score->setFont(big);
    m_tier = new QLabel;
    m_tier->setObjectName(QStringLiteral("tierChip"));
    m_tier->setAlignment(Qt::AlignCenter);
    m_classification = new QLabel;
    m_classification->setObjectName(QStringLiteral("classification"));
    m_bandLabel = new QLabel;
    m_bandLabel->setObjectName(QStringLiteral("band"));
    m_meta = new QLabel;
    m_meta->setWordWrap(true);
    setMutedText(m_meta);
    m_zeroTolerance = new QLabel;
    m_zeroTolerance->setObjectName(QStringLiteral("zeroTolerance"));
    m_zeroTolerance->setWordWrap(true);
    m_zeroTolerance->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8e1b1b; border: 1px solid "
                                                  "#f5c2c0; border-radius: 4px; padding: 6px; }"));
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->hide();

    auto* scoreRow = new QHBoxLayout;
    scoreRow->addWidget(m_score);
    scoreRow->addSpacing(8);
    auto* tierCol = new QVBoxLayout;
    tierCol->addWidget(m_tier, 0, Qt::AlignLeft);
    tierCol->addWidget(m_classification);
    scoreRow->addLayout(tierCol);
    scoreRow->addStretch(1);

    auto* header = new QWidget;
    auto* headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(8, 8, 8, 4);
    headerLayout->addLayout(scoreRow);
    headerLayout->addWidget(m_bandLabel);
    headerLayout->addWidget(m_meta);
    headerLayout->addWidget(m_zeroTolerance);
    headerLayout->addWidget(m_message);

    // "Why this score"
    m_contributions = makeTree({tr("Factor"), tr("Points"), tr("Source")}, QStringLiteral("contributions"));
    m_gaps = makeTree({tr("Evidence gap and what to do")}, QStringLiteral("gaps"));
    m_sources = makeTree({tr("Source"), tr("Used for")}, QStringLiteral("sources"));
    auto* why = new QWidget;
    auto* whyLayout = new QVBoxLayout(why);
    whyLayout->setContentsMargins(8, 0, 8, 8);
    whyLayout->addWidget(heading(tr("Contributions")));
    m_chartHolder = new QVBoxLayout;
    whyLayout->addLayout(m_chartHolder);
    whyLayout->addWidget(m_contributions);
    whyLayout->addWidget(heading(tr("Evidence gaps")));
    whyLayout->addWidget(m_gaps);
    whyLayout->addWidget(heading(tr("Sources")));
    whyLayout->addWidget(m_sources);
    whyLayout->addStretch(1);
    for (QTreeWidget* t : {m_contributions, m_gaps, m_sources}) {
        t->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    }
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(why);

    m_history = makeTree(
        {tr("Evaluated"), tr("Score"), tr("Tier"), tr("ILO"), tr("Methodology"), tr("Datasets"), tr("Why it moved")},
        QStringLiteral("history"));
    setEmptyHint(m_history, tr("No score is recorded yet: Tools → Rescore All Suppliers scores the workspace."));
    m_evidence = new EvidencePanel(m_service, undoStack);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(scroll, tr("Why this score"));
    // Scrolls as one page in a short window, so that its lists keep room for a few rows (or for the sentence that
    // says why they are empty) instead of shrinking to a sliver.
    auto* evidenceScroll = new QScrollArea;
    evidenceScroll->setWidgetResizable(true);
    evidenceScroll->setFrameShape(QFrame::NoFrame);
    evidenceScroll->setWidget(m_evidence);
    m_tabs->addTab(evidenceScroll, tr("Evidence"));
    auto* historyPage = new QWidget;
    auto* historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(8, 8, 8, 8);
    auto* historyNote = new QLabel(tr("A line is added when the result changes. Each line names the methodology "
                                      "version and the datasets (edition) behind it, and why the score moved: "
                                      "methodology, dataset edition, evidence, or evidence ageing."));
    historyNote->setWordWrap(true);
    setMutedText(historyNote);
    historyLayout->addWidget(historyNote);
    historyLayout->addWidget(m_history, 1);
    m_tabs->addTab(historyPage, tr("Score history"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(header);
    layout->addWidget(m_tabs, 1);

    if (m_service) {
        connect(m_service, &RiskService::scoreChanged, this, [this](const QString& id) {
            if (id == m_id)
                reload();
        });
        connect(m_service, &RiskService::allRescored, this, &RiskPanel::reload);
        // An edit of the supplier (country, sector, workers ...) changes its inputs: rescore it (microseconds).
        connect(store, &SupplierStore::suppliersChanged, this, [this](const QStringList& ids) {
            if (!m_id.isEmpty() && ids.contains(m_id))
                m_service->rescore(m_id);
        });
    }
    showResult();
}

void RiskPanel::showSupplier(const QString& id)
{
    m_id = id;
    m_evidence->showSupplier(id);
    reload();
}

void RiskPanel::reload()
{
    m_result.reset();
    m_band = {};
    m_observationText.clear();
    m_siteNames.reset();
    m_message->hide();
    if (!m_service || m_id.isEmpty()) {
        showResult();
        return;
    }
    auto ctx = m_service->context();
    if (!ctx) {
        m_message->setText(ctx.error().message);
        m_message->show();
        showResult();
        return;
    }
    RiskRepository repo = m_service->repository();
    auto input = repo.input(m_id);
    if (input) {
        const Methodology& m = (*ctx)->methodology;
        for (const RiskObservation& o : input->observations) {
            const SourceTypeDef* src = m.sourceType(o.sourceType);
            m_observationText.insert(o.id, tr("Observation: %1").arg(src ? src->label : o.sourceType));
        }
        for (const RiskMitigation& mi : input->mitigations)
            m_observationText.insert(mi.id, tr("Mitigation record"));
        m_band = RiskEngine::sensitivity(*input, (*ctx)->methodology, (*ctx)->reference, m_service->now());
    }
    auto stored = repo.latestScore(m_id, &(*ctx)->methodology);
    if (stored && stored->has_value()) {
        m_result = **stored;
    } else {
        // Never scored: score it now (microseconds) so the panel always explains something.
        auto scored = m_service->rescore(m_id);
        if (scored)
            m_result = *scored;
        else {
            m_message->setText(scored.error().message);
            m_message->show();
        }
    }
    // The engine names sites by id: show their names (or that the site was removed).
    if (auto names = repo.siteNames(m_id)) {
        m_siteNames = names.value();
        if (m_result)
            nameSites(*m_result, *m_siteNames);
    }
    showResult();
}

void RiskPanel::showResult()
{
    const bool has = m_result.has_value();
    m_tabs->setEnabled(has);
    if (!has) {
        m_score->setText(QStringLiteral("—"));
        m_tier->setText(tr("Not scored"));
        m_tier->setStyleSheet(QStringLiteral("QLabel { background: #9e9e9e; color: white; border-radius: 4px; "
                                             "padding: 3px 10px; font-weight: bold; }"));
        m_classification->clear();
        m_bandLabel->clear();
        m_meta->clear();
        m_zeroTolerance->hide();
    } else {
        const RiskResult& r = *m_result;
        m_score->setText(number(r.score));
        m_tier->setText(tierLabel(r.tier).toUpper());
        m_tier->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; border-radius: 4px; "
                                             "padding: 3px 10px; font-weight: bold; }")
                                  .arg(tierColor(r.tier).name()));
        m_classification->setText(tr("ILO: %1").arg(classificationLabel(r.classification)));
        m_bandLabel->setText(
            tr("Sensitivity band: %1 – %2 (%3 – %4)")
                .arg(number(m_band.low), number(m_band.high), tierLabel(m_band.lowTier), tierLabel(m_band.highTier)));
        QString meta = tr("Coverage %1% · confidence %2% · methodology %3 %4")
                           .arg(qRound(r.coverage * 100))
                           .arg(qRound(r.confidence * 100))
                           .arg(r.methodologyId, r.methodologyVersion);
        if (r.tier != r.scoreTier)
            meta += tr(" · escalated from %1").arg(tierLabel(r.scoreTier));
        m_meta->setToolTip(r.escalations.join(QLatin1Char('\n')));
        m_meta->setText(meta);
        m_zeroTolerance->setVisible(r.zeroTolerance);
        QStringList findings;
        const Methodology* m = m_service ? &(*m_service->context())->methodology : nullptr;
        for (const QString& id : r.zeroToleranceFindings) {
            const int i = m ? m->indicatorIndex(id) : -1;
            findings.append(i >= 0 ? m->indicators.at(i).label : id);
        }
        m_zeroTolerance->setText(tr("<b>Zero-tolerance finding:</b> %1. The tier is Critical whatever the score.")
                                     .arg(findings.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    fillContributions();
    fillGaps();
    fillSources();
    fillHistory();
}

QString RiskPanel::sourceText(const QString& source) const
{
    const int colon = source.indexOf(QLatin1Char(':'));
    if (colon > 0) {
        const QString id = source.mid(colon + 1);
        if (m_observationText.contains(id))
            return m_observationText.value(id);
    }
    if (source == QLatin1String("methodology"))
        return tr("Methodology");
    return source;
}

void RiskPanel::fillContributions()
{
    m_contributions->clear();
    if (m_chart) {
        delete m_chart;
        m_chart = nullptr;
    }
    if (!m_result)
        return;
    m_chart = ContributionChart::create(*m_result);
    m_chartHolder->addWidget(m_chart);
    for (const RiskContribution& c : m_result->contributions) {
        auto* item = new QTreeWidgetItem(
            m_contributions,
            {c.label.isEmpty() ? c.factor : c.label, QLocale().toString(c.points, 'f', 1),
             sourceText(c.source)
                 + (c.date.isValid() ? QStringLiteral(" (%1)").arg(c.date.toString(Qt::ISODate)) : QString())});
        item->setData(0, Qt::UserRole, c.factor);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, c.factor);
        if (c.points < 0)
            item->setForeground(1, QColor(0x2e, 0x7d, 0x32));
        else if (c.points > 0)
            item->setForeground(1, QColor(0xc6, 0x28, 0x28));
    }
    m_contributions->resizeColumnToContents(1);
    m_contributions->setColumnWidth(0, 280);
    fitHeight(m_contributions, 20);
}

void RiskPanel::fillGaps()
{
    m_gaps->clear();
    if (!m_result)
        return;
    for (const EvidenceGap& g : m_result->gaps) {
        auto* item = new QTreeWidgetItem(m_gaps, {g.message});
        // A "site not recorded" gap's subject is a site id (kept in the stored result): named like the message.
        const QString subject = g.kind == GapKind::SiteNotRecorded && !g.subject.isEmpty() && m_siteNames
            ? siteLabel(g.subject, *m_siteNames)
            : g.subject;
        item->setToolTip(0, subject.isEmpty() ? gapKindId(g.kind) : gapKindId(g.kind) + QStringLiteral(": ") + subject);
    }
    fitHeight(m_gaps);
}

void RiskPanel::fillSources()
{
    m_sources->clear();
    if (!m_result)
        return;
    QMap<QString, QStringList> used;
    for (const RiskContribution& c : m_result->contributions)
        if (!c.source.isEmpty())
            used[sourceText(c.source)].append(c.label.isEmpty() ? c.factor : c.label);
    for (auto it = used.cbegin(); it != used.cend(); ++it)
        new QTreeWidgetItem(m_sources, {it.key(), it.value().join(QStringLiteral("; "))});
    m_sources->setColumnWidth(0, 240);
    fitHeight(m_sources);
}

void RiskPanel::fillHistory()
{
    m_history->clear();
    if (!m_service || m_id.isEmpty())
        return;
    auto history = m_service->repository().history(m_id);
    if (!history)
        return;
    // Each entry names the methodology version and the datasets (name, edition) it was computed with, and why the
    // score moved since the entry before.
    for (qsizetype i = history->size() - 1; i >= 0; --i) {
        const ScoreHistoryEntry& e = history->at(i);
        QStringList datasets;
        for (const ScoreDataset& d : e.datasets)
            datasets << (d.edition.isEmpty() ? d.name : d.name + QStringLiteral(", ") + d.edition);
        auto* item = new QTreeWidgetItem(m_history,
                                         {QLocale().toString(e.evaluatedAt.toLocalTime(), QLocale::ShortFormat),
                                          number(e.score), tierLabel(e.tier), classificationLabel(e.classification),
                                          e.methodologyId + QLatin1Char(' ') + e.methodologyVersion,
                                          e.datasetsRecorded ? datasets.join(QStringLiteral("; ")) : tr("not recorded"),
                                          i == 0 ? tr("first score") : e.reasons.join(QStringLiteral("; "))});
        item->setForeground(2, tierColor(e.tier));
        item->setToolTip(5, datasets.join(QLatin1Char('\n')));
        item->setToolTip(6, e.reasons.join(QLatin1Char('\n')));
    }
    for (int c = 0; c < 6; ++c)
        m_history->resizeColumnToContents(c);
}

} // namespace vigil::ui
