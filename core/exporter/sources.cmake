# core/exporter: the supplier register as CSV, XLSX or JSON.
target_sources(vigil_core PRIVATE
    exporter/cellguard.h exporter/cellguard.cpp
    exporter/supplierjson.h exporter/supplierjson.cpp)
target_sources(vigil_core PRIVATE
    exporter/supplierexporter.h exporter/supplierexporter.cpp)
target_sources(vigil_core PRIVATE
    exporter/xlsxsheetwriter.h exporter/xlsxsheetwriter.cpp)
