#pragma once

#include "model/supplier.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;
class QUndoStack;

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

class ActionsPanel;
class FeesPanel;
class RiskPanel;

// Everything about one supplier: profile, sites, identifiers, recruiters with their corridors, and the change
// history. Removing a site, identifier or recruiter link is an undoable edit of the supplier's record.
class SupplierDetailView : public QWidget
{
    Q_OBJECT
public:
    // The detail tabs in the order they are shown: what a compliance officer works with first (risk, actions,
    // fees), so that they stay in view when the pane is narrow; the records behind them after.
    enum Tab { ProfileTab, RiskTab, ActionsTab, FeesTab, SitesTab, IdentifiersTab, RecruitersTab, HistoryTab };

    SupplierDetailView(SupplierStore* store, QUndoStack* undoStack, QWidget* parent = nullptr);

    QString supplierId() const { return m_id; }
    const SupplierRecord& record() const { return m_record; }
    QTabWidget* tabs() const { return m_tabs; }
    QSize sizeHint() const override { return QSize(440, 600); }

public slots:
    void showSupplier(const QString& id);
    void reload();

signals:
    void editRequested(const QString& id);

private:
    enum class Part { Sites, Identifiers, Recruiters };
    void removeSelected(Part part);
    void addIdentifier();
    void addSite();
    void editSite(int index);
    void addRecruiterLink();
    void pushEdit(const SupplierRecord& after, const QString& text);
    QWidget* listPage(QTreeWidget* list, Part part);
    void showEmpty(const QString& message);

    SupplierStore* m_store;
    QUndoStack* m_undoStack;
    QString m_id;
    SupplierRecord m_record;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_summary;
    QPushButton* m_edit;
    QTabWidget* m_tabs;
    QFormLayout* m_profile;
    QTreeWidget* m_sites;
    QTreeWidget* m_identifiers;
    QTreeWidget* m_recruiters;
    QTreeWidget* m_history;
    RiskPanel* m_risk;
    ActionsPanel* m_actions;
    FeesPanel* m_fees;
};

} // namespace vigil::ui
