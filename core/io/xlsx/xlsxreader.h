#pragma once

#include "io/cellformat.h"
#include "io/tablereader.h"

#include <QStringList>
#include <QVector>

#include <memory>

class QFile;
class QIODevice;
class QXmlStreamReader;

namespace vigil {

class LimitedZipDevice;
class XlsxPackage;

// Reads one sheet of an .xlsx workbook (Transitional or Strict OOXML), streaming the sheet XML from the zip.
// Shared strings and cell styles are held in memory (they are needed in any order); the sheet is not.
// Legacy .xls and password-protected workbooks (both OLE2 compound files) are refused with what to do.
class XlsxReader : public TableReader
{
public:
    explicit XlsxReader(const QString& path, const ReaderOptions& options = {});
    // Reads from `device` (open for reading, random access, outliving the reader); `name` is used in messages.
    XlsxReader(QIODevice* device, const QString& name, const ReaderOptions& options = {});
    ~XlsxReader() override;

    Format format() const override { return Format::Xlsx; }
    QStringList sheetNames() const override { return m_sheetNames; }
    QString sheetName() const override { return m_sheetName; }
    QList<CellRange> mergedRanges() const override { return m_merges; }
    bool date1904() const { return m_date1904; }

    static constexpr qint64 kMaxRows = 1048576;
    static constexpr int kMaxMergedRanges = 100000;

protected:
    Status doOpen() override;
    bool readRow(QStringList& row, qint64& rowNumber) override;
    double doProgress() const override;

private:
    Status scanMerges(const QString& part);
    bool sheetXmlError(qint64 row);
    QString cellText(const QString& type, int style, const QString& value, const QString& inlineText, bool hasValue,
                     bool hasInline, qint64 row, int column, bool& ok);

    std::unique_ptr<QFile> m_file;
    QIODevice* m_device = nullptr;
    std::unique_ptr<XlsxPackage> m_package;
    std::unique_ptr<LimitedZipDevice> m_sheet;
    std::unique_ptr<QXmlStreamReader> m_xml;
    QStringList m_sheetNames;
    QString m_sheetName;
    QString m_sheetPart;
    QList<CellRange> m_merges;
    QStringList m_shared;
    QVector<CellFormat::DateKind> m_styles;
    bool m_date1904 = false;
    bool m_done = false;
    qint64 m_lastRow = 0;
};

} // namespace vigil
