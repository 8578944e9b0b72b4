#pragma once

#include "report/reportdocument.h"
#include "util/result.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPrintPreviewWidget;
class QPrinter;

namespace vigil {

class Database;

// The print preview of a report (portfolio, a statement for one law, or one supplier's due-diligence report):
// the exported PDF's own pages (through poppler-qt6 when built with it), with Print and Export (PDF, HTML, ODT).
class ReportPreview : public QWidget
{
    Q_OBJECT
public:
    explicit ReportPreview(Database* db, QWidget* parent = nullptr);
    ~ReportPreview() override;

    // kind: "portfolio", "statement" (with jurisdiction id) or "supplier" (with supplier id).
    Status showReport(const QString& kind, const QString& argument = {});
    const report::ReportDocument& document() const { return m_doc; }
    int pageCount() const;
    // Writes the shown report; the format comes from the suffix (.pdf, .html, .odt).
    Status exportTo(const QString& path);

public slots:
    void refresh();

private:
    void paint(QPrinter* printer);
    void askToExport();

    Database* m_db;
    QComboBox* m_kind = nullptr;
    QLabel* m_status = nullptr;
    QPrintPreviewWidget* m_preview = nullptr;
    QPrinter* m_printer = nullptr;
    report::ReportDocument m_doc;
    QString m_supplierId;
    bool m_printing = false; // paint() draws for the printer, not the preview
};

} // namespace vigil
