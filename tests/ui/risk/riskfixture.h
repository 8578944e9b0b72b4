#pragma once

#include "risk/riskengine.h"
#include "risk/riskservice.h"
#include "services/supplierstore.h"
#include "storage/database.h"
#include "storage/workspace.h"

#include <QTemporaryDir>

#include <memory>

// A sample workspace (what `vigil-cli init --sample` creates) with its RiskService on a fixed clock.
struct RiskFixture
{
    QTemporaryDir dir;
    std::unique_ptr<vigil::SupplierStore> store;
    vigil::ui::RiskService* service = nullptr;

    QString open()
    {
        auto db = vigil::workspace::openOrCreateSample(dir.filePath(QStringLiteral("sample.vigil")));
        if (!db)
            return db.error().toString();
        store = std::make_unique<vigil::SupplierStore>(std::move(db).value());
        service = vigil::ui::RiskService::forStore(store.get());
        service->setNow(QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC));
        return {};
    }
    const vigil::ScoringContext& context() { return **service->context(); }
    QList<vigil::SupplierRiskInput> inputs() { return *service->repository().allInputs(); }
    vigil::RiskResult direct(const QString& id)
    {
        auto in = service->repository().input(id);
        return vigil::RiskEngine::evaluate(*in, context().methodology, context().reference, service->now());
    }
};
