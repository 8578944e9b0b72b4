#pragma once

#include "io/tablereader.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace vigil {

// Cells a user corrected before importing: file row number (1-based, as TableReader::rowNumber()) -> column index
// (0-based) -> the text to read instead of the file's.
using CellOverrides = QHash<qint64, QHash<int, QString>>;
// Sees every row as it streams by (after the overrides), title and header rows included.
using RowObserver = std::function<void(qint64 row, const QStringList& cells)>;

// A TableReader that reads through another one and replaces the given cells as the rows stream by; memory does not
// grow with the file. The header row is the inner reader's (decided before any override). Overrides must name data
// rows: one on the header or a row above it fails open(); one for a row the file does not have fails reading at the
// end of the file (so an import never silently drops a correction). A cell beyond a row's last cell extends the row.
class CellOverrideReader : public TableReader
{
public:
    CellOverrideReader(std::unique_ptr<TableReader> inner, CellOverrides overrides, RowObserver observer = {});

    Format format() const override { return m_inner->format(); }
    QString encoding() const override { return m_inner->encoding(); }
    bool encodingDetected() const override { return m_inner->encodingDetected(); }
    QChar delimiter() const override { return m_inner->delimiter(); }
    bool delimiterDetected() const override { return m_inner->delimiterDetected(); }
    QStringList sheetNames() const override { return m_inner->sheetNames(); }
    QString sheetName() const override { return m_inner->sheetName(); }
    QList<CellRange> mergedRanges() const override { return m_inner->mergedRanges(); }

    // Rows of the overrides not met (yet): after the whole file was read, the rows the file does not have.
    QList<qint64> unusedRows() const;

    // The reader unchanged when there is nothing to override or observe, else wrapped.
    static std::unique_ptr<TableReader> wrap(std::unique_ptr<TableReader> inner, const CellOverrides& overrides,
                                             const RowObserver& observer = {});

protected:
    Status doOpen() override;
    bool readRow(QStringList& row, qint64& rowNumber) override;
    double doProgress() const override { return m_inner->progress(); }

private:
    bool forwardError();

    std::unique_ptr<TableReader> m_inner;
    CellOverrides m_overrides;
    RowObserver m_observer;
    QSet<qint64> m_used;
};

} // namespace vigil
