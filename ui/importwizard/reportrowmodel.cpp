#include "reportrowmodel.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QFont>

namespace vigil::ui {

namespace {
const QColor kCellText(0x1f, 0x1f, 0x1f);
const QColor kEditedBackground(0xdc, 0xf1, 0xea); // a light teal: "changed by you"
const QColor kErrorCellBackground(0xfb, 0xdf, 0xe2);
const QColor kWarningCellBackground(0xff, 0xf1, 0xcc);
} // namespace

QString statusLabel(RowStatus s)
{
    switch (s) {
    case RowStatus::New:
        return ReportRowModel::tr("New");
    case RowStatus::Matched:
        return ReportRowModel::tr("Matched");
    case RowStatus::PossibleDuplicate:
        return ReportRowModel::tr("Possible duplicate");
    case RowStatus::Warning:
        return ReportRowModel::tr("Warning");
    case RowStatus::Error:
        return ReportRowModel::tr("Error");
    }
    return {};
}

QString actionLabel(RowAction a)
{
    switch (a) {
    case RowAction::Add:
        return ReportRowModel::tr("Add");
    case RowAction::Merge:
        return ReportRowModel::tr("Merge");
    case RowAction::Unchanged:
        return ReportRowModel::tr("Unchanged");
    case RowAction::Hold:
        return ReportRowModel::tr("Hold for review");
    case RowAction::Skip:
        return ReportRowModel::tr("Skip");
    }
    return {};
}

QColor statusForeground(RowStatus s)
{
    switch (s) {
    case RowStatus::New:
        return QColor(0x1e, 0x6b, 0x2e);
    case RowStatus::Matched:
        return QColor(0x1a, 0x52, 0x9c);
    case RowStatus::PossibleDuplicate:
        return QColor(0x5e, 0x35, 0x9a);
    case RowStatus::Warning:
        return QColor(0x7a, 0x4a, 0x00);
    case RowStatus::Error:
        return QColor(0xa1, 0x1d, 0x2b);
    }
    return kCellText;
}

QColor statusBackground(RowStatus s)
{
    switch (s) {
    case RowStatus::New:
        return QColor(0xe4, 0xf3, 0xe7);
    case RowStatus::Matched:
        return QColor(0xe3, 0xee, 0xfb);
    case RowStatus::PossibleDuplicate:
        return QColor(0xee, 0xe7, 0xf8);
    case RowStatus::Warning:
        return QColor(0xff, 0xf1, 0xcc);
    case RowStatus::Error:
        return QColor(0xfb, 0xdf, 0xe2);
    }
    return Qt::white;
}

void ReportRowModel::setSourceColumns(const QStringList& header, const ColumnMapping& mapping)
{
    beginResetModel();
    m_header = header;
    m_fileColumns.clear();
    m_fields.clear();
    for (int c = 0; c < mapping.columnCount(); ++c) {
        if (mapping.field(c) == ImportField::Ignore)
            continue;
        m_fileColumns << c;
        m_fields << mapping.field(c);
    }
    endResetModel();
}

void ReportRowModel::setRows(QList<RowResult> rows, QHash<qint64, QStringList> cells, CellOverrides originals)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_cells = std::move(cells);
    m_originals = std::move(originals);
    m_rowOf.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).row, i);
    endResetModel();
}

void ReportRowModel::setCell(int row, int fileColumn, const QString& text, const std::optional<QString>& original)
{
    const qint64 fileRow = m_rows.at(row).row;
    QStringList& cells = m_cells[fileRow];
    while (cells.size() <= fileColumn)
        cells << QString();
    cells[fileColumn] = text;
    if (original) {
        m_originals[fileRow][fileColumn] = *original;
    } else if (auto it = m_originals.find(fileRow); it != m_originals.end()) {
        it->remove(fileColumn);
        if (it->isEmpty())
            m_originals.erase(it);
    }
    const int column = columnOfFileColumn(fileColumn);
    if (column >= 0)
        emit dataChanged(index(row, column), index(row, column));
}

void ReportRowModel::setResult(int row, const RowResult& result)
{
    m_rows[row] = result;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

int ReportRowModel::columnOfFileColumn(int fileColumn) const
{
    const int i = int(m_fileColumns.indexOf(fileColumn));
    return i < 0 ? -1 : FirstCellColumn + i;
}

int ReportRowModel::fileColumnOf(int column) const
{
    const int i = column - FirstCellColumn;
    return i >= 0 && i < m_fileColumns.size() ? m_fileColumns.at(i) : -1;
}

int ReportRowModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReportRowModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : matchColumn() + 1;
}

QString ReportRowModel::reasonsText(const RowResult& r)
{
    QStringList lines;
    QStringList messages;
    for (const Error& e : r.errors) {
        messages << e.message;
        Error located = e;
        located.file = QFileInfo(e.file).fileName(); // the file's name, its folder is known
        lines << located.toString();
    }
    for (const QString& reason : r.reasons)
        if (!messages.contains(reason) && !lines.contains(reason))
            lines << reason;
    return lines.join(QLatin1Char('\n'));
}

int ReportRowModel::issueOf(const RowResult& r, int fileColumn) const
{
    int issue = 0;
    for (const Error& e : r.errors) {
        if (e.column != fileColumn + 1)
            continue;
        // RowResult::errors holds the errors first, then the warnings; a row with an error status has errors.
        const bool isError = r.status == RowStatus::Error && r.reasons.contains(e.message);
        issue = std::max(issue, isError ? 2 : 1);
    }
    return issue;
}

