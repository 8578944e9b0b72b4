#pragma once

#include "actions/actionrepository.h"

#include <QDate>
#include <QObject>

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

// The GUI's way into a workspace's corrective actions, fee ledger and trainings: one per SupplierStore (a child of
// it, forStore()). Commands write through repository() and announce the change, so every open view refreshes.
class ActionService : public QObject
{
    Q_OBJECT
public:
    explicit ActionService(SupplierStore* store);
    static ActionService* forStore(SupplierStore* store);

    SupplierStore* store() const { return m_store; }
    ActionRepository repository() const;

    // The day "overdue" is measured against; tests fix it.
    QDate today() const { return m_today.isValid() ? m_today : QDateTime::currentDateTimeUtc().date(); }
    void setToday(const QDate& today) { m_today = today; }

signals:
    void actionsChanged(const QString& supplierId);
    void feesChanged(const QString& supplierId);
    void trainingsChanged();

private:
    SupplierStore* m_store;
    QDate m_today;
};

} // namespace vigil::ui
