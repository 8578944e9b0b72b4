#pragma once

#include <QWidget>

class QTabWidget;

namespace vigil {

class Database;
class ReportPreview;
class StatementEditor;

// The Reports feature view: the print preview of portfolio reports and statements (with export to PDF, HTML and
// ODT), and the editor of the statement texts only the company can write. A saved text shows in the preview at once.
class ReportsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ReportsPage(Database* db, QWidget* parent = nullptr);

    ReportPreview* preview() const { return m_preview; }
    StatementEditor* editor() const { return m_editor; }

private:
    QTabWidget* m_tabs = nullptr;
    ReportPreview* m_preview = nullptr;
    StatementEditor* m_editor = nullptr;
};

} // namespace vigil
