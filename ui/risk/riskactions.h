#pragma once

#include <functional>

class QMenu;
class QWidget;

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

// Adds Methodology… and Rescore All Suppliers… to a menu (the main window's Tools menu). store() gives the open
// workspace, or nullptr.
void addRiskActions(QMenu* menu, QWidget* parent, const std::function<SupplierStore*()>& store);

// Rescores every supplier of the workspace in a worker thread, with progress and cancel; reports failures.
void rescoreWorkspace(QWidget* parent, SupplierStore* store);

} // namespace vigil::ui
