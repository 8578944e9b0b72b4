#pragma once

#include "importer/importer.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace vigil::ui {

QString statusLabel(RowStatus s); // "Possible duplicate"
QString actionLabel(RowAction a); // "Merge"
// Colours of a status that read well on a light background (explicit foreground and background, so they also hold
// in a dark theme).
QColor statusForeground(RowStatus s);
QColor statusBackground(RowStatus s);

// The rows of an import report: row, status, reasons, then the file's cells of every mapped column (editable when
// the model has the row's cells), then action and match (the last column). An edit is not applied by the model: it
// asks for it with cellEditRequested (the validation page makes it an undoable command, applies it with setCell and
// re-checks the row with setResult).
class ReportRowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum FixedColumn { Row, Status, Reasons, FirstCellColumn };
    static constexpr int StatusRole = Qt::UserRole + 1; // int(RowStatus)
    static constexpr int FileRowRole = Qt::UserRole + 2; // qint64: the row in the file
    static constexpr int FileColumnRole = Qt::UserRole + 3; // int: 0-based column in the file; -1 for other columns
    static constexpr int EditedRole = Qt::UserRole + 4; // bool: the cell was corrected by the user
    static constexpr int IssueRole = Qt::UserRole + 5; // int: 2 an error names this cell, 1 a warning, 0 none

    using QAbstractTableModel::QAbstractTableModel;
    // The columns of the file shown (those mapped to a field), with the header's names.
    void setSourceColumns(const QStringList& header, const ColumnMapping& mapping);
    // cells: the file's cells by file row (corrections applied); originals: file text of corrected cells.
    void setRows(QList<RowResult> rows, QHash<qint64, QStringList> cells = {}, CellOverrides originals = {});
    const RowResult& rowResult(int row) const { return m_rows.at(row); }
    const QList<RowResult>& rows() const { return m_rows; }
    QStringList cells(int row) const { return m_cells.value(m_rows.at(row).row); }
    QString cell(int row, int fileColumn) const { return cells(row).value(fileColumn); }
    bool hasCells(int row) const { return m_cells.contains(m_rows.at(row).row); }
    // Sets a cell's text; original: the file's text when the cell is now a correction, nullopt when it is not.
    void setCell(int row, int fileColumn, const QString& text, const std::optional<QString>& original);
    void setResult(int row, const RowResult& result);
    int rowOfFileRow(qint64 fileRow) const { return m_rowOf.value(fileRow, -1); }
    int columnOfFileColumn(int fileColumn) const;
    int fileColumnOf(int column) const;
    int actionColumn() const { return FirstCellColumn + int(m_fileColumns.size()); }
    int matchColumn() const { return actionColumn() + 1; }
    int reasonsColumn() const { return Reasons; }
    bool isCellColumn(int column) const { return fileColumnOf(column) >= 0; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "row 5, column 3 (Country): ..." for each error and warning, then the reasons.
    static QString reasonsText(const RowResult& r);

signals:
    void cellEditRequested(qint64 fileRow, int fileColumn, const QString& text);

private:
    int issueOf(const RowResult& r, int fileColumn) const;

    QList<RowResult> m_rows;
    QHash<qint64, int> m_rowOf;
    QHash<qint64, QStringList> m_cells;
    CellOverrides m_originals;
    QList<int> m_fileColumns;
    QStringList m_header;
    QList<ImportField> m_fields;
};

// Shows the rows of one status, or all (status < 0). Rows the user just corrected stay in view until the filter
// is changed, so a fixed row does not vanish under the cursor.
class ReportStatusFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setStatus(int status);
    int status() const { return m_status; }
    void pin(qint64 fileRow) { m_pinned.insert(fileRow); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_status = -1;
    QSet<qint64> m_pinned;
};

} // namespace vigil::ui
