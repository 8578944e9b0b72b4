#include "risk/methodologydialog.h"

#include "risk/methodologystore.h"
#include "risk/riskservice.h"
#include "services/supplierstore.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QJsonValue valueAt(const QJsonObject& root, const QStringList& path)
{
    QJsonValue v = root;
    for (const QString& key : path)
        v = v.toObject().value(key);
    return v;
}

QJsonObject withValue(QJsonObject root, const QStringList& path, const QJsonValue& value)
{
    if (path.size() == 1) {
        root.insert(path.first(), value);
        return root;
    }
    root.insert(path.first(), withValue(root.value(path.first()).toObject(), path.mid(1), value));
    return root;
}

} // namespace

QString nextVersion(const QString& version)
{
    QStringList parts = version.split(QLatin1Char('.'));
    bool ok = false;
    const int last = parts.isEmpty() ? 0 : parts.last().toInt(&ok);
    if (!ok)
        return version + QStringLiteral(".1");
    parts.last() = QString::number(last + 1);
    return parts.join(QLatin1Char('.'));
}

MethodologyDialog::MethodologyDialog(RiskService* service, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
{
    setWindowTitle(tr("Methodology"));
    QString name;
    if (m_service)
        if (auto ctx = m_service->context()) {
            m_base = QJsonDocument::fromJson((*ctx)->methodology.document).object();
            m_baseVersion = (*ctx)->methodology.version;
            name = (*ctx)->methodology.name;
        }

    auto* intro = new QLabel(tr("<b>%1</b> — version %2<br>Change the weights and tier thresholds. Preview how many "
                                "suppliers would change tier before applying; applying creates the new "
                                "version below and rescores every supplier.")
                                 .arg(name.toHtmlEscaped(), m_baseVersion.toHtmlEscaped()));
    intro->setWordWrap(true);

    auto* tiers = new QGroupBox(tr("Tier thresholds (score 0–100)"));
    auto* tiersForm = new QFormLayout(tiers);
    addField(tiersForm, QStringLiteral("tiers.thresholds.medium"), tr("Medium from:"), 100, 1);
    addField(tiersForm, QStringLiteral("tiers.thresholds.high"), tr("High from:"), 100, 1);
    addField(tiersForm, QStringLiteral("tiers.thresholds.critical"), tr("Critical from:"), 100, 1);

    auto* weights = new QGroupBox(tr("Weights (points of the score)"));
    auto* weightsForm = new QFormLayout(weights);
    addField(weightsForm, QStringLiteral("inherent.maxPoints"), tr("Inherent risk (country, sector, goods):"), 100, 1);
    addField(weightsForm, QStringLiteral("workforce.migrantMaxPoints"), tr("Migrant workforce:"), 100, 1);
    addField(weightsForm, QStringLiteral("evidence.maxPoints"), tr("Evidence (indicators) cap:"), 100, 1);
    addField(weightsForm, QStringLiteral("evidence.uncertaintyPoints"), tr("Uncertainty (not assessed):"), 100, 1);
    addField(weightsForm, QStringLiteral("evidence.severities.critical"), tr("Indicator severity critical:"), 100, 1);
    addField(weightsForm, QStringLiteral("evidence.severities.high"), tr("Indicator severity high:"), 100, 1);
    addField(weightsForm, QStringLiteral("evidence.severities.medium"), tr("Indicator severity medium:"), 100, 1);
    addField(weightsForm, QStringLiteral("evidence.severities.low"), tr("Indicator severity low:"), 100, 1);
    addField(weightsForm, QStringLiteral("mitigation.maxPoints"), tr("Mitigation credit cap:"), 100, 1);
    addField(weightsForm, QStringLiteral("evidence.halfLifeDays"), tr("Evidence half-life (days):"), 10000, 0);

    m_version = new QLineEdit(nextVersion(m_baseVersion));
    m_version->setObjectName(QStringLiteral("version"));
    auto* versionForm = new QFormLayout;
    versionForm->addRow(tr("New &version:"), m_version);

    m_impactLabel = new QLabel(tr("Preview the impact before applying."));
    m_impactLabel->setObjectName(QStringLiteral("impact"));
    m_impactLabel->setWordWrap(true);
    m_impactLabel->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); padding: 8px; "
                                                "border-radius: 4px; }"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_preview = buttons->addButton(tr("&Preview Impact"), QDialogButtonBox::ActionRole);
    m_apply = buttons->addButton(tr("&Apply New Version"), QDialogButtonBox::AcceptRole);
    m_apply->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, [this] {
        if (Status st = previewImpact(); !st && st.error().message != tr("Cancelled."))
            QMessageBox::warning(this, windowTitle(), st.error().message);
    });
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (Status st = apply(); st)
            accept();
        else if (st.error().message != tr("Cancelled."))
            QMessageBox::warning(this, windowTitle(), st.error().message);
    });
    connect(m_version, &QLineEdit::textChanged, this, &MethodologyDialog::invalidate);

    auto* columns = new QHBoxLayout;
    columns->addWidget(weights, 3);
    columns->addWidget(tiers, 2, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(columns);
    layout->addLayout(versionForm);
    layout->addWidget(m_impactLabel);
    layout->addWidget(buttons);
}