QVariant ReportRowModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RowResult& r = m_rows.at(index.row());
    const int column = index.column();
    const int fileColumn = fileColumnOf(column);
    switch (role) {
    case StatusRole:
        return int(r.status);
    case FileRowRole:
        return r.row;
    case FileColumnRole:
        return fileColumn;
    default:
        break;
    }
    if (fileColumn >= 0) {
        const bool edited = m_originals.value(r.row).contains(fileColumn);
        const int issue = issueOf(r, fileColumn);
        switch (role) {
        case Qt::DisplayRole: {
            // A line break in a cell is shown, not swallowed: the table has one line per row.
            QString text = cell(index.row(), fileColumn);
            text.replace(QLatin1String("\r\n"), QStringLiteral(" \u21b5 "));
            text.replace(QLatin1Char('\n'), QStringLiteral(" \u21b5 "));
            return text.replace(QLatin1Char('\r'), QStringLiteral(" \u21b5 "));
        }
        case Qt::EditRole:
            return cell(index.row(), fileColumn);
        case EditedRole:
            return edited;
        case IssueRole:
            return issue;
        case Qt::BackgroundRole:
            if (issue == 2)
                return QBrush(kErrorCellBackground);
            if (issue == 1)
                return QBrush(kWarningCellBackground);
            return edited ? QBrush(kEditedBackground) : QVariant();
        case Qt::ForegroundRole:
            return issue > 0 || edited ? QBrush(kCellText) : QVariant();
        case Qt::FontRole:
            if (edited) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case Qt::ToolTipRole: {
            QStringList tip;
            for (const Error& e : r.errors)
                if (e.column == fileColumn + 1)
                    tip << e.message;
            if (edited)
                tip << tr("Corrected by you; the file has \"%1\". Ctrl+Z undoes.")
                           .arg(m_originals.value(r.row).value(fileColumn));
            else if (hasCells(index.row()))
                tip << tr("Double-click or press F2 to correct this cell.");
            return tip.join(QLatin1Char('\n'));
        }
        default:
            return {};
        }
    }
    if (column == Status) {
        switch (role) {
        case Qt::DisplayRole:
            return statusLabel(r.status);
        case Qt::ForegroundRole:
            return QBrush(statusForeground(r.status));
        case Qt::BackgroundRole:
            return QBrush(statusBackground(r.status));
        case Qt::FontRole: {
            QFont f;
            f.setBold(r.status == RowStatus::Error);
            return f;
        }
        case Qt::ToolTipRole:
            return reasonsText(r);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && column == reasonsColumn())
        return reasonsText(r);
    if (role == Qt::TextAlignmentRole && column == Row)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (column == Row)
        return r.row;
    if (column == actionColumn())
        return actionLabel(r.action);
    if (column == matchColumn())
        return r.candidateName.isEmpty() ? QString()
                                         : QStringLiteral("%1 (%2%)").arg(r.candidateName).arg(qRound(r.score * 100));
    if (column == reasonsColumn()) {
        // Short: the row is in the Row column and the file is known; the tooltip and the page's details say all.
        QStringList parts;
        QStringList messages;
        for (const Error& e : r.errors) {
            messages << e.message;
            const QString where = !e.field.isEmpty() ? e.field
                : e.column > 0                       ? tr("column %1").arg(e.column)
                                                     : QString();
            parts << (where.isEmpty() ? e.message : QStringLiteral("%1: %2").arg(where, e.message));
        }
        for (const QString& reason : r.reasons)
            if (!messages.contains(reason))
                parts << reason;
        return parts.join(QStringLiteral("; "));
    }
    return {};
}

bool ReportRowModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString text = value.toString();
    const int fileColumn = fileColumnOf(index.column());
    if (text == cell(index.row(), fileColumn))
        return false;
    emit cellEditRequested(m_rows.at(index.row()).row, fileColumn, text);
    return true;
}

Qt::ItemFlags ReportRowModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && isCellColumn(index.column()) && hasCells(index.row()))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ReportRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const int fileColumn = fileColumnOf(section);
    if (fileColumn >= 0) {
        const QString name = m_header.value(fileColumn).simplified();
        const QString field = fieldLabel(m_fields.at(section - FirstCellColumn));
        if (role == Qt::DisplayRole)
            return name.isEmpty() ? field : name;
        if (role == Qt::ToolTipRole)
            return tr("Column %1 of the file, imported as %2").arg(fileColumn + 1).arg(field);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    if (section == Row)
        return tr("Row");
    if (section == Status)
        return tr("Status");
    if (section == actionColumn())
        return tr("Action");
    if (section == matchColumn())
        return tr("Existing supplier");
    if (section == reasonsColumn())
        return tr("Reasons");
    return {};
}

void ReportStatusFilter::setStatus(int status)
{
    m_status = status;
    m_pinned.clear();
    invalidateFilter();
}

bool ReportStatusFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_status < 0)
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return sourceModel()->data(i, ReportRowModel::StatusRole).toInt() == m_status
        || m_pinned.contains(sourceModel()->data(i, ReportRowModel::FileRowRole).toLongLong());
}

} // namespace vigil::ui
