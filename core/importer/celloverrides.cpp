#include "importer/celloverrides.h"

#include <algorithm>

namespace vigil {

namespace {

QString rowList(QList<qint64> rows)
{
    std::sort(rows.begin(), rows.end());
    QStringList parts;
    for (int i = 0; i < rows.size() && i < 10; ++i)
        parts << QString::number(rows.at(i));
    if (rows.size() > 10)
        parts << QStringLiteral("... (%1 rows in all)").arg(rows.size());
    return parts.join(QStringLiteral(", "));
}

} // namespace

CellOverrideReader::CellOverrideReader(std::unique_ptr<TableReader> inner, CellOverrides overrides,
                                       RowObserver observer)
    : TableReader(inner->fileName(), ReaderOptions{})
    , m_inner(std::move(inner))
    , m_overrides(std::move(overrides))
    , m_observer(std::move(observer))
{
}

std::unique_ptr<TableReader> CellOverrideReader::wrap(std::unique_ptr<TableReader> inner,
                                                      const CellOverrides& overrides, const RowObserver& observer)
{
    if (!inner || (overrides.isEmpty() && !observer))
        return inner;
    return std::make_unique<CellOverrideReader>(std::move(inner), overrides, observer);
}

QList<qint64> CellOverrideReader::unusedRows() const
{
    QList<qint64> rows;
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        if (!m_used.contains(it.key()))
            rows << it.key();
    std::sort(rows.begin(), rows.end());
    return rows;
}

Status CellOverrideReader::doOpen()
{
    if (Status s = m_inner->open(); !s)
        return s;
    // The inner reader decided the header (from the file as it is); the base class must not decide again on rows
    // with overrides applied.
    m_options.headerRow = m_inner->headerRow();
    QList<qint64> above;
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it) {
        if (it.key() <= m_inner->headerRow() || it.key() < 1)
            above << it.key();
        for (auto c = it->cbegin(); c != it->cend(); ++c) {
            if (c.key() < 0 || c.key() >= ReaderOptions{}.maxColumns)
                return makeFileError(
                    QStringLiteral("A corrected cell has no column %1 (row %2).").arg(c.key() + 1).arg(it.key()),
                    it.key());
        }
    }
    if (!above.isEmpty())
        return makeFileError(QStringLiteral("Corrected cells must be in data rows; row(s) %1 are the header (row %2) "
                                            "or above it.")
                                 .arg(rowList(above))
                                 .arg(m_inner->headerRow()),
                             above.first());
    return {};
}

bool CellOverrideReader::forwardError()
{
    const Error& e = m_inner->error();
    return setError(e.message, e.row, e.column, e.detail);
}

bool CellOverrideReader::readRow(QStringList& row, qint64& rowNumber)
{
    if (!m_inner->next(row)) {
        if (m_inner->failed())
            return forwardError();
        const QList<qint64> missing = unusedRows();
        if (!missing.isEmpty())
            return setError(QStringLiteral("The file has no row %1: corrections were made for rows that are not in "
                                           "it (has the file changed since it was checked?).")
                                .arg(rowList(missing)),
                            missing.first());
        return false;
    }
    rowNumber = m_inner->rowNumber();
    if (auto it = m_overrides.constFind(rowNumber); it != m_overrides.constEnd()) {
        m_used.insert(rowNumber);
        for (auto c = it->cbegin(); c != it->cend(); ++c) {
            if (c.key() >= row.size() && c.value().isEmpty())
                continue;
            while (row.size() <= c.key())
                row << QString();
            row[c.key()] = c.value();
        }
    }
    if (m_observer)
        m_observer(rowNumber, row);
    return true;
}

} // namespace vigil
