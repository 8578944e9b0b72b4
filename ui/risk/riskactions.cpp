#include "risk/riskactions.h"

#include "risk/datasetsdialog.h"
#include "risk/methodologydialog.h"
#include "risk/riskjobs.h"
#include "risk/riskservice.h"
#include "services/supplierstore.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>

namespace vigil::ui {

void rescoreWorkspace(QWidget* parent, SupplierStore* store)
{
    RiskService* service = RiskService::forStore(store);
    if (!service)
        return;
    auto ctx = service->context();
    if (!ctx) {
        QMessageBox::warning(parent, QObject::tr("Rescore"), ctx.error().message);
        return;
    }
    const ScoringContext* context = *ctx;
    const QDateTime now = service->now();
    qsizetype scored = 0;
    Status st = runWithProgress(parent, service->database(), QObject::tr("Rescoring every supplier…"),
                                [&](Database& db, const ProgressFn& progress) {
                                    auto n = rescoreAll(db, *context, now, progress);
                                    if (n)
                                        scored = *n;
                                    return n ? Status() : Status(n.error());
                                });
    service->notifyAllRescored();
    if (!st && st.error().message != QObject::tr("Cancelled."))
        QMessageBox::warning(parent, QObject::tr("Rescore"), st.error().message);
    else if (st)
        store->notifyReset();
    Q_UNUSED(scored);
}

void addRiskActions(QMenu* menu, QWidget* parent, const std::function<SupplierStore*()>& store)
{
    QAction* methodology = menu->addAction(QObject::tr("&Methodology…"));
    methodology->setObjectName(QStringLiteral("methodologyAction"));
    QAction* datasets = menu->addAction(QObject::tr("Reference &Data…"));
    datasets->setObjectName(QStringLiteral("referenceDataAction"));
    QAction* rescore = menu->addAction(QObject::tr("&Rescore All Suppliers…"));
    rescore->setObjectName(QStringLiteral("rescoreAllAction"));
    QObject::connect(menu, &QMenu::aboutToShow, menu, [=] {
        methodology->setEnabled(store() != nullptr);
        datasets->setEnabled(store() != nullptr);
        rescore->setEnabled(store() != nullptr);
    });
    QObject::connect(datasets, &QAction::triggered, parent, [=] {
        if (SupplierStore* s = store()) {
            DatasetsDialog dialog(RiskService::forStore(s), parent);
            dialog.exec();
        }
    });
    QObject::connect(methodology, &QAction::triggered, parent, [=] {
        if (SupplierStore* s = store()) {
            MethodologyDialog dialog(RiskService::forStore(s), parent);
            dialog.exec();
        }
    });
    QObject::connect(rescore, &QAction::triggered, parent, [=] {
        if (SupplierStore* s = store())
            rescoreWorkspace(parent, s);
    });
}

} // namespace vigil::ui