void MethodologyDialog::addField(QFormLayout* form, const QString& path, const QString& label, double max, int decimals)
{
    auto* spin = new QDoubleSpinBox;
    spin->setObjectName(path);
    spin->setRange(0, max);
    spin->setDecimals(decimals);
    spin->setValue(valueAt(m_base, path.split(QLatin1Char('.'))).toDouble());
    connect(spin, &QDoubleSpinBox::valueChanged, this, &MethodologyDialog::invalidate);
    form->addRow(label, spin);
    m_fields.append({path, spin});
}

bool MethodologyDialog::setValue(const QString& path, double value)
{
    for (const auto& [p, spin] : std::as_const(m_fields))
        if (p == path) {
            spin->setValue(value);
            return true;
        }
    return false;
}

void MethodologyDialog::invalidate()
{
    m_impact.reset();
    m_apply->setEnabled(false);
    m_impactLabel->setText(tr("Preview the impact before applying."));
}

Result<Methodology> MethodologyDialog::proposed() const
{
    if (m_base.isEmpty())
        return makeError(tr("No methodology is loaded."));
    const QString version = m_version->text().trimmed();
    if (version.isEmpty() || version == m_baseVersion)
        return makeError(tr("Give the new version a number different from %1.").arg(m_baseVersion));
    QJsonObject doc = withValue(m_base, {QStringLiteral("version")}, version);
    doc = withValue(doc, {QStringLiteral("published")}, QDate::currentDate().toString(Qt::ISODate));
    for (const auto& [path, spin] : m_fields) {
        const QJsonValue v = spin->decimals() == 0 ? QJsonValue(qRound(spin->value())) : QJsonValue(spin->value());
        doc = withValue(doc, path.split(QLatin1Char('.')), v);
    }
    return Methodology::fromJson(QJsonDocument(doc).toJson(QJsonDocument::Indented), tr("edited methodology"));
}

Status MethodologyDialog::previewImpact()
{
    auto next = proposed();
    if (!next)
        return next.error();
    auto ctx = m_service->context();
    if (!ctx)
        return ctx.error();
    const ScoringContext* context = *ctx;
    const QDateTime now = m_service->now();
    Result<TierImpact> result = makeError(tr("Cancelled."));
    Status st = runWithProgress(this, m_service->database(), tr("Evaluating every supplier…"),
                                [&](Database& db, const ProgressFn& progress) {
                                    result = computeTierImpact(db, *context, *next, now, progress);
                                    return result ? Status() : Status(result.error());
                                });
    if (!st)
        return st;
    m_impact = *result;
    m_impactLabel->setText(tr("<b>%1 of %2 suppliers would change tier</b> (%3 to a higher tier, %4 to a lower "
                              "one) with version %5.")
                               .arg(m_impact->changed)
                               .arg(m_impact->suppliers)
                               .arg(m_impact->up)
                               .arg(m_impact->down)
                               .arg(next->version.toHtmlEscaped()));
    m_apply->setEnabled(true);
    return {};
}

Status MethodologyDialog::apply()
{
    if (!m_impact)
        return makeError(tr("Preview the impact before applying."));
    auto next = proposed();
    if (!next)
        return next.error();
    auto ctx = m_service->context();
    if (!ctx)
        return ctx.error();
    const Methodology previous = (*ctx)->methodology;
    // The new version is stored and made the workspace's active methodology (one transaction), then scores.
    MethodologyStore store(m_service->database());
    store.setActor(QStringLiteral("gui"));
    if (Status st = store.saveVersion(*next, true); !st)
        return st;
    m_service->setMethodology(*next);
    const ScoringContext* context = *ctx;
    const QDateTime now = m_service->now();
    Status st = runWithProgress(this, m_service->database(), tr("Rescoring every supplier…"),
                                [&](Database& db, const ProgressFn& progress) {
                                    auto n = rescoreAll(db, *context, now, progress);
                                    return n ? Status() : Status(n.error());
                                });
    if (!st) {
        // Cancelled or failed: nothing was rescored, so the previous version stays active (the new one is kept,
        // stored, for a later try).
        if (Status undo = store.activate(previous.id, previous.version); !undo)
            return makeError(tr("%1 The previous methodology could not be made active again: rescore the "
                                "workspace.")
                                 .arg(st.error().message));
        m_service->setMethodology(previous);
        return st;
    }
    m_service->notifyAllRescored();
    return st;
}

} // namespace vigil::ui
