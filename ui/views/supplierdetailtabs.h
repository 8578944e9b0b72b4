#pragma once

#include "model/supplier.h"
#include "storage/changelog.h"

class QFormLayout;
class QTreeWidget;

namespace vigil::ui {

// Fills the parts of the supplier detail view; each list keeps the item's index in the record in Qt::UserRole.
namespace detail {

QTreeWidget* makeList(const QStringList& headers, const QString& objectName);
void fillProfile(QFormLayout* form, const Supplier& s);
void fillSites(QTreeWidget* list, const QList<Site>& sites);
void fillIdentifiers(QTreeWidget* list, const QList<Identifier>& identifiers);
void fillRecruiters(QTreeWidget* list, const QList<RecruiterLink>& links);
void fillHistory(QTreeWidget* list, const QList<ChangeEntry>& entries);
// "Site", "Identifier" ... and "created", "changed" ... in words.
QString describe(const ChangeEntry& e);

} // namespace detail
} // namespace vigil::ui
