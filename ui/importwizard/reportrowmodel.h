#pragma once

#include "importer/importer.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace vigil::ui {

QString statusLabel(RowStatus s); // "Possible duplicate"
QString actionLabel(RowAction a); // "Merge"

// The rows of an import report (validation or commit): row, status, action, name, country, match and reasons.
class ReportRowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Row, Status, Action, Name, Country, Match, Reasons, ColumnCount };
    static constexpr int StatusRole = Qt::UserRole + 1; // int(RowStatus)

    using QAbstractTableModel::QAbstractTableModel;
    void setRows(QList<RowResult> rows);
    const RowResult& rowResult(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "row 5, column 3 (Country): ..." for each error and warning, then the reasons.
    static QString reasonsText(const RowResult& r);

private:
    QList<RowResult> m_rows;
};

// Shows the rows of one status, or all (status < 0).
class ReportStatusFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setStatus(int status);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_status = -1;
};

} // namespace vigil::ui
