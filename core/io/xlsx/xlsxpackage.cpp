#include "io/xlsx/xlsxpackage.h"

#include <QDir>

#include <quazip.h>
#include <quazipfile.h>

namespace vigil {

namespace {
// Deflate cannot do better than about 1032:1; real sheets stay far below 200:1.
constexpr qint64 kRatioCheckFrom = 64LL * 1024 * 1024;
constexpr qint64 kMaxRatio = 400;
} // namespace

LimitedZipDevice::LimitedZipDevice(std::unique_ptr<QuaZipFile> file, qint64 limit)
    : m_file(std::move(file))
    , m_limit(limit)
{
    m_declared = m_file->usize();
    m_compressed = m_file->csize();
    QIODevice::open(QIODevice::ReadOnly);
}

LimitedZipDevice::~LimitedZipDevice()
{
    if (m_file)
        m_file->close();
}

qint64 LimitedZipDevice::readData(char* data, qint64 maxSize)
{
    if (m_exceeded)
        return -1;
    const qint64 got = m_file->read(data, maxSize);
    if (got > 0) {
        m_read += got;
        if (m_read > m_limit || (m_read > kRatioCheckFrom && m_compressed > 0 && m_read / m_compressed > kMaxRatio)) {
            m_exceeded = true;
            return -1;
        }
    }
    return got;
}

XlsxPackage::XlsxPackage() = default;

XlsxPackage::~XlsxPackage()
{
    if (m_zip)
        m_zip->close();
}

XlsxPackage::Kind XlsxPackage::kindOf(const QByteArray& head)
{
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06"))
        return Kind::Zip;
    if (head.startsWith(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
        return Kind::Cfb;
    return Kind::Other;
}

QString XlsxPackage::compoundFileMessage(QIODevice* device)
{
    // The stream names of the compound file's directory are UTF-16LE; looking for them is enough to tell.
    auto utf16 = [](const char* ascii) {
        QByteArray b;
        for (const char* p = ascii; *p; ++p) {
            b.append(*p);
            b.append('\0');
        }
        return b;
    };
    const QByteArray encrypted = utf16("EncryptedPackage");
    const QByteArray encryptionInfo = utf16("EncryptionInfo");
    const QByteArray workbook = utf16("Workbook");
    const QByteArray book = utf16("Book");
    bool hasEncrypted = false;
    bool hasWorkbook = false;
    device->seek(0);
    QByteArray carry;
    qint64 scanned = 0;
    while (!device->atEnd() && scanned < 256LL * 1024 * 1024) {
        QByteArray chunk = carry + device->read(1024 * 1024);
        if (chunk.size() == carry.size())
            break;
        scanned += chunk.size() - carry.size();
        hasEncrypted = hasEncrypted || chunk.contains(encrypted) || chunk.contains(encryptionInfo);
        hasWorkbook = hasWorkbook || chunk.contains(workbook) || chunk.contains(book);
        carry = chunk.right(64);
        if (hasEncrypted)
            break;
    }
    if (hasEncrypted)
        return QStringLiteral("the workbook is protected with a password (encrypted): open it in Excel or LibreOffice, "
                              "remove the password and save it as .xlsx, then import that file");
    if (hasWorkbook)
        return QStringLiteral("this is a legacy Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and "
                              "save it as .xlsx (Excel Workbook), then import that file");
    return QStringLiteral("this is an old Office document (OLE2 compound file), not a workbook Vigil can read: "
                          "save it as .xlsx or .csv");
}

Status XlsxPackage::open(QIODevice* device)
{
    m_zip = std::make_unique<QuaZip>(device);
    if (!m_zip->open(QuaZip::mdUnzip))
        return makeError(QStringLiteral("the workbook's zip container is damaged: it cannot be opened"),
                         QStringLiteral("QuaZip error %1").arg(m_zip->getZipError()));
    return {};
}

bool XlsxPackage::hasPart(const QString& name) const
{
    return m_zip && m_zip->setCurrentFile(name, QuaZip::csInsensitive);
}

Result<std::unique_ptr<LimitedZipDevice>> XlsxPackage::openPart(const QString& name, qint64 maxBytes)
{
    if (!m_zip || !m_zip->setCurrentFile(name, QuaZip::csInsensitive))
        return makeError(QStringLiteral("the workbook has no part '%1': the file is damaged").arg(name));
    auto file = std::make_unique<QuaZipFile>(m_zip.get());
    if (!file->open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("the workbook's part '%1' cannot be read: the file is damaged or uses an "
                                        "unsupported compression")
                             .arg(name),
                         QStringLiteral("QuaZip error %1").arg(file->getZipError()));
    return std::make_unique<LimitedZipDevice>(std::move(file), maxBytes);
}

Result<QByteArray> XlsxPackage::readPart(const QString& name, qint64 maxBytes)
{
    auto dev = openPart(name, maxBytes);
    if (!dev)
        return dev.error();
    QByteArray data;
    char buffer[64 * 1024];
    for (;;) {
        const qint64 got = dev.value()->read(buffer, sizeof buffer);
        if (got < 0) {
            if (dev.value()->exceeded())
                return makeError(QStringLiteral("the workbook's part '%1' unpacks to more than %2 MiB: the file is "
                                                "damaged or hostile (a zip bomb?)")
                                     .arg(name)
                                     .arg(maxBytes / (1024 * 1024)));
            return makeError(
                QStringLiteral("the workbook's part '%1' cannot be unpacked: the file is damaged").arg(name));
        }
        if (got == 0)
            break;
        data.append(buffer, int(got));
    }
    return data;
}

QString XlsxPackage::resolve(const QString& sourcePart, const QString& target)
{
    QString t = target;
    t.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (t.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(t).mid(1);
    const int slash = int(sourcePart.lastIndexOf(QLatin1Char('/')));
    const QString folder = slash >= 0 ? sourcePart.left(slash + 1) : QString();
    QString path = QDir::cleanPath(QLatin1Char('/') + folder + t);
    return path.mid(1);
}

QString XlsxPackage::relsPathFor(const QString& part)
{
    const int slash = int(part.lastIndexOf(QLatin1Char('/')));
    const QString folder = slash >= 0 ? part.left(slash + 1) : QString();
    return folder + QStringLiteral("_rels/") + part.mid(slash + 1) + QStringLiteral(".rels");
}

} // namespace vigil
