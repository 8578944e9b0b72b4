#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <memory>

class QuaZip;
class QuaZipFile;

namespace vigil {

// A read-only view of a part of the zip that refuses to decompress more than a limit (zip bombs): past it,
// reads fail and exceeded() is true.
class LimitedZipDevice : public QIODevice
{
public:
    LimitedZipDevice(std::unique_ptr<QuaZipFile> file, qint64 limit);
    ~LimitedZipDevice() override;
    bool isSequential() const override { return true; }
    bool exceeded() const { return m_exceeded; }
    qint64 bytesRead() const { return m_read; }
    qint64 declaredSize() const { return m_declared; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    std::unique_ptr<QuaZipFile> m_file;
    qint64 m_limit;
    qint64 m_read = 0;
    qint64 m_declared = 0;
    qint64 m_compressed = 0;
    bool m_exceeded = false;
};

// The zip container of an .xlsx (OPC package): parts by name, case-insensitive as OPC says.
class XlsxPackage
{
public:
    XlsxPackage();
    ~XlsxPackage();

    // What kind of file the first bytes say: a zip, an OLE2 compound file (legacy .xls or encrypted OOXML), other.
    enum class Kind { Zip, Cfb, Other };
    static Kind kindOf(const QByteArray& head);
    // For a compound file: a message that says what it is and what to do (encrypted workbook, .xls, other).
    static QString compoundFileMessage(QIODevice* device);

    Status open(QIODevice* device);
    bool hasPart(const QString& name) const;
    // The whole part, refusing more than maxBytes decompressed.
    Result<QByteArray> readPart(const QString& name, qint64 maxBytes);
    // A streaming device over a part; only one may be open at a time.
    Result<std::unique_ptr<LimitedZipDevice>> openPart(const QString& name, qint64 maxBytes);

    // Resolves a relationship target against the folder of the part that owns the relationship.
    static QString resolve(const QString& sourcePart, const QString& target);
    // "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"
    static QString relsPathFor(const QString& part);

private:
    std::unique_ptr<QuaZip> m_zip;
};

} // namespace vigil
