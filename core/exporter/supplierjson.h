#pragma once

#include "model/supplier.h"

#include <QJsonObject>

namespace vigil {

// A supplier record as JSON (the JSON export and the before-images an import keeps for undo). Absent optional
// values are null; lists are arrays. fromJson(toJson(r)) == r for every field Vigil stores.
QJsonObject supplierRecordToJson(const SupplierRecord& record);
SupplierRecord supplierRecordFromJson(const QJsonObject& o);

} // namespace vigil
