#include "reportrowmodel.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

namespace vigil::ui {

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

void ReportRowModel::setRows(QList<RowResult> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ReportRowModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReportRowModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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

QVariant ReportRowModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RowResult& r = m_rows.at(index.row());
    if (role == StatusRole)
        return int(r.status);
    if (role == Qt::ForegroundRole && index.column() == Status) {
        switch (r.status) {
        case RowStatus::Error:
            return QBrush(QColor(0xb0, 0x00, 0x20));
        case RowStatus::Warning:
        case RowStatus::PossibleDuplicate:
            return QBrush(QColor(0x9a, 0x5b, 0x00));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Reasons)
        return reasonsText(r);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Row:
        return r.row;
    case Status:
        return statusLabel(r.status);
    case Action:
        return actionLabel(r.action);
    case Name:
        return r.name;
    case Country:
        return r.country;
    case Match:
        return r.candidateName.isEmpty() ? QString()
                                         : QStringLiteral("%1 (%2%)").arg(r.candidateName).arg(qRound(r.score * 100));
    case Reasons:
        return reasonsText(r).replace(QLatin1Char('\n'), QStringLiteral("; "));
    default:
        return {};
    }
}

QVariant ReportRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Row:
        return tr("Row");
    case Status:
        return tr("Status");
    case Action:
        return tr("Action");
    case Name:
        return tr("Name");
    case Country:
        return tr("Country");
    case Match:
        return tr("Existing supplier");
    case Reasons:
        return tr("Reasons");
    default:
        return {};
    }
}

void ReportStatusFilter::setStatus(int status)
{
    m_status = status;
    invalidateFilter();
}

bool ReportStatusFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_status < 0)
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return sourceModel()->data(i, ReportRowModel::StatusRole).toInt() == m_status;
}

} // namespace vigil::ui
