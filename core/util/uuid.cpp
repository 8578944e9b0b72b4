#include "util/uuid.h"

#include <QUuid>

namespace vigil {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isUuid(const QString& s)
{
    return s.size() == 36 && !QUuid::fromString(s).isNull();
}

} // namespace vigil
