#include "util/savefile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace vigil {

Status saveToFile(const QString& path, const std::function<Status(QIODevice&)>& writer)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Error e = makeError(QStringLiteral("Cannot write this file: %1. Check that the folder exists and is writable.")
                                .arg(file.errorString()));
        e.file = path;
        return e;
    }
    Status st = writer(file);
    if (!st.ok()) {
        file.cancelWriting();
        Error e = st.error();
        if (e.file.isEmpty())
            e.file = path;
        return e;
    }
    if (file.error() != QFileDevice::NoError || !file.commit()) {
        Error e = makeError(QStringLiteral("The file could not be saved completely (%1); nothing was replaced.")
                                .arg(file.errorString()));
        e.file = path;
        return e;
    }
    return {};
}

Status saveToFile(const QString& path, const QByteArray& data)
{
    return saveToFile(path, [&data](QIODevice& dev) -> Status {
        if (dev.write(data) != data.size())
            return makeError(QStringLiteral("Writing failed: %1").arg(dev.errorString()));
        return {};
    });
}

} // namespace vigil
