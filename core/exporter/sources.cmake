# core/exporter: the supplier register as CSV, XLSX or JSON; the XLSX workbook writer.
target_sources(vigil_core PRIVATE
    exporter/cellguard.h exporter/cellguard.cpp
    exporter/supplierjson.h exporter/supplierjson.cpp)
target_sources(vigil_core PRIVATE
    exporter/supplierexporter.h exporter/supplierexporter.cpp)
# XlsxWorkbookWriter runs app/xlsxwriter's vigil-xlsxwriter: whatever links the core gets it built too.
target_sources(vigil_core PRIVATE
    exporter/xlsxworkbookwriter.h exporter/xlsxworkbookwriter.cpp)
add_dependencies(vigil_core vigil-xlsxwriter)
