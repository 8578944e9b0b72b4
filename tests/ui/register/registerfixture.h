#pragma once

#include "model/supplier.h"
#include "storage/database.h"

#include <QTemporaryDir>

class QWidget;

#include <memory>

namespace vigil::test {

// A supplier for tests: name, country, sector, tier and tags.
Supplier makeSupplier(const QString& name, const QString& country, const QString& sector = QStringLiteral("Textiles"),
                      int tier = 1, const QStringList& tags = {});

// A new workspace in dir (file name "name"), holding these suppliers (added in one transaction).
std::unique_ptr<Database> makeWorkspace(const QTemporaryDir& dir, const QList<Supplier>& suppliers,
                                        const QString& name = QStringLiteral("test.vigil"));

// Types text into a widget as key events, one character at a time; unlike QTest::keyClicks it takes any script.
void typeText(QWidget* widget, const QString& text);

// The multilingual set the register tests search in: Thai, Chinese, Vietnamese, Burmese, Bengali and Latin names.
QList<Supplier> multilingualSuppliers();

} // namespace vigil::test
