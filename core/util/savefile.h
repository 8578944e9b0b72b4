#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

namespace vigil {

// Every export goes through here: QSaveFile write, check, commit. Success is reported only after commit().
Status saveToFile(const QString& path, const QByteArray& data);
// For large outputs written in pieces; the writer returns false (and may set an Error) to abort.
Status saveToFile(const QString& path, const std::function<Status(QIODevice&)>& writer);

} // namespace vigil
